"""Each bench writes its own section of docs/performance.md, between markers, so one bench's
`--write-docs` never wipes another's numbers."""

from __future__ import annotations

import time
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
TITLE = "# Performance\n"


def write_section(name: str, heading: str, text: str, doc: Path = DOC) -> None:
    """Replace the section `name` (or add it at the end), stamped with the time it was written."""
    begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->"
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    section = (f"{begin}\n## {heading}\n\nWritten by `python bench/{name}.py --write-docs` on "
               f"{stamp}. Read the load average beside the numbers: the machine may have been "
               f"shared.\n\n{text.strip()}\n{end}")
    old = doc.read_text() if doc.exists() else TITLE
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        new = head + section + rest.split(end, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    tmp = doc.with_suffix(".tmp")
    tmp.write_text(new)
    tmp.replace(doc)

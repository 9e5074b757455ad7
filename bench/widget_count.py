"""How many ipywidgets models each workshop page opens, served by workshop-kit, per view.

Every model's state goes over the websocket when a page opens; thirty attendees opening a page at
once multiply it (issue 16). Run from the repository root:
`.venv/bin/python bench/widget_count.py [page ...]` (default: every notebook).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
COUNT_CELL = (
    "import ipywidgets.widgets.widget as _w\n"
    "print(len(_w._instances))"
)
VIEWS = {"attendee": "", "trainer": "view=trainer"}


def widget_count(page: str, query: str) -> int:
    """The models alive after the page ran in a kernel served as workshop-kit serves it."""
    nb = nbformat.read(NOTEBOOKS / f"{page}.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(COUNT_CELL))
    env = {"WORKSHOP_KIT_SERVED": "1", "QUERY_STRING": query}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    outputs = [o for o in nb.cells[-1].outputs if o.get("name") == "stdout"]
    return int(outputs[-1]["text"].split()[-1])


def main(pages: list[str]) -> None:
    pages = pages or sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
    print(f"{'page':34} {'attendee':>9} {'trainer':>8}")
    for page in pages:
        counts = Counter({view: widget_count(page, q) for view, q in VIEWS.items()})
        print(f"{page:34} {counts['attendee']:9} {counts['trainer']:8}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

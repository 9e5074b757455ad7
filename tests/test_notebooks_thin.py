"""Notebooks are thin: every legal fact they show comes from the content files.

Markdown is narrative only — no durations, statutory citations or case citations, which belong in
sourced content — and code cells only call the library with ids, never with text of their own.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))

LEGAL_FACT_PATTERNS = {
    "a duration": re.compile(r"\b\d+\s*(working\s+)?(days?|weeks?|months?|years?)\b", re.I),
    "a statutory citation": re.compile(r"\b(s|ss|reg|regs|Art|Arts|para|Sch)\.?\s?\d+[A-Z]?\b"),
    "a case citation": re.compile(r"\[\d{4}\]\s+[A-Z]+"),
    "a number of weeks or months written out": re.compile(
        r"\b(one|two|three|six|ten|twelve|twenty[- ]six)\s+(working\s+)?(days?|weeks?|months?)\b", re.I),
}


def cells(path: Path, kind: str) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_states_no_legal_fact(path):
    found = [(name, m.group(0)) for text in cells(path, "markdown")
             for name, pattern in LEGAL_FACT_PATTERNS.items() for m in pattern.finditer(text)]
    assert found == [], f"{path.name}: move these into sourced content: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_passes_only_ids_to_the_library(path):
    for source in cells(path, "code"):
        literals = [n.value for n in ast.walk(ast.parse(source))
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        assert all(re.fullmatch(r"[a-z0-9_]+", s) for s in literals), literals


@pytest.mark.parametrize("text", ["within 26 weeks", "s14C", "Re B [2013] UKSC 33", "three months"])
def test_the_check_catches_hard_coded_facts(text):
    assert any(p.search(text) for p in LEGAL_FACT_PATTERNS.values())

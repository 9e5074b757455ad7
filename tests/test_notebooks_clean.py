"""Notebooks are committed clean: no outputs, the standard kernel, a title, the disclaimer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*REPO.glob("notebooks/*.ipynb"),
                    *REPO.glob("src/workshop_kit/**/*.ipynb")])


def test_there_are_notebooks():
    assert any(p.name == "index.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [i for i, c in enumerate(nb["cells"]) if c.get("outputs") or c.get("execution_count")]
    assert dirty == [], f"{path.name}: strip outputs of cells {dirty}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_uses_the_python3_kernel_and_has_a_title(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["metadata"].get("title")


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.parent.name == "notebooks"],
                         ids=lambda p: p.name)
def test_workshop_notebook_shows_the_training_notice(path):
    source = "".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"])
    assert "page_setup()" in source or ".header()" in source

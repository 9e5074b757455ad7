"""`workshop-kit new-workshop ID`: a plan and a thin notebook that already pass `validate`, so a
newcomer starts from a checked unit and edits text, not structure.

The plan has one section; the notebook opens the plan, shows that section, the discussion and the
reading, the way every shipped workshop does (see `faces.workshop_page`). Nothing is written
unless both files can be: an existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml

from workshop_kit.core.workshop_plan import WorkshopPlan

NOTEBOOK_ID = re.compile(r"^[0-9a-z_]{1,60}$")
FIRST_SECTION = "introduction"


def _title_from(workshop_id: str) -> str:
    words = re.sub(r"^\d+_", "", workshop_id).replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else workshop_id


def plan_yaml(workshop_id: str, title: str) -> str:
    """The plan, with every field a trainer fills in, and comments saying what goes where."""
    return f"""\
# Teaching plan for notebooks/{workshop_id}.ipynb (made by workshop-kit new-workshop on
# {dt.date.today().isoformat()}). Edit the text; keep each section id in step with the notebook,
# which shows a section with page.key_points("<id>"). `workshop-kit validate` checks both.
# Legal points go under a section's key_points, each with text, source, confidence and
# last_reviewed (see docs/content.md).
id: {workshop_id}
title: {json.dumps(title)}
notebook: {workshop_id}.ipynb
audience: Social workers, managers and solicitors
summary: What this workshop covers, in one sentence.
objectives:
  - What attendees will be able to do by the end.
sections:
  - id: {FIRST_SECTION}
    title: Introduction
    minutes: 10
    trainer_notes:
      - What the trainer does in this section.
discussion:
  - prompt: A question for the room.
    model_answer: What a good answer covers.
further_reading: []
"""


def _cell(kind: str, source: str, number: int) -> dict:
    cell: dict = {"cell_type": kind, "id": f"new{number:05d}", "metadata": {}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def notebook_json(workshop_id: str, title: str) -> str:
    """A thin notebook: narrative in markdown, and code cells that only pass ids to the library."""
    cells = [
        ("markdown", f"# {title}\n\nOne or two sentences of narrative: what this workshop is "
                     "about and who it is for. Legal points belong in the plan's key points."),
        ("code", "from workshop_kit.faces.workshop_page import WorkshopPage\n\n"
                 f'page = WorkshopPage("{workshop_id}")\npage.header()'),
        ("markdown", "## Introduction"),
        ("code", f'page.key_points("{FIRST_SECTION}")'),
        ("markdown", "## Discussion"),
        ("code", "page.discussion()"),
        ("markdown", "## Sources and further reading"),
        ("code", "page.further_reading()"),
    ]
    notebook = {
        "cells": [_cell(kind, source, n) for n, (kind, source) in enumerate(cells)],
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                           "name": "python3"},
            "language_info": {"name": "python"},
            "title": title,
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def new_workshop(workshop_id: str, plans: Path, notebooks: Path,
                 title: str | None = None) -> list[Path]:
    """Write `<plans>/<id>.yaml` and `<notebooks>/<id>.ipynb`; return their paths.

    Raises ValueError (nothing written) for a bad id or a file that already exists."""
    if not NOTEBOOK_ID.fullmatch(workshop_id):
        raise ValueError(f"'{workshop_id}' cannot be a workshop id: use lower-case letters, digits "
                         "and _ only (it is also the notebook's file name), e.g. 05_contact_abroad")
    title = title or _title_from(workshop_id)
    plan_path, notebook_path = plans / f"{workshop_id}.yaml", notebooks / f"{workshop_id}.ipynb"
    existing = [str(p) for p in (plan_path, notebook_path) if p.exists()]
    if existing:
        raise ValueError(f"{' and '.join(existing)} already exist(s); choose another id "
                         "(nothing was written)")
    text = plan_yaml(workshop_id, title)
    WorkshopPlan.model_validate(yaml.safe_load(text))  # a bad title fails before any write
    plans.mkdir(parents=True, exist_ok=True)
    notebooks.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(text, encoding="utf-8")
    notebook_path.write_text(notebook_json(workshop_id, title), encoding="utf-8")
    return [plan_path, notebook_path]

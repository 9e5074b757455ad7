"""Each workshop is one checked unit: its plan and its notebook agree on every section; and
`workshop-kit new-workshop` starts a unit that already passes the check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_notebooks_thin import LEGAL_FACT_PATTERNS, cells
from workshop_kit.cli import main
from workshop_kit.core.content import CONTENT_DIR, load_named, notebooks_dir, workshop_plans
from workshop_kit.core.loading import read_yaml
from workshop_kit.core.workshop_plan import WorkshopPlan
from workshop_kit.core.workshop_unit import check_workshop_unit, notebook_use
from workshop_kit.faces.page_mode import PAGE_MODE, TRAINER, TrainerOnly
from workshop_kit.faces.widgets.base import static_html
from workshop_kit.faces.workshop_page import WorkshopPage

PLANS = CONTENT_DIR / "workshops"


def problems_of(plan_id: str, notebooks: Path) -> list[str]:
    path = PLANS / f"{plan_id}.yaml"
    plan = load_named(path, WorkshopPlan)
    return [str(p) for p in check_workshop_unit(plan, read_yaml(path), notebooks)]


def edited_notebook(tmp_path: Path, plan_id: str, old: str, new: str | None) -> Path:
    """A copy of the shipped notebook with one code cell changed (new) or removed (None)."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    data = json.loads((notebooks_dir() / f"{plan_id}.ipynb").read_text(encoding="utf-8"))
    hits = [c for c in data["cells"] if "".join(c["source"]) == old]
    assert len(hits) == 1, old
    if new is None:
        data["cells"].remove(hits[0])
    else:
        hits[0]["source"] = new
    (folder / f"{plan_id}.ipynb").write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.mark.parametrize("plan", workshop_plans(), ids=lambda p: p.id)
def test_every_shipped_workshop_plan_and_notebook_agree(plan):
    assert problems_of(plan.id, notebooks_dir()) == []


def test_every_section_of_workshop_00_is_shown_including_its_discussion_trainer_notes():
    """The bug this check found: the notebook never showed the 'discussion' section."""
    shown = {s for _, s in notebook_use(notebooks_dir() / "00_orders_compared.ipynb").sections}
    assert shown == {"chart", "discussion"}
    before, PAGE_MODE.mode = PAGE_MODE.mode, TRAINER
    try:
        box = WorkshopPage("00_orders_compared").key_points("discussion")
        notes = [c for c in box.children if isinstance(c, TrainerOnly)]
        assert len(notes) == 1 and notes[0].shown
        assert "Take one question per table group" in notes[0].children[0].value
    finally:
        PAGE_MODE.mode = before


def test_a_section_the_notebook_never_shows_is_an_error_naming_the_section(tmp_path):
    folder = edited_notebook(tmp_path, "01_special_guardianship", 'page.key_points("support")', None)
    found = problems_of("01_special_guardianship", folder)
    assert len(found) == 1
    assert "[sections[4]]: section 'support' is never shown" in found[0]
    assert 'page.key_points("support")' in found[0]


def test_a_cell_naming_a_section_the_plan_lacks_is_an_error_naming_the_cell(tmp_path):
    folder = edited_notebook(tmp_path, "02_convention_adoption", 'page.key_points("nationality")',
                             'page.key_points("nationalty")')
    found = problems_of("02_convention_adoption", folder)
    assert any("[cell " in p and "shows section 'nationalty', which" in p
               and "known: convention_steps" in p for p in found), found
    assert any("section 'nationality' is never shown" in p for p in found), found


def test_a_notebook_opening_another_plan_is_an_error(tmp_path):
    old = ('from workshop_kit.faces.workshop_page import WorkshopPage\n\n'
           'page = WorkshopPage("03_viability_and_support_plans")\npage.header()')
    folder = edited_notebook(tmp_path, "03_viability_and_support_plans", old,
                             old.replace("03_viability_and_support_plans", "02_convention_adoption"))
    found = problems_of("03_viability_and_support_plans", folder)
    assert found and "opens workshop '02_convention_adoption', but this notebook belongs to" in found[0]


def test_a_plan_whose_notebook_is_missing_is_an_error_on_its_notebook_field(tmp_path):
    (tmp_path / "notebooks").mkdir()
    found = problems_of("04_case_study_explorer", tmp_path / "notebooks")
    assert len(found) == 1
    assert "line 4 [notebook]: names 04_case_study_explorer.ipynb, which is not in" in found[0]


def test_validate_reports_a_broken_unit_with_exit_status_1(tmp_path, monkeypatch):
    folder = edited_notebook(tmp_path, "00_orders_compared", 'page.key_points("chart")', None)
    monkeypatch.setenv("WORKSHOP_KIT_NOTEBOOKS", str(folder))
    result = CliRunner().invoke(main, ["validate", str(PLANS / "00_orders_compared.yaml")])
    assert result.exit_code == 1
    assert "section 'chart' is never shown" in result.output


def test_new_workshop_scaffolds_a_plan_and_thin_notebook_that_validate(tmp_path, monkeypatch):
    plans, notebooks = tmp_path / "content" / "workshops", tmp_path / "notebooks"
    args = ["new-workshop", "05_contact_abroad", "--plans", str(plans), "--notebooks", str(notebooks)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    plan_file, notebook = plans / "05_contact_abroad.yaml", notebooks / "05_contact_abroad.ipynb"
    assert plan_file.is_file() and notebook.is_file()

    monkeypatch.setenv("WORKSHOP_KIT_NOTEBOOKS", str(notebooks))
    checked = CliRunner().invoke(main, ["validate", str(plan_file)])
    assert checked.exit_code == 0, checked.output
    assert "OK: 1 file checked, 0 errors" in checked.output

    # thin, clean and renderable, like every shipped notebook
    assert not [m for text in cells(notebook, "markdown") for p in LEGAL_FACT_PATTERNS.values()
                for m in p.finditer(text)]
    assert all(not c.get("outputs") for c in json.loads(notebook.read_text())["cells"])
    plan = load_named(plan_file, WorkshopPlan)
    assert plan.title == "Contact abroad"
    page = WorkshopPage(plan)
    assert "What attendees will be able to do" in static_html(page.header())
    page.key_points("introduction")

    again = CliRunner().invoke(main, args)
    assert again.exit_code == 1 and "already exist" in again.output


def test_new_workshop_refuses_an_id_that_cannot_name_a_notebook(tmp_path):
    result = CliRunner().invoke(main, ["new-workshop", "Contact-Abroad", "--plans", str(tmp_path),
                                       "--notebooks", str(tmp_path)])
    assert result.exit_code == 1
    assert "lower-case letters, digits and _ only" in result.output
    assert list(tmp_path.iterdir()) == []


def test_shipped_notebooks_all_belong_to_a_plan_or_are_the_landing_page():
    owned = {p.notebook for p in workshop_plans()}
    found = {p.name for p in notebooks_dir().glob("*.ipynb")}
    assert found - owned == {"index.ipynb"}

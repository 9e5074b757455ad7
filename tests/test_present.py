"""Live slides without a browser: where each cell goes, which workshop a trainer means, and the
trainer link that lands on the slides."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from workshop_kit.cli import main
from workshop_kit.core.content import workshop_plans
from workshop_kit.core.ids import UnknownId
from workshop_kit.faces.present import (
    PART,
    SAME,
    SECTION,
    SERVED_TEMPLATES,
    TEMPLATE,
    opened_plan,
    presentation_path,
    shown_section,
    slide_marks,
    workshop_notebook,
)
from workshop_kit.faces.present_template import SectionSlides
from workshop_kit.faces.trainer import local_path, trainer_path
from workshop_kit.faces.webapp import TEMPLATES_DIR, notebooks_dir


def md(text: str) -> dict:
    return {"cell_type": "markdown", "source": text}


def code(text: str) -> dict:
    return {"cell_type": "code", "source": text}


def test_each_heading_opens_a_slide_group_and_other_cells_join_it():
    cells = [md("# Title\nIntro"), code("page.header()"), md("## A section\nA question?"),
             code('page.key_points("a")'), md("Some words, no heading"), md("### A sub-heading")]
    assert slide_marks(cells) == [SECTION, SAME, SECTION, SAME, SAME, SAME]


def test_a_widget_stays_under_its_question_when_only_words_are_above_it():
    cells = [md("## Compare\nWhich differences matter?"), code("page.show(OrdersComparison)"),
             code('page.key_points("what_it_does")')]
    assert slide_marks(cells) == [SECTION, SAME, PART]


def test_a_widget_after_key_points_gets_a_slide_of_its_own():
    cells = [md("## Steps"), code('page.key_points("steps")'),
             code('from x import TimelinePlanner\n\npage.show(TimelinePlanner, route="sgo")'),
             md("## Next section")]
    assert slide_marks(cells) == [SECTION, SAME, PART, SECTION]


def test_the_first_cell_opens_a_slide_group_even_without_a_heading():
    assert slide_marks([code("page.header()"), md("text")]) == [SECTION, SAME]
    assert slide_marks([]) == []


def test_a_cell_that_is_not_python_is_not_taken_for_a_widget():
    cells = [md("## A"), code('page.key_points("a")'), code("%%html\n<b>page.show(</b>")]
    assert slide_marks(cells) == [SECTION, SAME, SAME]


@pytest.mark.parametrize("plan", workshop_plans(), ids=lambda p: p.id)
def test_every_section_of_a_workshop_plan_is_a_slide_group_of_its_own(plan):
    """Trainers edit the plan, never slide metadata: the notebook's headings make the slides, so
    each section's key points open under a heading, one section per slide group."""
    cells = json.loads((notebooks_dir() / plan.notebook).read_text(encoding="utf-8"))["cells"]
    group, heading = -1, ""
    group_of_section: dict[str, tuple[int, str]] = {}
    for cell, mark in zip(cells, slide_marks(cells), strict=True):
        source = "".join(cell["source"])
        if mark == SECTION:
            group, heading = group + 1, source.strip().splitlines()[0]
        if found := re.search(r'key_points\("([^"]+)"\)', source):
            group_of_section[found.group(1)] = (group, heading)
    assert set(group_of_section) == {s.id for s in plan.sections}
    assert all(h.startswith("## ") for _, h in group_of_section.values())
    groups = [g for g, _ in group_of_section.values()]
    assert len(set(groups)) == len(groups)


def test_key_points_with_only_trainer_notes_stay_on_the_widgets_slide():
    """Such a section shows the room nothing (its notes go to the speaker window): a slide of its
    own would be blank."""
    cells = [md("## The chart"), code("page.show(OrdersComparison)"), code('page.key_points("chart")'),
             md("## Discussion"), code("page.discussion()"), code('page.key_points("talk")')]
    assert slide_marks(cells, {"chart", "talk"}.__contains__) == [SECTION, SAME, SAME,
                                                                   SECTION, SAME, SAME]
    assert slide_marks(cells) == [SECTION, SAME, PART, SECTION, SAME, SAME]


@pytest.mark.parametrize("plan", workshop_plans(), ids=lambda p: p.id)
def test_no_slide_of_a_workshop_is_blank_for_the_room(plan):
    import nbformat

    nb = nbformat.read(notebooks_dir() / plan.notebook, as_version=4)
    assert opened_plan(nb.cells) == plan.id
    nb, _ = SectionSlides().preprocess(nb, {})
    notes_only = {s.id for s in plan.sections if not s.key_points}
    slides: list[list] = []
    for cell in nb.cells:
        if cell.metadata["wk_slide"] != SAME:
            slides.append([])
        slides[-1].append(cell)
    for cells in slides:
        assert any(shown_section(c) not in notes_only for c in cells), [c.source for c in cells]


def test_the_template_preprocessor_marks_the_servers_copy_of_each_cell():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## A"),
                                         nbformat.v4.new_code_cell("page.show(X)"),
                                         nbformat.v4.new_code_cell("page.key_points('a')")])
    nb, _ = SectionSlides().preprocess(nb, {})
    assert [c.metadata["wk_slide"] for c in nb.cells] == [SECTION, SAME, PART]


def test_the_template_names_our_preprocessor_and_builds_on_the_workshop_template():
    folder = TEMPLATES_DIR / "jupyter_data" / "voila" / "templates" / TEMPLATE
    conf = json.loads((folder / "conf.json").read_text())
    assert conf["base_template"] == "workshop"
    kinds = [p["type"] for p in conf["preprocessors"].values()]
    assert kinds == ["workshop_kit.faces.present_template.SectionSlides"]
    page = (folder / "index.html.j2").read_text()
    assert "extends 'workshop/index.html.j2'" in page
    assert "http" not in page.replace("https://", "http://").split("-#}", 1)[1]
    assert SERVED_TEMPLATES == ("workshop", TEMPLATE)


@pytest.mark.parametrize("given", ["01_special_guardianship", "01_special_guardianship.ipynb",
                                   "notebooks/01_special_guardianship.ipynb"])
def test_a_workshop_is_named_as_a_trainer_would(given):
    path = workshop_notebook(given, notebooks_dir())
    assert path == notebooks_dir() / "01_special_guardianship.ipynb"
    assert presentation_path(path) == "/present/01_special_guardianship"


@pytest.mark.parametrize("given", ["special_guardianship", "../../etc/passwd", "01 sgo", ""])
def test_an_unknown_workshop_is_refused_naming_the_ones_there_are(given):
    with pytest.raises(UnknownId) as error:
        workshop_notebook(given, notebooks_dir())
    assert "01_special_guardianship" in str(error.value)


def test_present_says_which_workshops_there_are_for_an_unknown_one():
    result = CliRunner().invoke(main, ["present", "special-guardianship", "--no-open"])
    assert result.exit_code == 1
    assert "no workshop 'special-guardianship'" in result.output
    assert "01_special_guardianship" in result.output


def test_present_takes_the_same_room_options_as_serve():
    def options(command: str) -> set[str]:
        return {o for p in main.commands[command].params for o in p.opts if o.startswith("--")}

    assert options("serve") <= options("present")
    assert {"--port", "--room", "--max-attendees", "--pool-size", "--data-dir"} <= options("present")


def test_the_trainer_link_can_land_on_the_slides():
    assert trainer_path("KEY", "/present/01_special_guardianship") == (
        "/trainer?key=KEY&next=/present/01_special_guardianship")
    assert trainer_path("KEY") == "/trainer?key=KEY"


@pytest.mark.parametrize("path, safe", [
    ("/present/01_special_guardianship", True),
    ("/voila/render/00_orders_compared.ipynb", True),
    ("//evil.example/x", False),
    ("https://evil.example/", False),
    ("/\\evil.example", False),
    ("/present/../../etc", False),
    ("present/x", False),
    ("", False),
])
def test_the_trainer_link_only_goes_on_to_pages_of_this_server(path, safe):
    assert local_path(path) == (path if safe else "")

"""The case-study explorer: every case opens, its verdicts match what the case's author expects,
and the trainer's notes stay in trainer view."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import ipywidgets as widgets
import pytest

from workshop_kit.core.case_study import Route
from workshop_kit.core.content import case_studies
from workshop_kit.core.ids import UnknownId
from workshop_kit.faces.page_mode import ATTENDEE, PAGE_MODE, TRAINER, TrainerOnly
from workshop_kit.faces.widgets import CaseStudyExplorer
from workshop_kit.faces.widgets.case_explorer import SECTION_TITLES

TODAY = dt.date(2026, 11, 23)
"""The day the case files' expected verdicts hold (as in test_case_studies)."""

CONTRACT = {
    "widget": "CaseStudyExplorer",
    "build": lambda: CaseStudyExplorer(today=TODAY),
    "change": lambda w: w.select(w.dropdown.options[1][1]),
    "again": lambda w: w.select(w.dropdown.options[-1][1]),
}
"""How `test_widget_contract.py` builds this widget, one change a person makes, and a second
valid change after a failed one."""


@pytest.fixture(scope="module")
def explorer() -> CaseStudyExplorer:
    return CaseStudyExplorer(today=TODAY)


@pytest.fixture(autouse=True)
def attendee_view():
    PAGE_MODE.mode = ATTENDEE
    yield
    PAGE_MODE.mode = ATTENDEE


def shown_verdicts(html: str) -> dict[str, str]:
    return dict(re.findall(r'<div [^>]*data-route="([a-z0-9_]+)" data-verdict="([a-z_]+)"', html))


def test_lists_every_case_study_by_title_with_a_visible_label(explorer):
    assert [label for label, _ in explorer.dropdown.options] == [c.title for c in case_studies()]
    assert explorer.dropdown.description == "Case study"


def test_the_case_card_comes_before_the_tabs(explorer):
    children = list(explorer.children)
    assert children.index(explorer.card) < children.index(explorer.tabs)


def test_every_tab_has_a_title(explorer):
    assert list(explorer.tabs.titles) == list(SECTION_TITLES.values())


@pytest.mark.parametrize("case", case_studies(), ids=lambda c: c.id)
def test_every_case_opens_and_shows_the_verdicts_its_author_expects(explorer, case):
    explorer.select(case.id)
    assert explorer.case is case
    assert case.child.first_name in explorer.card.value
    expected = {r.value: v.value for r, v in case.expected_routes.items()}
    assert shown_verdicts(explorer.sections["routes"].value) == expected
    for route, verdict in case.expected_routes.items():
        section = re.search(rf'data-route="{route.value}".*?(?=data-route=|$)',
                            explorer.sections["routes"].value, re.S).group(0)
        assert verdict.label in section
    for key in SECTION_TITLES:
        assert explorer.sections[key].value, f"{key} is empty for {case.id}"
    for question in case.discussion_questions:
        assert question in unescape(explorer.sections["discussion"].value)


@pytest.mark.parametrize("case", [c for c in case_studies() if c.chosen_route],
                         ids=lambda c: c.id)
def test_the_timeline_follows_the_chosen_route(explorer, case):
    explorer.select(case.id)
    html = explorer.sections["timeline"].value
    assert f"Statutory milestones: {case.chosen_route.label}" in html
    assert '<svg ' in html and ">Timeline chart for" in html


def test_a_case_with_no_chosen_route_says_there_is_no_timeline(explorer):
    case = next(c for c in case_studies() if c.chosen_route is None)
    explorer.select(case.id)
    assert "no timeline to plan" in explorer.sections["timeline"].value


def test_viability_and_balance_sheet_come_from_the_case(explorer):
    explorer.select("amira-and-grandparents-in-ghana")
    assert "Outcome:" in explorer.sections["viability"].value
    assert "Outline support plan" in explorer.sections["viability"].value
    sheet = explorer.sections["balance_sheet"].value
    assert "Re B-S [2013] EWCA Civ 1146" in sheet
    assert 'data-route="s84_adoption"' not in sheet.split("Not weighed")[0]


@pytest.mark.parametrize("case", case_studies(), ids=lambda c: c.id)
def test_trainer_notes_and_model_answers_are_only_in_trainer_view(explorer, case):
    explorer.select(case.id)
    assert isinstance(explorer.trainer, TrainerOnly)
    assert explorer.trainer_notes in explorer.trainer.children
    everywhere_else = unescape(explorer.card.value + "".join(w.value for w in explorer.sections.values()))
    for note in case.trainer_notes:
        assert note in unescape(explorer.trainer_notes.value)
        assert note not in everywhere_else
    assert not explorer.trainer.shown
    PAGE_MODE.mode = TRAINER
    assert explorer.trainer.shown


def test_model_answers_are_in_the_trainer_block(explorer):
    case = next(c for c in case_studies() if c.model_answers)
    explorer.select(case.id)
    assert "Model answers" in explorer.trainer_notes.value
    assert "Model answers" not in explorer.static_html()


def test_static_html_has_every_part_but_no_trainer_notes(explorer):
    explorer.select("amira-and-grandparents-in-ghana")
    html = explorer._repr_mimebundle_()["text/html"]
    for title in SECTION_TITLES.values():
        assert f"<h3>{title}</h3>" in html
    assert "Trainer notes" not in html
    for note in explorer.case.trainer_notes:
        assert note not in unescape(html)


def test_the_trainer_block_is_inside_a_tab_page_not_loose(explorer):
    pages = explorer.tabs.children
    assert any(explorer.trainer in page.children for page in pages if isinstance(page, widgets.Box))


def test_an_unknown_case_is_an_error_naming_the_known_ones(explorer):
    with pytest.raises(UnknownId, match="amira-and-grandparents-in-ghana"):
        explorer.select("nobody")
    with pytest.raises(UnknownId):
        CaseStudyExplorer("nobody")


def test_opening_on_a_named_case(explorer):
    case = case_studies()[-1]
    assert CaseStudyExplorer(case.id, today=TODAY).case is case


def test_routes_are_shown_in_route_order(explorer):
    html = explorer.sections["routes"].value
    assert list(shown_verdicts(html)) == [r.value for r in Route]

"""The route finder widget, driven in Python as a trainer drives it in front of a room."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets
import pytest

from workshop_kit.core.case_study import Route, Verdict
from workshop_kit.core.content import countries
from workshop_kit.core.countries import UK_ID
from workshop_kit.core.route_questions import DEFAULT_ANSWERS, hypothetical_case
from workshop_kit.faces.widgets import RouteFinder

TODAY = dt.date(2026, 11, 23)

CONTRACT = {
    "widget": "RouteFinder",
    "build": lambda: RouteFinder(today=TODAY),
    "change": lambda w: setattr(w.controls["right_of_entry"], "value", "refused"),
    "again": lambda w: setattr(w.controls["legal_status"], "value", "none"),
}
"""How `test_widget_contract.py` builds this widget, one change a person makes, and a second
valid change after a failed one."""


@pytest.fixture
def finder() -> RouteFinder:
    return RouteFinder(today=TODAY)


def test_every_control_has_a_visible_label(finder):
    for name, control in finder.controls.items():
        assert control.description.strip(), f"{name} has no label"
        if not isinstance(control, widgets.Checkbox):
            assert control.style.description_width, f"{name}'s label may be cut off"


def test_shows_a_verdict_for_every_route_on_first_render(finder):
    assert set(finder.verdicts()) == set(Route)
    for route in Route:
        assert f'data-route="{route.value}"' in finder.output.value


def test_carers_country_list_is_sorted_by_name_and_leaves_out_the_uk(finder):
    names = [label for label, _ in finder.controls["country"].options]
    assert names[-1] == "Another country (not listed)"  # a country not listed comes last
    assert names[:-1] == sorted(names[:-1], key=str.casefold)
    assert UK_ID not in [value for _, value in finder.controls["country"].options]


def test_carers_habitually_resident_in_a_1993_country_open_convention_adoption(finder):
    finder.controls["country"].value = "australia"
    finder.controls["habitually_resident"].value = True
    assert finder.verdicts()[Route.CONVENTION_ADOPTION] is not Verdict.NOT_AVAILABLE
    assert finder.verdicts()[Route.S84_ADOPTION] is Verdict.NOT_AVAILABLE


def test_carers_not_habitually_resident_there_close_convention_adoption(finder):
    finder.controls["country"].value = "australia"
    finder.controls["habitually_resident"].value = False
    assert finder.verdicts()[Route.CONVENTION_ADOPTION] is Verdict.NOT_AVAILABLE
    assert "not all habitually resident" in finder.output.value


def test_a_country_outside_the_1993_convention_closes_convention_adoption(finder):
    finder.controls["country"].value = "nigeria"
    assert finder.verdicts()[Route.CONVENTION_ADOPTION] is Verdict.NOT_AVAILABLE
    assert finder.verdicts()[Route.S84_ADOPTION] is not Verdict.NOT_AVAILABLE


def test_refused_right_of_entry_makes_every_route_not_available(finder):
    finder.controls["right_of_entry"].value = "refused"
    assert set(finder.verdicts().values()) == {Verdict.NOT_AVAILABLE}
    assert "5 not available" in finder.status.value


def test_a_child_who_understands_and_refuses_closes_fostering_but_not_the_orders(finder):
    """Para 19: the refusal of a child with understanding bars fostering abroad; for an SGO, a CAO
    or adoption the law asks no consent of the child, so the objection is a condition."""
    finder.controls["age"].value = 14
    finder.controls["understanding"].value = "sufficient"
    finder.controls["view_moving"].value = "objects"
    finder.controls["view_adoption"].value = "objects"
    verdicts = finder.verdicts()
    assert verdicts[Route.FOSTERING_ABROAD] is Verdict.NOT_AVAILABLE
    assert verdicts[Route.SGO_ABROAD] is Verdict.CONDITIONAL
    assert verdicts[Route.CAO_ABROAD] is Verdict.CONDITIONAL


def test_a_child_not_looked_after_cannot_be_fostered_abroad(finder):
    finder.controls["legal_status"].value = "none"
    assert finder.verdicts()[Route.FOSTERING_ABROAD] is Verdict.NOT_AVAILABLE


@pytest.mark.parametrize(("age", "words"), [(18, "17 or less"), (-1, "0 or more")])
def test_an_age_outside_0_to_17_is_refused_in_words_not_clamped(finder, age, words):
    finder.controls["age"].value = age
    assert finder.controls["age"].value == age  # not silently changed to 17 or 0
    assert finder.case is None and finder.result == []
    assert "Child&#x27;s age" in finder.status.value and words in finder.status.value


def test_a_17_year_old_cannot_be_recorded_as_too_young_to_give_a_view(finder):
    finder.controls["age"].value = 17
    finder.controls["understanding"].value = "not_assessed"
    assert finder.case is None
    assert "not too young to give a view" in finder.status.value


def test_an_invalid_answer_is_explained_in_words_not_a_traceback(finder):
    finder.controls["first_name"].value = "Two names"
    assert finder.case is None and finder.result == []
    assert "Check your answers" in finder.status.value
    assert "Child&#x27;s first name" in finder.status.value
    assert finder.output.value == ""
    finder.controls["first_name"].value = "Maya"
    assert finder.result and "Maya" in finder.output.value


def test_hypothetical_case_is_validated_and_has_no_authored_parts():
    case = hypothetical_case(DEFAULT_ANSWERS)
    assert not hasattr(case, "expected_routes") and case.name == "a hypothetical case"
    with pytest.raises(ValueError):
        hypothetical_case({**DEFAULT_ANSWERS, "country": UK_ID, "age": -1})


def test_unknown_starting_answers_are_refused():
    with pytest.raises(ValueError, match="unknown answer"):
        RouteFinder(today=TODAY, answers={"colour": "blue"})


def test_static_html_shows_the_current_verdicts():
    finder = RouteFinder(today=TODAY, answers={"right_of_entry": "refused"})
    html = finder._repr_mimebundle_()["text/html"]
    assert html.count('data-verdict="not_available"') == len(Route)
    assert "<th scope=\"row\">Child&#x27;s right to enter and live there</th><td>Refused</td>" in html


def test_uses_the_shipped_countries_by_default(finder):
    assert finder.countries is countries()


def test_a_bad_answer_is_explained_in_plain_words_not_developer_messages():
    from workshop_kit.faces.widgets import RouteFinder

    finder = RouteFinder()
    finder.controls["first_name"].value = "Mary Jane"
    assert "one first name with no spaces" in finder.status.value
    assert "String should" not in finder.status.value
    finder.controls["first_name"].value = ""
    assert "please fill this in" in finder.status.value


def test_the_question_groups_open_closed_and_build_their_controls_when_first_opened(finder):
    child = finder.sections["The child"]
    assert list(finder.controls.built) == ["authority"], "a page opens with one question built"
    assert child.toggle.description == "Show the questions on the child (10)"
    before = finder.verdicts()
    child.toggle.click()
    assert child.is_open and child.toggle.description == "Hide the questions on the child"
    assert finder.controls["right_of_entry"] in child.body.children
    assert finder.verdicts() == before, "opening a group changes no answer"
    finder.controls["right_of_entry"].value = "refused"
    child.toggle.click()
    assert not child.is_open and finder.answers["right_of_entry"] == "refused"
    assert "5 not available" in finder.status.value


def test_the_static_copy_says_every_answer_without_building_a_control(finder):
    html = finder.static_html()
    assert "Child&#x27;s first name (fictional)" in html and "Sam" in html
    assert list(finder.controls.built) == ["authority"]

"""The viability builder, driven in Python: change a rating and read what the room would see."""

from __future__ import annotations

from html import escape
from types import SimpleNamespace

import pytest

from workshop_kit.core.content import viability_framework
from workshop_kit.core.viability import Outcome, Rating
from workshop_kit.faces.render.viability import evidence_table_html
from workshop_kit.faces.widgets import ViabilityBuilder

FRAMEWORK = viability_framework()
ESSENTIAL = FRAMEWORK.essential_ids

CONTRACT = {
    "widget": "ViabilityBuilder",
    "build": ViabilityBuilder,
    "change": lambda w: setattr(next(iter(w.ratings.values())), "value", "serious_concern"),
    "again": lambda w: setattr(next(iter(w.ratings.values())), "value", "concern"),
}
"""How `test_widget_contract.py` builds this widget, one change a person makes, and a second
valid change after a failed one."""


def essentials_positive() -> ViabilityBuilder:
    widget = ViabilityBuilder()
    for domain_id in ESSENTIAL:
        widget.ratings[domain_id].value = Rating.POSITIVE
    return widget


def label(domain_id: str) -> str:
    return escape(FRAMEWORK.domain(domain_id).label)


def test_every_domain_has_a_labelled_rating_and_note():
    widget = ViabilityBuilder()
    assert list(widget.ratings) == [d.id for d in FRAMEWORK.domains]
    descriptions = []
    for domain_id in widget.ratings:
        rating, note = widget.ratings[domain_id], widget.notes[domain_id]
        assert rating.description.strip() and note.description.strip()
        descriptions += [rating.description, note.description]
    assert len(set(descriptions)) == len(descriptions), "labels must say which domain they are for"


def test_ratings_are_offered_in_words():
    labels = [text for text, _ in ViabilityBuilder().ratings["accommodation"].options]
    assert labels == ["Not yet known", "Positive", "Concern", "Serious concern"]


def test_general_factors_come_before_overseas_ones_and_essentials_say_so():
    widget = ViabilityBuilder()
    cards = list(widget.domains.values())
    overseas = [c.domain.overseas for c in cards]
    assert overseas == sorted(overseas)
    for card in cards:
        header = card.children[0].value
        assert ("(essential)" in header) == card.domain.essential
        assert escape(card.domain.questions[0]) in header, "the assessor's questions are visible"


def test_with_nothing_known_more_information_is_needed_naming_the_essentials():
    widget = ViabilityBuilder()
    assert widget.result.outcome is Outcome.MORE_INFORMATION_NEEDED
    assert "More information needed" in widget.summary.value
    for domain_id in ESSENTIAL:
        assert label(domain_id) in widget.summary.value


def test_a_serious_concern_makes_it_not_realistic_and_names_the_domain():
    widget = essentials_positive()
    assert widget.result.outcome is Outcome.REALISTIC_OPTION
    widget.ratings["accommodation"].value = Rating.SERIOUS_CONCERN
    widget.notes["accommodation"].value = "One room for four adults."
    assert widget.result.outcome is Outcome.NOT_REALISTIC
    assert "Not a realistic option" in widget.summary.value
    assert "Accommodation" in widget.summary.value and "serious concern" in widget.summary.value
    assert "One room for four adults." in widget.summary.value


def test_one_unknown_essential_domain_means_more_information_needed():
    widget = essentials_positive()
    widget.ratings["immigration"].value = Rating.UNKNOWN
    assert widget.result.outcome is Outcome.MORE_INFORMATION_NEEDED
    assert label("immigration") in widget.summary.value
    assert label("relationship_with_child") not in widget.summary.value


def test_concerns_become_support_plan_items_under_their_heading():
    widget = essentials_positive()
    assert "nothing to plan support for" in widget.plan.value
    widget.ratings["funding"].value = Rating.CONCERN
    domain = FRAMEWORK.domain("funding")
    assert escape(FRAMEWORK.heading(domain.support.plan_heading).heading) in widget.plan.value
    assert escape(domain.support.suggestion) in widget.plan.value
    assert widget.result.outcome is Outcome.REALISTIC_OPTION
    assert "Concerns that support could address" in widget.summary.value


def test_starting_evidence_is_shown_whatever_shape_it_comes_in():
    widget = ViabilityBuilder({
        "accommodation": {"rating": "serious_concern", "note": "No room."},
        "travel": SimpleNamespace(rating="concern", note=None),
    })
    assert widget.ratings["accommodation"].value is Rating.SERIOUS_CONCERN
    assert widget.notes["accommodation"].value == "No room."
    assert widget.ratings["travel"].value is Rating.CONCERN
    assert widget.result.outcome is Outcome.NOT_REALISTIC


def test_a_note_with_html_is_refused_in_words_and_never_rendered():
    widget = essentials_positive()
    widget.ratings["accommodation"].value = Rating.SERIOUS_CONCERN
    widget.notes["accommodation"].value = "<script>alert(1)</script>"
    assert "Note not used" in widget.domains["accommodation"].problem.value
    assert "<script>" not in widget.summary.value + widget.plan.value
    assert widget.result.outcome is Outcome.NOT_REALISTIC, "the rating still counts"
    widget.notes["accommodation"].value = "Plain words."
    assert widget.domains["accommodation"].problem.value == ""


def test_unknown_domain_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="accommodation"):
        ViabilityBuilder({"housing": {"rating": "positive"}})


def test_evidence_table_groups_domains_and_says_ratings_in_words():
    html = evidence_table_html({"accommodation": {"rating": "concern", "note": "A & B"}}, FRAMEWORK)
    assert html.index("General factors") < html.index("Overseas factors")
    assert "Concern" in html and "A &amp; B" in html and "Not yet known" in html
    assert f"{label('immigration')} (essential)" in html


def test_static_copy_has_summary_plan_and_evidence_for_slides_and_reports():
    widget = essentials_positive()
    widget.ratings["contact"].value = Rating.CONCERN
    html = widget._repr_mimebundle_()["text/html"]
    assert "Outcome:" in html and "Outline support plan" in html
    assert "Viability evidence by domain" in html


def test_the_domains_open_by_group_and_a_card_is_built_when_its_group_first_opens():
    widget = ViabilityBuilder({"accommodation": {"rating": "positive"}})
    assert widget.domains.built == {}, "a page opens with no card's controls"
    assert widget.evidence["accommodation"].rating is Rating.POSITIVE
    general = widget.groups["General factors"]
    assert general.toggle.description.startswith("Show the ")
    before = widget.results
    general.toggle.click()
    assert general.is_open and widget.results == before, "opening changes no rating"
    general_ids = [d.id for d in FRAMEWORK.domains if not d.overseas]
    assert sorted(widget.domains.built) == sorted(general_ids)
    assert widget.ratings["accommodation"].value is Rating.POSITIVE
    widget.ratings["accommodation"].value = Rating.SERIOUS_CONCERN
    assert widget.result.outcome is Outcome.NOT_REALISTIC
    general.toggle.click()
    assert not general.is_open and widget.result.outcome is Outcome.NOT_REALISTIC

"""Viability domains, headings and the summary rules (FRG viability guide)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop_kit.core.content import CONTENT_DIR, kind_for, viability_framework
from workshop_kit.core.loading import ContentError, load
from workshop_kit.core.viability import (
    DOMAIN_IDS,
    Evidence,
    Outcome,
    Rating,
    ViabilityFramework,
    outline_support_plan,
    summarise_viability,
)

ESSENTIAL = ("relationship_with_child", "ability_to_meet_needs", "immigration")


def essentials_positive(**more: str) -> dict[str, Evidence]:
    evidence = {d: Evidence(rating=Rating.POSITIVE) for d in ESSENTIAL}
    evidence.update({d: Evidence(rating=Rating(r)) for d, r in more.items()})
    return evidence


@pytest.fixture(scope="module")
def framework() -> ViabilityFramework:
    return viability_framework()


# --- content ------------------------------------------------------------------------------------


def test_viability_file_is_registered_and_has_exactly_the_agreed_domains(framework):
    assert kind_for(CONTENT_DIR / "viability.yaml").model is ViabilityFramework
    assert [d.id for d in framework.domains] == list(DOMAIN_IDS)


def test_essential_domains_are_relationship_needs_and_immigration_each_with_a_reason(framework):
    """FRG guide: the carer's ability to meet the child's needs with support [V]; relationship to
    the child [S]; immigration decides whether a placement abroad is possible at all."""
    assert framework.essential_ids == ESSENTIAL
    for domain_id in ESSENTIAL:
        assert framework.domain(domain_id).essential_because


def test_overseas_specific_domains_are_marked(framework):
    overseas = {d.id for d in framework.domains if d.overseas}
    assert {"immigration", "recognition_of_order", "art33_consent", "funding"} <= overseas
    assert "accommodation" not in overseas


def test_every_viability_fact_has_a_source_and_uncertain_ones_a_caveat(framework):
    for location, fact in framework.all_facts():
        assert fact.source and fact.last_reviewed, location
        if fact.uncertain:
            assert fact.caveat, location


def test_sgo_report_headings_include_the_2016_additions(framework):
    """Special Guardianship Regs 2005 Schedule (reg 21), amended 2016: harm and risk, needs,
    the carer's relationship with the child."""
    added = {h.id for h in framework.sgo_report_headings if h.added_2016}
    assert added == {"harm_and_risk", "current_and_future_needs", "guardian_relationship"}
    assert {"recommendation", "relative_merits", "contact"} <= {h.id for h in framework.sgo_report_headings}


def test_support_for_carers_abroad_after_three_years_is_shown_as_unsettled(framework):
    basis = framework.domain("funding").support.legal_basis
    assert basis is not None and basis.to_be_confirmed


def test_an_essential_domain_without_a_reason_is_a_content_error(tmp_path: Path):
    text = (CONTENT_DIR / "viability.yaml").read_text(encoding="utf-8")
    start = text.index("    essential_because: If the child cannot")
    end = text.index("\n", start) + 1
    bad = tmp_path / "viability.yaml"
    bad.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(ContentError, match="essential_because"):
        load(bad, ViabilityFramework)


def test_support_filed_under_an_unknown_heading_is_a_content_error(tmp_path: Path):
    text = (CONTENT_DIR / "viability.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "viability.yaml"
    bad.write_text(text.replace("plan_heading: contact", "plan_heading: keeping_in_touch"),
                   encoding="utf-8")
    with pytest.raises(ContentError, match="keeping_in_touch"):
        load(bad, ViabilityFramework)


# --- summary rules ------------------------------------------------------------------------------


def test_any_serious_concern_means_not_a_realistic_option(framework):
    """Rule 1: a serious concern in any domain, essential or not."""
    summary = summarise_viability(essentials_positive(lifestyle_and_background="serious_concern"),
                                  framework)
    assert summary.outcome is Outcome.NOT_REALISTIC
    assert [r.domain_id for r in summary.reasons] == ["lifestyle_and_background"]


def test_a_serious_concern_decides_even_when_essential_information_is_missing(framework):
    """Rule 1 comes before rule 2."""
    summary = summarise_viability({"funding": Evidence(rating=Rating.SERIOUS_CONCERN)}, framework)
    assert summary.outcome is Outcome.NOT_REALISTIC


@pytest.mark.parametrize("domain_id", ESSENTIAL)
def test_an_essential_domain_rated_unknown_needs_more_information(framework, domain_id):
    """Rule 2."""
    evidence = essentials_positive(**{domain_id: "unknown"})
    summary = summarise_viability(evidence, framework)
    assert summary.outcome is Outcome.MORE_INFORMATION_NEEDED
    assert [r.domain_id for r in summary.reasons] == [domain_id]


def test_an_essential_domain_with_no_evidence_at_all_needs_more_information(framework):
    """Rule 2: missing counts as unknown."""
    evidence = essentials_positive()
    del evidence["immigration"]
    summary = summarise_viability(evidence, framework)
    assert summary.outcome is Outcome.MORE_INFORMATION_NEEDED
    assert summary.reasons[0].why == "essential, and no evidence given"


def test_unknown_non_essential_domains_do_not_block_a_realistic_option(framework):
    """Rule 3: gaps elsewhere are listed, not decisive."""
    summary = summarise_viability(essentials_positive(schooling="unknown"), framework)
    assert summary.outcome is Outcome.REALISTIC_OPTION
    assert "schooling" in summary.unknown and "travel" in summary.unknown


def test_concerns_without_serious_ones_leave_a_realistic_option_and_are_its_reasons(framework):
    """Rule 3: concerns become support-plan items."""
    summary = summarise_viability(
        essentials_positive(recognition_of_order="concern", immigration="concern"), framework)
    assert summary.outcome is Outcome.REALISTIC_OPTION
    assert summary.concerns == ("immigration", "recognition_of_order")
    assert {r.domain_id for r in summary.reasons} == {"immigration", "recognition_of_order"}
    assert summary.headline.startswith("A realistic option")


def test_unknown_domain_ids_are_refused(framework):
    with pytest.raises(ValueError, match="age_and_health"):
        summarise_viability({"carer_age": Evidence(rating=Rating.POSITIVE)}, framework)


def test_evidence_may_be_plain_mappings_or_the_case_model_objects(framework):
    @dataclass
    class CaseEvidence:  # stands in for the case-study model's own entries
        rating: str
        note: str

    evidence = {"relationship_with_child": {"rating": "positive", "note": ""},
                "ability_to_meet_needs": CaseEvidence("positive", "Grandmother raised two"),
                "immigration": {"rating": "concern", "note": "Visa route unclear"}}
    summary = summarise_viability(evidence, framework)
    assert summary.outcome is Outcome.REALISTIC_OPTION
    assert summary.reasons[0].note == "Visa route unclear"


# --- support plan outline -----------------------------------------------------------------------


def test_each_concern_gets_a_support_item_under_its_heading(framework):
    """Secondary sources (viability.yaml): an SGO support plan may fund recognition or a mirror
    order abroad."""
    evidence = essentials_positive(recognition_of_order="concern", contact="concern")
    evidence["recognition_of_order"] = Evidence(rating=Rating.CONCERN, note="No 1996 Convention")
    outline = outline_support_plan(evidence, framework)
    items = {i.domain_id: i for i in outline.items}
    assert set(items) == {"recognition_of_order", "contact"}
    recognition = items["recognition_of_order"]
    assert recognition.heading_id == "legal_steps"
    assert "mirror order" in recognition.suggestion
    assert recognition.legal_basis is not None and "mirrored" in recognition.legal_basis.text
    assert recognition.note == "No 1996 Convention"


def test_positive_and_unknown_domains_get_no_support_item(framework):
    outline = outline_support_plan(essentials_positive(schooling="unknown"), framework)
    assert outline.items == ()


def test_support_items_follow_the_support_plan_heading_order(framework):
    evidence = essentials_positive(travel="concern", funding="concern", contact="serious_concern")
    outline = outline_support_plan(evidence, framework)
    heading_order = [h.id for h in framework.support_plan_headings]
    positions = [heading_order.index(i.heading_id) for i in outline.items]
    assert positions == sorted(positions)
    assert list(outline.by_heading()) == ["Financial support", "Contact", "Introductions and the move"]

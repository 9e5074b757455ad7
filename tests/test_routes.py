"""The route finder, one legal rule per test. Each test builds a small fictional case with
`make_case` and a small country table with `make_countries`, so a rule is tested on its own and
not through the shipped content."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from workshop_kit.core.case_study import CaseStudy
from workshop_kit.core.countries import Countries
from workshop_kit.core.routes import Effect, Route, RouteAssessment, Verdict, find_routes

TODAY = dt.date(2026, 11, 23)

BASE: dict[str, Any] = {
    "id": "test-case",
    "title": "A test case",
    "fictional": True,
    "authority": "england",
    "summary": "A fictional case built for a test.",
    "child": {
        "first_name": "Sam", "age": 5, "understanding": "not_sufficient", "needs": "Ordinary needs.",
        "wishes_and_feelings": "None given.",
        "views": {"moving_abroad": "not_able_to_say", "adoption": "not_able_to_say"},
        "british_citizen": True,
    },
    "carers": {
        "country": "conventia", "connection": "relative", "right_of_child_to_enter": "confirmed",
        "people": [{"name": "Alex Carer", "relationship_to_child": "aunt",
                    "habitually_resident_in_country": True, "british_citizen": False,
                    "domiciled_in_british_islands": False}],
    },
    "legal_status": "care_order",
    "proceedings": {"stage": "concluded", "issued": "2025-01-06"},
    "consents": {"placement_abroad": "given", "adoption": "given"},
    "art33_consent": "given",
    "chosen_route": None,
    "discussion_questions": ["A question?"],
    "trainer_notes": ["A note."],
    "expected_routes": {r.value: "conditional" for r in Route},
}


def make_case(**changes: Any) -> CaseStudy:
    """BASE with changes; a dotted key ('child.age') changes one nested field."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        *path, last = key.split(".")
        target = data
        for part in path:
            target = target[part]
        target[last] = value
    return CaseStudy.model_validate(data)


def _entry(status: str, since: str | None = None, **extra: Any) -> dict[str, Any]:
    entry = {"text": "Status.", "source": "Test table", "confidence": "verified",
             "status": status, "last_reviewed": "2026-11-01", **extra}
    if since:
        entry |= {"in_force_from": since, "date_basis": entry.get("date_basis", "read")}
    return entry


def _law(status: str) -> dict[str, Any]:
    unknown = {"uncertain": True, "caveat": "Find out."} if status == "unknown" else {}
    return {"text": "Adoption in its law.", "source": "Test", "confidence": "secondary",
            "status": status, "last_reviewed": "2026-11-01", **unknown}


def make_countries() -> Countries:
    """Fictional countries: conventia (both Conventions), adoptland (1993 only), neitherland
    (neither), unsureland (1993 not a party but a later accession unchecked), newland (1993 in force
    from a computed date close to TODAY), newprotectland (1996 likewise),
    guardianland (neither, and no adoption in its law),
    mysteria (status unknown), and the UK."""
    computed = {"confidence": "secondary", "uncertain": True, "date_basis": "computed_from_deposit",
                "caveat": "Computed: to be confirmed against the HCCH status table."}
    rows = {
        "conventia": (_entry("in_force", "2000-01-01"), _entry("in_force", "2005-01-01")),
        "adoptland": (_entry("in_force", "2000-01-01"), _entry("not_party")),
        "neitherland": (_entry("not_party"), _entry("not_party")),
        "unsureland": (_entry("not_party", uncertain=True, caveat="A later accession is unchecked."),
                       _entry("not_party")),
        "newland": (_entry("in_force", "2026-09-01", **computed), _entry("not_party")),
        "guardianland": (_entry("not_party"), _entry("not_party")),
        "newprotectland": (_entry("in_force", "2000-01-01"), _entry("in_force", "2026-10-01", **computed)),
        "mysteria": (_entry("unknown", uncertain=True, caveat="Check."),
                     _entry("unknown", uncertain=True, caveat="Check.")),
        "united_kingdom": (_entry("in_force", "2003-06-01"), _entry("in_force", "2012-11-01")),
    }
    law = {"guardianland": "guardianship_only", "mysteria": "unknown"}
    return Countries.model_validate({"countries": [
        {"id": cid, "name": cid.capitalize(), "adoption_1993": a, "child_protection_1996": c,
         "adoption_in_law": _law(law.get(cid, "available"))}
        for cid, (a, c) in rows.items()]})


COUNTRIES = make_countries()


def assess(case: CaseStudy, route: Route) -> RouteAssessment:
    return next(a for a in find_routes(case, COUNTRIES, today=TODAY) if a.route is route)


def cited(assessment: RouteAssessment, text: str, effect: Effect | None = None) -> bool:
    return any(text in f.reason.citation and (effect is None or f.effect is effect)
               for f in assessment.findings)


def test_the_base_case_is_realistic_on_every_route_except_s84():
    """A sanity check of the factory: all consents given, a Convention country, Art 33 consent in."""
    verdicts = {a.route: a.verdict for a in find_routes(make_case(), COUNTRIES, today=TODAY)}
    assert verdicts == {Route.SGO_ABROAD: Verdict.REALISTIC, Route.CONVENTION_ADOPTION: Verdict.REALISTIC,
                        Route.S84_ADOPTION: Verdict.NOT_AVAILABLE,
                        Route.FOSTERING_ABROAD: Verdict.REALISTIC, Route.CAO_ABROAD: Verdict.REALISTIC}


# --- the child's right to enter and live in the country -----------------------------------------


def test_refused_right_of_entry_closes_every_route():
    """AFER 2005 reg 10; 1993 Convention Art 17(d): no placement where the child may not live."""
    case = make_case(**{"carers.right_of_child_to_enter": "refused"})
    assert {a.verdict for a in find_routes(case, COUNTRIES, today=TODAY)} == {Verdict.NOT_AVAILABLE}


def test_unknown_right_of_entry_makes_every_route_conditional_at_best():
    """AFER 2005 reg 10: the receiving country must confirm the child may enter and live there."""
    case = make_case(**{"carers.right_of_child_to_enter": "unknown"})
    for a in find_routes(case, COUNTRIES, today=TODAY):
        assert a.verdict is not Verdict.REALISTIC, a.route
        assert any("enter and live" in c.text for c in a.conditions), a.route


# --- adoption ---------------------------------------------------------------------------------------


def test_convention_adoption_needs_carers_habitually_resident_in_a_1993_convention_country():
    """1993 Convention Arts 2, 14: the Convention follows the adopters' habitual residence."""
    assert assess(make_case(), Route.CONVENTION_ADOPTION).verdict is Verdict.REALISTIC
    not_resident = make_case(**{"carers.people": [{**BASE["carers"]["people"][0],
                                                   "habitually_resident_in_country": False}]})
    assert assess(not_resident, Route.CONVENTION_ADOPTION).verdict is Verdict.NOT_AVAILABLE
    outside = make_case(**{"carers.country": "neitherland"})
    assert assess(outside, Route.CONVENTION_ADOPTION).verdict is Verdict.NOT_AVAILABLE


def test_convention_adoption_near_a_computed_entry_into_force_date_is_to_be_confirmed():
    """A computed entry-into-force date must be checked against the HCCH status table."""
    a = assess(make_case(**{"carers.country": "newland"}), Route.CONVENTION_ADOPTION)
    assert a.verdict is Verdict.CONDITIONAL
    assert a.to_be_confirmed


def test_a_not_party_status_with_an_unchecked_later_accession_is_to_be_confirmed():
    """Jamaica and Pakistan: a later accession not checked against the HCCH table."""
    case = make_case(**{"carers.country": "unsureland"})
    convention = assess(case, Route.CONVENTION_ADOPTION)
    assert convention.verdict is Verdict.NOT_AVAILABLE
    assert any(r.to_be_confirmed for r in convention.reasons)
    s84 = assess(case, Route.S84_ADOPTION)
    assert any(c.to_be_confirmed and "acceded" in c.text for c in s84.conditions)


def test_adoption_abroad_without_convention_needs_s84_order():
    """ACA 2002 s84, s85: removal for adoption abroad without a s84 order is an offence."""
    a = assess(make_case(**{"carers.country": "neitherland"}), Route.S84_ADOPTION)
    assert a.verdict is Verdict.REALISTIC
    assert cited(a, "s85", Effect.SUPPORTS)


def test_s84_is_not_the_route_where_the_convention_applies():
    """1993 Convention Art 2: within its scope the adoption follows the Convention procedure."""
    a = assess(make_case(**{"carers.country": "adoptland"}), Route.S84_ADOPTION)
    assert a.verdict is Verdict.NOT_AVAILABLE


def test_s84_needs_ten_weeks_home_with_the_applicants():
    """ACA 2002 s84(4); Re G [2008] EWCA Civ 105; Re A [2009] EWCA Civ 41."""
    a = assess(make_case(**{"carers.country": "neitherland"}), Route.S84_ADOPTION)
    assert any("10 weeks" in s.text and "s84(4)" in s.citation for s in a.steps)
    assert cited(a, "AFER 2005 reg 11", Effect.STEP)


def test_s84_not_available_where_carers_could_adopt_in_england_and_wales():
    """ACA 2002 s84(1), s49: a carer domiciled in the British Islands could adopt here."""
    people = [{**BASE["carers"]["people"][0], "domiciled_in_british_islands": True}]
    a = assess(make_case(**{"carers.country": "neitherland", "carers.people": people}),
               Route.S84_ADOPTION)
    assert a.verdict is Verdict.NOT_AVAILABLE
    unknown = [{**BASE["carers"]["people"][0], "domiciled_in_british_islands": None}]
    b = assess(make_case(**{"carers.country": "neitherland", "carers.people": unknown}),
               Route.S84_ADOPTION)
    assert b.verdict is Verdict.CONDITIONAL
    assert any("domicile" in c.text for c in b.conditions)


@pytest.mark.parametrize("route", [Route.CONVENTION_ADOPTION, Route.S84_ADOPTION])
@pytest.mark.parametrize("consent", ["refused", "unknown", "cannot_be_found", "lacks_capacity"])
def test_adoption_without_parents_consent_is_conditional_on_nothing_else_will_do(route, consent):
    """Re B [2013] UKSC 33: non-consensual adoption only where nothing else will do."""
    country = "conventia" if route is Route.CONVENTION_ADOPTION else "neitherland"
    a = assess(make_case(**{"consents.adoption": consent, "carers.country": country}), route)
    assert a.verdict is Verdict.CONDITIONAL
    assert any("Re B [2013] UKSC 33" in c.citation for c in a.conditions)


def test_child_view_of_adoption_an_objection_is_a_condition_never_a_bar_on_age():
    """ACA 2002 s1(4)(a): English law asks no consent of the child to adoption; a 14-year-old's
    objection weighs heavily, with its reason, but does not close the route on age alone."""
    case = make_case(**{"child.age": 14, "child.understanding": "sufficient",
                        "child.views": {"moving_abroad": "supports", "adoption": "objects"}})
    a = assess(case, Route.CONVENTION_ADOPTION)
    assert a.verdict is Verdict.CONDITIONAL
    assert any("objects to being adopted" in c.text and "s1(4)(a)" in c.citation for c in a.conditions)
    assert assess(case, Route.SGO_ABROAD).verdict is Verdict.REALISTIC


def test_younger_child_who_objects_to_adoption_makes_it_conditional():
    """ACA 2002 s1(4)(a): wishes weighed in the light of age and understanding."""
    case = make_case(**{"child.age": 8, "child.views": {"moving_abroad": "supports",
                                                         "adoption": "objects"}})
    assert assess(case, Route.CONVENTION_ADOPTION).verdict is Verdict.CONDITIONAL


def test_art29_contact_bar_does_not_apply_to_an_adoption_within_the_family():
    """1993 Convention Art 29: no contact before Arts 4 and 5 are met, unless within a family."""
    relative = assess(make_case(), Route.CONVENTION_ADOPTION)
    assert cited(relative, "Art 29", Effect.SUPPORTS)
    friend = assess(make_case(**{"carers.connection": "friend"}), Route.CONVENTION_ADOPTION)
    assert cited(friend, "Art 29", Effect.STEP)


def test_convention_adoption_by_carers_abroad_does_not_make_a_child_british():
    """British Nationality Act 1981 s1(5A): only adopters habitually resident in the UK."""
    a = assess(make_case(**{"child.british_citizen": False}), Route.CONVENTION_ADOPTION)
    assert cited(a, "(5A)", Effect.NOTE)
    assert not cited(assess(make_case(), Route.CONVENTION_ADOPTION), "(5A)")


# --- SGO and CAO --------------------------------------------------------------------------------


def test_sgo_holder_may_remove_for_less_than_three_months_and_otherwise_needs_consent_or_leave():
    """CA 1989 s14C(3)(b), (4): less than 3 months; else every PR holder's written consent or the
    court's leave, which can be given when the SGO is made (s14B(2)(b))."""
    agreed = assess(make_case(), Route.SGO_ABROAD)
    assert agreed.verdict is Verdict.REALISTIC
    assert any("less than 3 months" in s.text and "s14C(4)" in s.citation for s in agreed.steps)
    opposed = assess(make_case(**{"consents.placement_abroad": "refused"}), Route.SGO_ABROAD)
    assert opposed.verdict is Verdict.CONDITIONAL
    assert any("leave" in c.text and "s14C(3)(b)" in c.citation and "s14B(2)(b)" in c.citation
               for c in opposed.conditions)


def test_sgo_in_a_country_outside_the_1996_convention_needs_a_mirror_order():
    """1996 Convention Art 23 recognises measures only between Contracting States; elsewhere a
    mirror order is needed (1996 Convention Art 23; secondary source)."""
    inside = assess(make_case(), Route.SGO_ABROAD)
    assert cited(inside, "Art 23", Effect.SUPPORTS)
    outside = assess(make_case(**{"carers.country": "adoptland"}), Route.SGO_ABROAD)
    assert outside.verdict is Verdict.CONDITIONAL
    assert any("mirror order" in c.text for c in outside.conditions)


@pytest.mark.parametrize("route", [Route.SGO_ABROAD, Route.CAO_ABROAD])
def test_art33_for_a_kinship_order_is_needed_but_its_reach_is_to_be_confirmed(route):
    """1996 Convention Art 33 covers foster or institutional care or kafala; whether a placement
    with relatives under an SGO or CAO is 'foster care' is unsettled, so it is marked."""
    a = assess(make_case(art33_consent="requested"), route)
    assert a.verdict is Verdict.CONDITIONAL
    assert all(c.to_be_confirmed for c in a.conditions if "Art 33" in c.citation)
    assert any("Art 33" in c.citation for c in a.conditions)


def test_art33_is_not_asked_where_the_1996_convention_does_not_apply():
    """1996 Convention Art 33 applies only between Contracting States."""
    a = assess(make_case(**{"carers.country": "adoptland"}, art33_consent="not_applicable"),
               Route.FOSTERING_ABROAD)
    assert not cited(a, "Art 33")


def test_cao_holder_may_remove_for_less_than_one_month_and_otherwise_needs_consent_or_leave():
    """CA 1989 s13(1)(b), (2): less than one month; else every PR holder's written consent or leave."""
    agreed = assess(make_case(), Route.CAO_ABROAD)
    assert agreed.verdict is Verdict.REALISTIC
    assert any("less than one month" in s.text for s in agreed.steps)
    opposed = assess(make_case(**{"consents.placement_abroad": "refused"}), Route.CAO_ABROAD)
    assert opposed.verdict is Verdict.CONDITIONAL
    assert any("leave" in c.text and "s13" in c.citation for c in opposed.conditions)


# --- long-term fostering abroad -------------------------------------------------------------------


def test_fostering_abroad_needs_court_approval_under_sch2_para19():
    """CA 1989 Sch 2 para 19: court approval for a child in care to live abroad."""
    a = assess(make_case(), Route.FOSTERING_ABROAD)
    assert a.verdict is Verdict.REALISTIC
    assert cited(a, "Sch 2 para 19", Effect.SUPPORTS)
    assert any("reception and welfare" in s.text for s in a.steps)


def test_fostering_abroad_is_only_for_a_looked_after_child():
    """CA 1989 Sch 2 para 19 is about a child in care; no placement to approve otherwise."""
    a = assess(make_case(legal_status="none"), Route.FOSTERING_ABROAD)
    assert a.verdict is Verdict.NOT_AVAILABLE


def test_fostering_abroad_under_an_interim_care_order_waits_for_a_final_order():
    """CA 1989 s31; long-term fostering rests on a final care order."""
    a = assess(make_case(legal_status="interim_care_order"), Route.FOSTERING_ABROAD)
    assert a.verdict is Verdict.CONDITIONAL


def test_accommodated_child_needs_every_pr_holders_approval_not_para19():
    """Re C [2019] EWCA Civ 1714: for a s20 child, approval of every PR holder suffices."""
    agreed = assess(make_case(legal_status="accommodated_s20"), Route.FOSTERING_ABROAD)
    assert any("Re C [2019] EWCA Civ 1714" in c.citation for c in agreed.conditions)
    assert not cited(agreed, "Sch 2 para 19", Effect.SUPPORTS)
    refused = assess(make_case(legal_status="accommodated_s20",
                               **{"consents.placement_abroad": "refused"}), Route.FOSTERING_ABROAD)
    assert refused.verdict is Verdict.NOT_AVAILABLE


def test_para19_parent_refusing_consent_makes_fostering_conditional():
    """Sch 2 para 19: consent dispensed with only if unreasonably withheld (or cannot be found,
    incapable)."""
    refused = assess(make_case(**{"consents.placement_abroad": "refused"}), Route.FOSTERING_ABROAD)
    assert refused.verdict is Verdict.CONDITIONAL
    missing = assess(make_case(**{"consents.placement_abroad": "cannot_be_found"}),
                     Route.FOSTERING_ABROAD)
    assert missing.verdict is Verdict.REALISTIC
    assert any("dispense" in s.text for s in missing.steps)


def test_para19_child_with_understanding_who_does_not_consent_closes_fostering_abroad():
    """Sch 2 para 19(3)(c), (4): a child's consent may be dispensed with only if the child lacks
    understanding."""
    case = make_case(**{"child.age": 14, "child.understanding": "sufficient",
                        "child.views": {"moving_abroad": "objects", "adoption": "objects"}})
    assert assess(case, Route.FOSTERING_ABROAD).verdict is Verdict.NOT_AVAILABLE


def test_para19_young_childs_consent_may_be_dispensed_with():
    """Sch 2 para 19: a child who lacks understanding and is going to a suitable person."""
    a = assess(make_case(), Route.FOSTERING_ABROAD)
    assert any("approve without Sam's consent" in s.text for s in a.steps)


def test_art33_consent_is_needed_before_a_foster_placement_in_a_1996_convention_state():
    """1996 Convention Art 33: consult and obtain consent before the placement decision."""
    pending = assess(make_case(art33_consent="not_sought"), Route.FOSTERING_ABROAD)
    assert pending.verdict is Verdict.CONDITIONAL
    assert any("Art 33" in c.citation and not c.to_be_confirmed for c in pending.conditions)
    refused = assess(make_case(art33_consent="refused"), Route.FOSTERING_ABROAD)
    assert refused.verdict is Verdict.NOT_AVAILABLE


# --- the child's wishes, and viability --------------------------------------------------------------


def test_child_view_of_moving_an_objection_to_an_order_is_a_condition_never_a_bar_on_age():
    """CA 1989 s1(3)(a); ACA 2002 s1(4)(a): for SGO, CAO and adoption English law needs no consent
    from the child, so even a 16-year-old's objection is a heavy welfare factor, not a bar; only
    para 19 (fostering abroad) makes the refusal of a child who understands a bar."""
    case = make_case(**{"child.age": 16, "child.understanding": "sufficient",
                        "child.views": {"moving_abroad": "objects", "adoption": "supports"}})
    verdicts = {a.route: a.verdict for a in find_routes(case, COUNTRIES, today=TODAY)}
    assert verdicts[Route.SGO_ABROAD] is Verdict.CONDITIONAL
    assert verdicts[Route.CAO_ABROAD] is Verdict.CONDITIONAL
    assert verdicts[Route.CONVENTION_ADOPTION] is Verdict.CONDITIONAL
    assert verdicts[Route.FOSTERING_ABROAD] is Verdict.NOT_AVAILABLE


def test_younger_childs_objection_to_moving_makes_routes_conditional():
    """CA 1989 s1(3)(a): weighed, not decisive, for a younger child."""
    case = make_case(**{"child.age": 8, "child.views": {"moving_abroad": "objects",
                                                         "adoption": "not_able_to_say"}})
    assert assess(case, Route.SGO_ABROAD).verdict is Verdict.CONDITIONAL


def test_serious_viability_concern_closes_every_route():
    """FRG viability guide: a serious concern means the carer is not a realistic option;
    Re R [2014] EWCA Civ 1625: only realistic options are weighed."""
    case = make_case(viability_evidence={"ability_to_meet_needs": {"rating": "serious_concern"}})
    assert {a.verdict for a in find_routes(case, COUNTRIES, today=TODAY)} == {Verdict.NOT_AVAILABLE}


def test_an_unknown_country_is_an_error_naming_the_case():
    with pytest.raises(ValueError, match="test-case"):
        find_routes(make_case(**{"carers.country": "atlantis"}), COUNTRIES, today=TODAY)

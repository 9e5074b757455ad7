"""The law the route finder must model (issue: the route finder's law), one rule per test, each
named after the rule and citing its provision; and the findings as content: every rule outcome
worded in content, every worded finding reachable, no legal sentence in the engine's code."""

from __future__ import annotations

import ast
import datetime as dt
import itertools
import random
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from test_routes import BASE, COUNTRIES, TODAY, assess, make_case
from workshop_kit.core import content
from workshop_kit.core.case_study import CaseStudy, Route, Verdict
from workshop_kit.core.case_timeline import plan_case_timeline
from workshop_kit.core.findings import FindingsBook, FindingText
from workshop_kit.core.loading import ContentError, read_yaml, validate_document
from workshop_kit.core.routes import RULES_BY_NAME, Effect, find_routes
from workshop_kit.core.timeline import dates_used_by

ORDERS = (Route.SGO_ABROAD, Route.CAO_ABROAD)
CORE = Path(__file__).resolve().parents[1] / "src" / "workshop_kit" / "core"

CITATION = re.compile(r"\b(Act (19|20)\d\d|s\d+[A-Z]?\(|ss?\d+[A-Z]?\b|Art(icle)?s? \d+|Sch(edule)? \d+|"
                      r"para \d+|regs? \d+|EWCA|UKSC|EWHC)")


def verdicts(case: CaseStudy) -> dict[Route, Verdict]:
    return {a.route: a.verdict for a in find_routes(case, COUNTRIES, today=TODAY)}


def outcomes(case: CaseStudy, route: Route) -> set[str]:
    return {f"{f.rule}/{f.outcome}" for f in assess(case, route).findings}


# --- jurisdiction before any order (FLA 1986 ss1-3; 1996 Convention Arts 5-7) ----------------------


def test_jurisdiction_child_habitually_resident_here_lets_a_court_here_make_an_sgo_or_cao():
    """Family Law Act 1986 ss2(1), 3(1)(a); 1996 Convention Art 5(1)."""
    for route in ORDERS:
        assert "jurisdiction_for_sgo_or_cao/habitually_resident_here" in outcomes(make_case(), route)


@pytest.mark.parametrize("route", ORDERS)
def test_jurisdiction_child_settled_in_a_1996_convention_state_is_not_a_candidate_for_an_english_order(route):
    """1996 Convention Art 5(1): jurisdiction lies with the State of the child's habitual residence."""
    case = make_case(**{"child.habitual_residence": "conventia", "child.lives_in": "conventia"})
    a = assess(case, route)
    assert a.verdict is Verdict.NOT_AVAILABLE
    assert any("Art" in r.citation and "5(1)" in r.citation for r in a.reasons)


def test_jurisdiction_child_settled_outside_the_1996_area_and_not_here_closes_sgo_and_cao():
    """Family Law Act 1986 ss2, 3: no habitual residence here and no presence here, no jurisdiction."""
    case = make_case(**{"carers.country": "neitherland", "child.habitual_residence": "neitherland",
                        "child.lives_in": "neitherland"})
    for route in ORDERS:
        assert assess(case, route).verdict is Verdict.NOT_AVAILABLE


def test_jurisdiction_child_settled_abroad_but_present_here_is_a_condition_to_be_confirmed():
    """Family Law Act 1986 s3(1)(b): presence here, with no habitual residence in any part of the UK."""
    case = make_case(**{"carers.country": "neitherland", "child.habitual_residence": "neitherland"})
    a = assess(case, Route.SGO_ABROAD)
    assert a.verdict is Verdict.CONDITIONAL
    assert any(c.to_be_confirmed and "3(1)(b)" in c.citation for c in a.conditions)


def test_jurisdiction_a_trial_placement_in_a_1996_state_can_move_habitual_residence_art_5_2():
    """1996 Convention Art 5(2): a change of habitual residence moves jurisdiction, mid-proceedings."""
    warned = assess(make_case(trial_placement_abroad=True), Route.SGO_ABROAD)
    assert warned.verdict is Verdict.CONDITIONAL
    assert any("5(2)" in c.citation for c in warned.conditions)
    noted = assess(make_case(), Route.SGO_ABROAD)
    assert any("5(2)" in s.citation for s in noted.steps)  # a note, not a condition
    outside = assess(make_case(**{"carers.country": "neitherland"}, trial_placement_abroad=True),
                     Route.SGO_ABROAD)
    assert not any("5(2)" in f.reason.citation and f.rule.startswith("jurisdiction")
                   for f in outside.findings)


# --- s84 orders (ACA 2002 s84(1), (2), s49, s85) -------------------------------------------------


def test_s84_carers_whose_country_has_no_adoption_in_its_law_cannot_have_an_s84_order():
    """ACA 2002 s84(1): only for carers who intend to adopt under the law of their country."""
    a = assess(make_case(**{"carers.country": "guardianland"}), Route.S84_ADOPTION)
    assert a.verdict is Verdict.NOT_AVAILABLE
    assert "s84_adoption_under_their_law/no_adoption_in_law" in outcomes(
        make_case(**{"carers.country": "guardianland"}), Route.S84_ADOPTION)


def test_s84_adoption_law_not_known_is_a_condition_saying_what_to_find_out():
    case = make_case(**{"carers.country": "mysteria"})
    a = assess(case, Route.S84_ADOPTION)
    assert a.verdict is Verdict.CONDITIONAL
    assert "s84_adoption_under_their_law/to_find_out" in outcomes(case, Route.S84_ADOPTION)


def test_s84_carers_habitually_resident_in_the_british_islands_for_a_year_must_adopt_here():
    """ACA 2002 s84(2) with s49(2), (3)."""
    people = [{**BASE["carers"]["people"][0], "habitually_resident_in_british_islands_for_a_year": True}]
    case = make_case(**{"carers.country": "neitherland", "carers.people": people})
    assert assess(case, Route.S84_ADOPTION).verdict is Verdict.NOT_AVAILABLE
    assert "s84_not_for_carers_who_could_adopt_here/resident_here_a_year" in outcomes(
        case, Route.S84_ADOPTION)


def test_s84_a_child_already_living_abroad_is_not_an_s84_case():
    """ACA 2002 s84(1), s85: the order authorises taking a child out of the UK."""
    case = make_case(legal_status="none", **{"carers.country": "neitherland",
                                             "child.habitual_residence": "neitherland",
                                             "child.lives_in": "neitherland"})
    assert assess(case, Route.S84_ADOPTION).verdict is Verdict.NOT_AVAILABLE
    assert "s84_child_leaving_the_uk/settled_abroad" in outcomes(case, Route.S84_ADOPTION)


def test_s84_a_child_in_care_placed_abroad_with_approval_can_still_have_an_s84_order():
    """Re A [2009] EWCA Civ 41: the s84(4) ten weeks may be spent abroad after a para 19
    placement, so a child in care already living with the carers abroad is an s84 case."""
    case = make_case(**{"carers.country": "neitherland", "child.habitual_residence": "neitherland",
                        "child.lives_in": "neitherland"})
    a = assess(case, Route.S84_ADOPTION)
    assert a.verdict is Verdict.REALISTIC
    assert "s84_child_leaving_the_uk/abroad_under_para_19" in outcomes(case, Route.S84_ADOPTION)


def test_para19_a_child_without_understanding_never_consents_the_court_disregards_consent():
    """Sch 2 para 19(4): where the child lacks understanding, consent is disregarded, so a young
    child who 'supports' the move is not recorded as consenting."""
    case = make_case(**{"child.age": 7, "child.understanding": "not_sufficient",
                        "child.views": {"moving_abroad": "supports", "adoption": "not_able_to_say"}})
    found = outcomes(case, Route.FOSTERING_ABROAD)
    assert "child_consent_under_para_19/lacks_understanding" in found
    assert "child_consent_under_para_19/consents" not in found


def test_para19_placement_order_suspends_the_care_order_so_no_fostering_abroad():
    """ACA 2002 s29(1): the care order has no effect while a placement order is in force."""
    case = make_case(legal_status="placement_order")
    assert assess(case, Route.FOSTERING_ABROAD).verdict is Verdict.NOT_AVAILABLE


def test_para19_parents_consent_to_a_trial_placement_is_a_condition_on_every_route():
    """Sch 2 para 19(3)(d), (5): the trial placement needs every PR holder's consent."""
    case = make_case(trial_placement_abroad=True, **{"consents.placement_abroad": "refused"})
    for route in (Route.SGO_ABROAD, Route.CAO_ABROAD, Route.CONVENTION_ADOPTION):
        assert "parents_consent_under_para_19/refused" in outcomes(case, route), route


def test_s84_convention_adoption_completed_abroad_needs_an_s84_order_made_here_if_domiciled_here():
    """ACA 2002 s84(2), s49: the same point on the Convention route."""
    abroad = outcomes(make_case(), Route.CONVENTION_ADOPTION)
    assert "where_the_convention_adoption_is_made/completed_abroad" in abroad
    people = [{**BASE["carers"]["people"][0], "domiciled_in_british_islands": True}]
    here = outcomes(make_case(**{"carers.people": people}), Route.CONVENTION_ADOPTION)
    assert "where_the_convention_adoption_is_made/made_here" in here


# --- Sch 2 para 19: any move abroad of a child in care; understanding, not age ------------------------


def test_para19_trial_placement_of_a_child_under_an_interim_care_order_needs_court_approval():
    """CA 1989 Sch 2 para 19(1): every move abroad of a child in care, before a final order too."""
    case = make_case(legal_status="interim_care_order", trial_placement_abroad=True)
    for route in (Route.SGO_ABROAD, Route.CONVENTION_ADOPTION, Route.CAO_ABROAD):
        steps = assess(case, route).steps
        assert any("approval" in s.text and "para 19" in s.citation for s in steps), route


def test_para19_refusal_by_a_child_of_11_with_understanding_bars_fostering_abroad():
    """Sch 2 para 19(3)(c), (4): a bar at any age where the child has sufficient understanding."""
    case = make_case(**{"child.age": 11, "child.understanding": "sufficient",
                        "child.views": {"moving_abroad": "objects", "adoption": "objects"}})
    assert assess(case, Route.FOSTERING_ABROAD).verdict is Verdict.NOT_AVAILABLE


def test_para19_objection_of_a_child_without_understanding_may_be_dispensed_with():
    """Sch 2 para 19(4): dispensed with where the child lacks understanding and goes to suitable
    carers; the objection is still weighed, so a condition."""
    case = make_case(**{"child.age": 13, "child.understanding": "not_sufficient",
                        "child.views": {"moving_abroad": "objects", "adoption": "objects"}})
    a = assess(case, Route.FOSTERING_ABROAD)
    assert a.verdict is Verdict.CONDITIONAL
    assert "child_consent_under_para_19/objects_lacks_understanding" in outcomes(case, Route.FOSTERING_ABROAD)


def test_para19_understanding_not_assessed_is_a_condition_not_a_guess_from_age():
    case = make_case(**{"child.age": 15, "child.understanding": "not_assessed",
                        "child.views": {"moving_abroad": "objects", "adoption": "objects"}})
    assert assess(case, Route.FOSTERING_ABROAD).verdict is Verdict.CONDITIONAL


def test_para19_refused_trial_placement_is_a_condition_on_an_sgo_not_a_bar():
    """The refusal bars the trial placement (para 19), not the SGO made before any move."""
    case = make_case(trial_placement_abroad=True,
                     **{"child.age": 12, "child.understanding": "sufficient",
                        "child.views": {"moving_abroad": "objects", "adoption": "objects"}})
    a = assess(case, Route.SGO_ABROAD)
    assert a.verdict is Verdict.CONDITIONAL
    assert "child_consent_under_para_19/refuses_trial_placement" in outcomes(case, Route.SGO_ABROAD)


def test_para19_6_a_child_placed_abroad_with_approval_is_not_an_s85_removal():
    """CA 1989 Sch 2 para 19(6) disapplies ACA 2002 s85."""
    case = make_case(trial_placement_abroad=True)
    notes = assess(case, Route.CONVENTION_ADOPTION).steps
    assert any("19(6)" in n.citation for n in notes)


def test_para19_no_child_consent_question_for_an_sgo_without_a_move_before_the_order():
    """After an SGO the care order is discharged (CA 1989 s91(5A)): para 19 no longer applies."""
    case = make_case(**{"child.age": 12, "child.understanding": "sufficient",
                        "child.views": {"moving_abroad": "supports", "adoption": "unsure"}})
    assert not any(f.rule == "child_consent_under_para_19" for f in assess(case, Route.SGO_ABROAD).findings)


# --- removal from the UK under an SGO or CAO (CA 1989 s13(1)(b), s14C(3)(b)) -----------------------


@pytest.mark.parametrize("route", ORDERS)
@pytest.mark.parametrize("consent", ["refused", "unknown", "cannot_be_found"])
def test_removal_from_the_uk_needs_every_pr_holders_written_consent_or_leave_alike(route, consent):
    a = assess(make_case(**{"consents.placement_abroad": consent}), route)
    assert a.verdict is Verdict.CONDITIONAL
    assert "removal_from_the_uk/leave_needed" in {f"{f.rule}/{f.outcome}" for f in a.findings}


# --- siblings ------------------------------------------------------------------------------------------


def _sibling(name: str, age: int, understanding: str, moving: str, same_plan: bool) -> dict[str, Any]:
    return {"first_name": name, "age": age, "understanding": understanding,
            "views": {"moving_abroad": moving, "adoption": "unsure"}, "same_plan": same_plan}


def test_siblings_each_child_is_assessed_with_their_own_age_understanding_and_views():
    case = make_case(siblings=[_sibling("Ola", 13, "sufficient", "objects", True)])
    fostering = assess(case, Route.FOSTERING_ABROAD)
    assert fostering.verdict is Verdict.NOT_AVAILABLE  # Ola's refusal, not Sam's
    assert any("Ola" in r.text for r in fostering.reasons)
    assert any("Sam" in f.reason.text for f in fostering.findings)


def test_siblings_a_plan_that_separates_siblings_is_flagged():
    """CA 1989 s22C(8)(c): looked-after siblings together where reasonably practicable."""
    case = make_case(siblings=[_sibling("Ola", 13, "sufficient", "objects", False)])
    for route in Route:
        assert any("separates Sam from Ola" in s.text for s in assess(case, route).steps), route
    assert verdicts(case)[Route.FOSTERING_ABROAD] is Verdict.REALISTIC  # Ola is not moving


# --- Wales -------------------------------------------------------------------------------------------


ENGLISH_ONLY = ("Sch 2 para 19", "(England) Regulations", "s22(4)", "s22C")


def test_wales_findings_for_a_welsh_authority_cite_welsh_law_or_say_to_be_confirmed():
    """SSWWA 2014 Part 6 (s124 for a child living outside England and Wales) replaces CA 1989
    Part 3 and Sch 2 for a Welsh authority: no English provision applied silently."""
    cases = [make_case(authority="wales", legal_status=status, trial_placement_abroad=True,
                       siblings=[_sibling("Ola", 9, "not_sufficient", "supports", False)])
             for status in ("care_order", "interim_care_order", "accommodated_s20")]
    for case in cases:
        for a in find_routes(case, COUNTRIES, today=TODAY):
            for f in a.findings:
                if any(p in f.reason.citation for p in ENGLISH_ONLY):
                    raise AssertionError(f"{a.route}: {f.rule}/{f.outcome} cites {f.reason.citation}")
            assert any(f.rule == "welsh_authority" for f in a.findings)
    fostering = assess(make_case(authority="wales"), Route.FOSTERING_ABROAD)
    assert any("s124" in r.citation for r in fostering.reasons)


def test_wales_timeline_marks_english_review_regulations_to_be_confirmed():
    case = make_case(authority="wales", chosen_route="fostering_abroad",
                     key_dates={"became_looked_after": "2026-01-05"})
    timeline = plan_case_timeline(case, COUNTRIES, today=TODAY)
    reviews = [m for m in timeline.milestones if "review" in m.id]
    assert reviews and all(m.to_be_confirmed for m in reviews)
    assert any("Welsh" in f.text for f in timeline.flags)
    english = plan_case_timeline(make_case(chosen_route="fostering_abroad",
                                           key_dates={"became_looked_after": "2026-01-05"}),
                                 COUNTRIES, today=TODAY)
    assert not any(m.to_be_confirmed for m in english.milestones if "review" in m.id)


# --- the timeline ------------------------------------------------------------------------------------


def _flags(case: CaseStudy) -> set[str]:
    return {f.label for f in plan_case_timeline(case, COUNTRIES, today=TODAY).flags}


def test_timeline_art33_flags_only_where_the_carers_country_is_a_1996_state():
    """1996 Convention Art 33 applies between Contracting States; elsewhere a mirror order."""
    inside = _flags(make_case(chosen_route="sgo_abroad"))
    outside = _flags(make_case(chosen_route="sgo_abroad", **{"carers.country": "adoptland"}))
    assert any("Article 33" in f for f in inside) and not any("Article 33" in f for f in outside)
    assert any("Not a 1996" in f for f in outside) and not any("Not a 1996" in f for f in inside)


def test_timeline_looked_after_reviews_continue_past_one_year_while_looked_after():
    """CPPCR 2010 reg 33: every 6 months for as long as the child is looked after."""
    case = make_case(chosen_route="fostering_abroad", key_dates={"became_looked_after": "2022-01-10"})
    timeline = plan_case_timeline(case, COUNTRIES, today=TODAY)
    last_review = max(m.due for m in timeline.milestones if "review" in m.id)
    assert last_review > TODAY


def test_timeline_no_sgo_notice_date_asked_when_the_court_may_make_the_sgo_of_its_own_motion():
    """CA 1989 s14A(6)(b): in care proceedings the court may make an SGO of its own motion."""
    in_proceedings = make_case(chosen_route="sgo_abroad", proceedings={"stage": "issued",
                                                                       "issued": "2026-09-01"})
    missing = {m.date_id for m in plan_case_timeline(in_proceedings, COUNTRIES, today=TODAY).missing}
    assert "sgo_notice_given" not in missing
    own_application = make_case(chosen_route="sgo_abroad")
    missing = {m.date_id for m in plan_case_timeline(own_application, COUNTRIES, today=TODAY).missing}
    assert "sgo_notice_given" in missing


def test_timeline_no_care_proceedings_date_asked_in_a_s20_case():
    case = make_case(chosen_route="fostering_abroad", legal_status="accommodated_s20",
                     proceedings={"stage": "none"})
    missing = {m.date_id for m in plan_case_timeline(case, COUNTRIES, today=TODAY).missing}
    assert "proceedings_issued" not in missing


def test_timeline_s84_ten_weeks_appear_where_a_convention_adoption_is_completed_abroad():
    """ACA 2002 s84(4), s85: completed abroad, a s84 order comes first."""
    dates = {"placement_began": "2026-10-01"}
    abroad = plan_case_timeline(make_case(chosen_route="convention_adoption", key_dates=dates),
                                COUNTRIES, today=TODAY)
    assert any(m.timescale_id == "convention_s84_home_with_applicants" for m in abroad.milestones)
    people = [{**BASE["carers"]["people"][0], "domiciled_in_british_islands": True}]
    here = plan_case_timeline(make_case(chosen_route="convention_adoption", key_dates=dates,
                                        **{"carers.people": people}), COUNTRIES, today=TODAY)
    assert not any(m.timescale_id == "convention_s84_home_with_applicants" for m in here.milestones)


def test_timeline_planner_asks_for_an_sgo_notice_date_only_on_the_sgo_route():
    table = content.timescales()
    assert "sgo_notice_given" in dates_used_by("sgo_abroad", table)
    for route in ("convention_adoption", "s84_adoption", "fostering_abroad", "cao_abroad"):
        assert "sgo_notice_given" not in dates_used_by(route, table)


# --- another country ---------------------------------------------------------------------------------


def test_another_country_with_unknown_status_says_what_to_find_out_and_where():
    case = make_case(**{"carers.country": "mysteria"})
    for route in Route:
        a = assess(case, route)
        assert a.verdict is not Verdict.REALISTIC
    conv = assess(case, Route.CONVENTION_ADOPTION)
    assert any("HCCH" in c.text for c in conv.conditions)


def test_the_shipped_country_list_has_another_country():
    assert "another_country" in content.countries().ids


# --- the findings as content ------------------------------------------------------------------------


def test_every_rule_outcome_has_its_finding_in_content():
    book = content.findings_book()
    declared = {(name, o) for name, r in RULES_BY_NAME.items() for o in r.outcomes}
    assert declared - book.keys == set()


def test_every_finding_in_content_belongs_to_a_rule_outcome():
    book = content.findings_book()
    declared = {(name, o) for name, r in RULES_BY_NAME.items() for o in r.outcomes}
    assert book.keys - declared == set()


def _random_cases(n: int, seed: int = 7) -> list[CaseStudy]:
    rng = random.Random(seed)
    choice = rng.choice
    countries = list(COUNTRIES.ids)
    cases = []
    while len(cases) < n:
        country = choice([c for c in countries if c != "united_kingdom"])
        settled = choice(["here", "here", "abroad", "abroad_present_here"])
        age = rng.randint(0, 17)
        views = {"moving_abroad": choice(["supports", "unsure", "objects", "not_able_to_say"]),
                 "adoption": choice(["supports", "unsure", "objects", "not_able_to_say"])}
        person = {**BASE["carers"]["people"][0],
                  "domiciled_in_british_islands": choice([False, False, True, None]),
                  "habitually_resident_in_british_islands_for_a_year": choice([False, False, True]),
                  "habitually_resident_in_country": choice([True, True, False]),
                  "british_citizen": choice([True, False])}
        stage = choice(["issued", "concluded", "none"])
        changes: dict[str, Any] = {
            "authority": choice(["england", "wales"]),
            "carers.country": country, "carers.connection": choice(["relative", "friend"]),
            "carers.right_of_child_to_enter": choice(["confirmed", "confirmed", "unknown", "refused"]),
            "carers.people": [person],
            "child.age": age, "child.views": views,
            "child.understanding": choice(["sufficient", "not_sufficient", "not_assessed"]),
            "child.british_citizen": choice([True, False]),
            "child.habitual_residence": "united_kingdom" if settled == "here" else country,
            "child.lives_in": country if settled == "abroad" else choice(["united_kingdom", country]),
            "legal_status": choice(["care_order", "interim_care_order", "placement_order",
                                    "accommodated_s20", "none"]),
            "proceedings": {"stage": stage} | ({"issued": "2026-01-05"} if stage != "none" else {}),
            "consents.placement_abroad": choice(["given", "refused", "unknown", "cannot_be_found",
                                                 "lacks_capacity"]),
            "consents.adoption": choice(["given", "refused", "unknown", "cannot_be_found"]),
            "art33_consent": choice(["not_sought", "requested", "given", "refused"]),
            "trial_placement_abroad": choice([True, False]),
            "siblings": choice([[], [_sibling("Ola", 9, "not_sufficient", "supports", False)]]),
            "viability_evidence": choice([{}, {}, {"accommodation": {"rating": "serious_concern"}}]),
        }
        try:
            cases.append(make_case(**changes))
        except ValidationError:
            continue
    return cases


def test_every_finding_in_content_is_reachable(monkeypatch):
    """Generated cases reach every entry in findings.yaml, route and Welsh variants included: a
    finding nobody can reach is a finding nobody has checked in context."""
    used: set[int] = set()
    original = FindingsBook.finding

    def spy(self, rule, outcome, route, authority):
        entry = original(self, rule, outcome, route, authority)
        used.add(id(entry))
        return entry

    monkeypatch.setattr(FindingsBook, "finding", spy)
    book = content.findings_book()
    for case in _random_cases(1500):
        find_routes(case, COUNTRIES, today=TODAY, book=book)
    unreached = [f"{f.rule}/{f.outcome} routes={f.routes} authority={f.authority}"
                 for f in book.findings if id(f) not in used]
    assert unreached == []


def test_a_reworded_finding_changes_what_the_engine_says(tmp_path):
    """A trainer rewords a finding in content; the engine says the new words, no Python touched."""
    source = content.CONTENT_DIR / "findings.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "{child} wants to be adopted by the carers.", "{child} has asked to be adopted by the carers.")
    path = tmp_path / "findings.yaml"
    path.write_text(text, encoding="utf-8")
    book = validate_document(read_yaml(path), FindingsBook)
    case = make_case(**{"child.age": 10, "child.understanding": "sufficient",
                        "child.views": {"moving_abroad": "supports", "adoption": "supports"}})
    a = next(a for a in find_routes(case, COUNTRIES, today=TODAY, book=book)
             if a.route is Route.CONVENTION_ADOPTION)
    assert any(r.text == "Sam has asked to be adopted by the carers." for r in a.reasons)


def test_an_unknown_placeholder_in_a_finding_is_a_validation_error_naming_it(tmp_path):
    text = (content.CONTENT_DIR / "findings.yaml").read_text(encoding="utf-8").replace(
        "{child} wants to be adopted", "{chlid} wants to be adopted")
    path = tmp_path / "findings.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"\{chlid\}"):
        validate_document(read_yaml(path), FindingsBook)


def test_every_finding_has_a_source_and_a_review_date_and_an_effect():
    for f in content.findings_book().findings:
        assert isinstance(f, FindingText)
        assert f.source and f.last_reviewed <= dt.date.today() and isinstance(f.effect, Effect)
        if f.to_be_confirmed:
            assert f.caveat, f"{f.rule}/{f.outcome} is to be confirmed but says not what"


def _string_literals_citing_law(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return [f"{path.name}:{node.lineno}: {node.value[:60]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and CITATION.search(node.value)]


def test_no_string_literal_in_core_cites_law():
    """A legal statement in the engine's code escapes review: it belongs in content."""
    found = list(itertools.chain.from_iterable(
        _string_literals_citing_law(p) for p in sorted(CORE.rglob("*.py"))))
    assert found == []


def test_the_citation_check_would_catch_a_legal_statement_in_code(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('"""Docstrings may cite CA 1989 s14C."""\nREASON = "Leave needed (CA 1989 s13(1)(b))."\n')
    assert len(_string_literals_citing_law(bad)) == 1

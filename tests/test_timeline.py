"""The timeline planner: one test per statutory rule in timescales.yaml, then properties of any plan."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_kit.core.case_study import Route
from workshop_kit.core.content import CONTENT_DIR, kind_for, timescales
from workshop_kit.core.loading import ContentError, load
from workshop_kit.core.timeline import plan_timeline
from workshop_kit.core.timescales import (
    KNOWN_DATES,
    DelaySeverity,
    TimescaleKind,
    TimescaleTable,
)

ISSUED = dt.date(2026, 3, 2)
LOOKED_AFTER = dt.date(2026, 2, 20)
NOTICE = dt.date(2026, 5, 1)
SGO_CASE = {"proceedings_issued": ISSUED, "became_looked_after": LOOKED_AFTER,
            "sgo_notice_given": NOTICE}


ROUTE_IDS = [r.value for r in Route]


def due(route: str, milestone_id: str, **known: dt.date) -> dt.date:
    return plan_timeline(route, known).milestone(milestone_id).due


# --- content ------------------------------------------------------------------------------------


def test_timescales_file_is_registered_and_loads():
    assert kind_for(CONTENT_DIR / "timescales.yaml").model is TimescaleTable
    assert timescales().timescale("first_review").duration.unit == "working_days"


def test_every_timescale_carries_source_confidence_and_review_date():
    for location, fact in timescales().all_facts():
        assert fact.source and fact.confidence and fact.last_reviewed, location
        if fact.uncertain:
            assert fact.caveat, f"{location} is uncertain but has no caveat"


def test_partner_of_a_parent_six_months_is_statute_not_to_be_confirmed():
    """ACA 2002 s42(3) is statute (legal review 2026-11-23): no ⚠ badge."""
    rule = timescales().timescale("adoption_application_partner_of_parent")
    assert not rule.to_be_confirmed and "s42(3)" in rule.source
    assert (rule.duration.amount, rule.duration.unit) == (6, "months")


def test_adoption_register_referral_is_marked_uncertain():
    """Adoption Agencies (Misc. Amendments) Regs 2013; name and wording to be confirmed."""
    rule = timescales().timescale("adoption_register_referral")
    assert rule.uncertain and rule.caveat


def test_a_timescale_running_from_an_unknown_date_is_a_content_error(tmp_path: Path):
    text = (CONTENT_DIR / "timescales.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "timescales.yaml"
    bad.write_text(text.replace("runs_from: sgo_notice_given", "runs_from: notice_date"),
                   encoding="utf-8")
    with pytest.raises(ContentError, match="notice_date"):
        load(bad, TimescaleTable)


# --- one test per rule --------------------------------------------------------------------------


def test_care_proceedings_are_decided_within_26_weeks_beginning_with_issue():
    """CA 1989 s32(1)(a)(ii): 26 weeks beginning with the day of issue, so the issue day is day 1."""
    assert due("sgo_abroad", "care_proceedings_decided", proceedings_issued=ISSUED) == dt.date(2026, 8, 30)


def test_first_review_is_due_within_20_working_days_of_becoming_looked_after():
    """CPPCR (England) Regs 2010 reg 33(1)."""
    assert due("sgo_abroad", "first_review", became_looked_after=LOOKED_AFTER) == dt.date(2026, 3, 20)


def test_first_review_deadline_skips_christmas_bank_holidays():
    """reg 33(1) counts working days: 25 and 28 December 2026 do not count."""
    assert due("fostering_abroad", "first_review",
               became_looked_after=dt.date(2026, 12, 1)) == dt.date(2026, 12, 31)


def test_second_review_is_due_within_three_months_of_the_first():
    """CPPCR (England) Regs 2010 reg 33(2), planned from the first review's last permitted day."""
    assert due("sgo_abroad", "second_review", became_looked_after=LOOKED_AFTER) == dt.date(2026, 6, 20)


def test_later_reviews_are_due_at_most_every_six_months_up_to_the_horizon():
    """reg 33(2): subsequent reviews at intervals of not more than six months."""
    plan = plan_timeline("sgo_abroad", {"became_looked_after": LOOKED_AFTER},
                         horizon=dt.date(2027, 12, 31))
    later = [m for m in plan.milestones if m.timescale_id == "later_reviews"]
    assert [(m.label, m.due) for m in later] == [
        ("Looked-after review 3", dt.date(2026, 12, 20)),
        ("Looked-after review 4", dt.date(2027, 6, 20)),
        ("Looked-after review 5", dt.date(2027, 12, 20)),
    ]
    assert later[0].kind is TimescaleKind.REVIEW_INTERVAL


def test_reviews_are_planned_one_year_ahead_by_default():
    plan = plan_timeline("sgo_abroad", {"became_looked_after": LOOKED_AFTER})
    assert plan.horizon == dt.date(2027, 2, 20)
    assert max(m.due for m in plan.milestones) == dt.date(2026, 12, 20)


def test_permanence_plan_is_due_by_the_second_review():
    """Statutory guidance as reported in council manuals [S]: permanence plan by the second review."""
    plan = plan_timeline("sgo_abroad", {"became_looked_after": LOOKED_AFTER})
    assert plan.milestone("permanence_plan").due == plan.milestone("second_review").due
    ids = [m.id for m in plan.milestones]
    assert ids.index("second_review") < ids.index("permanence_plan")


def test_sgo_application_needs_three_months_notice():
    """CA 1989 s14A(7) [S]: written notice to the LA 3 months before applying."""
    milestone = plan_timeline("sgo_abroad", {"sgo_notice_given": NOTICE}).milestone("sgo_notice_period")
    assert milestone.due == dt.date(2026, 8, 1)
    assert milestone.kind is TimescaleKind.MINIMUM_PERIOD


def test_s84_application_needs_ten_weeks_home_with_the_applicants():
    """ACA 2002 s84(4): the child's home with the applicants at all times in the preceding 10 weeks."""
    assert due("s84_adoption", "s84_home_with_applicants",
               placement_began=dt.date(2026, 6, 1)) == dt.date(2026, 8, 10)


def test_adoption_application_after_ten_weeks_for_an_agency_placement():
    """ACA 2002 s42(2): 10 weeks where an agency placed the child."""
    assert due("convention_adoption", "adoption_application_agency_placement",
               placement_began=dt.date(2026, 6, 1)) == dt.date(2026, 8, 10)


def test_adoption_register_referral_within_three_months_is_shown_to_be_confirmed():
    """Adoption Agencies (Misc. Amendments) Regs 2013 [S] ⚠: at the latest 3 months after the ADM."""
    milestone = plan_timeline("convention_adoption", {"adm_decision": dt.date(2026, 1, 31)}
                              ).milestone("adoption_register_referral")
    assert milestone.due == dt.date(2026, 4, 30)
    assert milestone.to_be_confirmed


def test_rules_that_depend_on_who_applies_are_reference_not_milestones():
    """ACA 2002 s42(3)-(5): the planner cannot tell who the applicants are."""
    plan = plan_timeline("convention_adoption", {"placement_began": dt.date(2026, 6, 1)})
    assert "adoption_application_partner_of_parent" not in {m.timescale_id for m in plan.milestones}
    assert "adoption_application_partner_of_parent" in {t.id for t in plan.reference}


def test_each_route_gets_only_its_own_milestones():
    known = {"placement_began": dt.date(2026, 6, 1), "sgo_notice_given": NOTICE}
    sgo = {m.id for m in plan_timeline("sgo_abroad", known).milestones}
    s84 = {m.id for m in plan_timeline("s84_adoption", known).milestones}
    assert sgo == {"sgo_notice_period"}
    assert s84 == {"s84_home_with_applicants"}


def test_missing_dates_leave_milestones_out_and_say_what_to_add():
    plan = plan_timeline("sgo_abroad", {"proceedings_issued": ISSUED})
    assert {m.id for m in plan.milestones} == {"care_proceedings_decided"}
    hints = {m.date_id: m for m in plan.missing}
    assert set(hints) == {"became_looked_after", "sgo_notice_given"}
    assert hints["became_looked_after"].hint.startswith("Add the date the child became looked after")
    assert "First looked-after review" in hints["became_looked_after"].would_plan


# --- delay flags --------------------------------------------------------------------------------


def flags_by_label(route: str, known: dict, **kwargs) -> dict:
    return {f.label: f for f in plan_timeline(route, known, **kwargs).flags}


def test_foreign_steps_have_no_deadline_so_appear_as_a_flag_not_a_milestone():
    """FRG good practice guide s4: no statutory deadline binds a foreign authority."""
    plan = plan_timeline("cao_abroad", SGO_CASE)
    assert not any("foreign" in m.id for m in plan.milestones)
    flag = {f.label: f for f in plan.flags}["Steps abroad have no deadline"]
    assert flag.severity is DelaySeverity.WARNING and "Family Rights Group" in flag.source


def test_central_authority_reply_times_are_anecdotal_and_to_be_confirmed():
    flag = flags_by_label("s84_adoption", {})["Central Authority replies take weeks"]
    assert flag.to_be_confirmed and "4 to 6 weeks" in flag.text


def test_art33_consent_is_flagged_early_for_a_foster_placement_abroad():
    """1996 Convention Art 33."""
    flag = flags_by_label("fostering_abroad", {})["Article 33 consent before a placement abroad"]
    assert "consented" in flag.text and not flag.to_be_confirmed


def test_the_week_47_adjournment_is_told_of_an_sgo_placement_with_an_aunt():
    """Local Government Lawyer (2024): the adjournment for Irish Art 33 consent concerned an SGO
    placement with an aunt, not a foster placement (FACTS §0)."""
    foster = flags_by_label("fostering_abroad", {})["Article 33 consent before a placement abroad"]
    sgo = flags_by_label("sgo_abroad", {})["Article 33 consent may be needed"]
    assert "week 47" not in foster.text
    assert "week 47" in sgo.text and "SGO placement with an aunt" in sgo.text


def test_art33_for_sgo_placements_is_flagged_as_to_be_confirmed():
    flag = flags_by_label("sgo_abroad", {})["Article 33 consent may be needed"]
    assert flag.to_be_confirmed


def test_overseas_sgo_assessments_do_not_fit_26_weeks_flag_only_for_sgo():
    """FJC interim guidance 2019; PLWG SGO best practice 2021 [S]."""
    assert "Overseas SGO assessments take longer" in flags_by_label("sgo_abroad", {})
    assert "Overseas SGO assessments take longer" not in flags_by_label("s84_adoption", {})


def test_a_deadline_already_past_today_is_flagged_overdue():
    plan = plan_timeline("sgo_abroad", SGO_CASE, today=dt.date(2026, 3, 23))
    overdue = [f for f in plan.flags if f.label == "Overdue"]
    assert [f.milestone_id for f in overdue] == ["first_review"]
    assert overdue[0].severity is DelaySeverity.URGENT
    assert plan.flags[0] is overdue[0], "urgent flags come first"


def test_a_deadline_due_today_is_not_yet_overdue():
    plan = plan_timeline("sgo_abroad", SGO_CASE, today=dt.date(2026, 3, 20))
    assert not [f for f in plan.flags if f.label == "Overdue"]


def test_an_earliest_application_date_in_the_past_is_not_overdue():
    plan = plan_timeline("sgo_abroad", {"sgo_notice_given": NOTICE}, today=dt.date(2026, 12, 1))
    assert not [f for f in plan.flags if f.label == "Overdue"]


def test_no_today_means_nothing_is_judged_overdue():
    assert not [f for f in plan_timeline("sgo_abroad", SGO_CASE).flags if f.label == "Overdue"]


def test_placement_too_late_for_s84_ten_weeks_inside_26_weeks_needs_an_extension():
    """ACA s84(4) 10 weeks vs CA s32(1)(a)(ii) 26 weeks; extensions s32(5) up to 8 weeks."""
    plan = plan_timeline("s84_adoption", {"proceedings_issued": ISSUED,
                                          "placement_began": dt.date(2026, 8, 1)})
    flag = {f.label: f for f in plan.flags}["Beyond the 26 weeks"]
    assert flag.milestone_id == "s84_home_with_applicants"
    assert "at least 1 extension(s) of up to 8 weeks" in flag.text


def test_placement_in_time_for_s84_raises_no_extension_flag():
    plan = plan_timeline("s84_adoption", {"proceedings_issued": ISSUED,
                                          "placement_began": dt.date(2026, 4, 1)})
    assert "Beyond the 26 weeks" not in {f.label for f in plan.flags}


def test_application_not_yet_possible_today_is_noted():
    """s84(4): fewer than 10 weeks' home so far."""
    plan = plan_timeline("s84_adoption", {"placement_began": dt.date(2026, 11, 1)},
                         today=dt.date(2026, 11, 23))
    flag = {f.label: f for f in plan.flags}["Not yet"]
    assert flag.severity is DelaySeverity.INFO and "10 January 2027" in flag.text


# --- inputs -------------------------------------------------------------------------------------


def test_unknown_route_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="sgo_abroad"):
        plan_timeline("domestic_adoption", {})


def test_unknown_date_name_is_refused():
    with pytest.raises(ValueError, match="became_looked_after"):
        plan_timeline("sgo_abroad", {"looked_after_from": LOOKED_AFTER})


def test_a_route_enum_member_is_accepted_as_its_id():
    class Route(StrEnum):  # as core/routes.py defines it
        SGO_ABROAD = "sgo_abroad"

    plan = plan_timeline(Route.SGO_ABROAD, {"proceedings_issued": ISSUED})
    assert plan.route == "sgo_abroad" and type(plan.route) is str


def test_empty_dates_as_from_an_optional_model_field_are_ignored():
    plan = plan_timeline("sgo_abroad", {"proceedings_issued": ISSUED, "adm_decision": None})
    assert {m.id for m in plan.milestones} == {"care_proceedings_decided"}


# --- properties ---------------------------------------------------------------------------------

known_dates = st.dictionaries(
    st.sampled_from(sorted(KNOWN_DATES)),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2080, 12, 31)),
)


def _root_date(table: TimescaleTable, timescale_id: str) -> str:
    start = table.timescale(timescale_id).runs_from
    while start not in KNOWN_DATES:
        start = table.timescale(start).runs_from
    return start


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ROUTE_IDS), known_dates)
def test_milestones_are_never_before_the_date_they_run_from(route, known):
    table = timescales()
    for milestone in plan_timeline(route, known).milestones:
        assert milestone.due >= known[_root_date(table, milestone.timescale_id)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ROUTE_IDS), known_dates,
       st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_timeline_is_sorted_by_date_and_ids_are_unique(route, known, today):
    plan = plan_timeline(route, known, today=today)
    dues = [m.due for m in plan.milestones]
    assert dues == sorted(dues)
    ids = [m.id for m in plan.milestones]
    assert len(ids) == len(set(ids))
    severities = [f.severity for f in plan.flags]
    order = [DelaySeverity.URGENT, DelaySeverity.WARNING, DelaySeverity.INFO]
    assert severities == sorted(severities, key=order.index)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ROUTE_IDS), known_dates)
def test_every_planned_rule_is_either_on_the_timeline_or_unlocked_by_a_missing_date(route, known):
    plan = plan_timeline(route, known)
    on_timeline = {m.timescale_id for m in plan.milestones}
    missing = {d.date_id for d in plan.missing}
    for rule in timescales().timescales:
        if route not in rule.routes or not rule.planned or rule.kind is TimescaleKind.EXTENSION:
            continue
        root = _root_date(timescales(), rule.id)
        assert (rule.id in on_timeline) or (root in missing), rule.id
        assert (root in missing) == (root not in known)

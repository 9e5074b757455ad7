"""A case's timeline: the timeline planner fed with what the case itself decides.

`core.timeline` plans from dates alone. A real case also decides which rules apply at all: Art 33
only where the carers' country is a 1996 Convention State (otherwise a mirror order); s84(4)'s ten
weeks on the Convention route only when the adoption is completed abroad; no SGO notice date when
the court may make the SGO of its own motion in care proceedings; no proceedings date for an
accommodated child; English review regulations marked to be confirmed for a Welsh authority.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from workshop_kit.core.case_study import Authority, CaseStudy, LegalStatus, ProceedingsStage, Route
from workshop_kit.core.countries import ConventionStatus, Countries
from workshop_kit.core.timeline import Timeline, plan_timeline
from workshop_kit.core.timescales import CaseFact, TimescaleTable


def case_facts(case: CaseStudy, countries: Countries, today: dt.date) -> frozenset[CaseFact]:
    facts: set[CaseFact] = set()
    country, uk = countries.country(case.carers.country), countries.uk
    entries = (country.child_protection_1996, uk.child_protection_1996)
    if all(e.in_force_on(today) for e in entries):
        facts.add(CaseFact.CONVENTION_1996)
    elif country.child_protection_1996.status is ConventionStatus.UNKNOWN:
        facts.add(CaseFact.CONVENTION_1996_UNKNOWN)
    else:
        facts.add(CaseFact.NOT_CONVENTION_1996)
    people = case.carers.people
    could_adopt_here = (any(p.domiciled_in_british_islands for p in people)
                        or all(p.habitually_resident_in_british_islands_for_a_year for p in people))
    # Domicile not known: plan for completion abroad too, so the s84 weeks are not silently lost.
    facts.add(CaseFact.ADOPTION_MADE_HERE if could_adopt_here else CaseFact.ADOPTION_COMPLETED_ABROAD)
    if case.authority is Authority.WALES:
        facts.add(CaseFact.WALES)
    return frozenset(facts)


def dates_not_expected(case: CaseStudy, route: Route) -> frozenset[str]:
    """Dates the case need not give for this route, so the planner does not ask for them."""
    skip = set()
    if case.proceedings.stage is not ProceedingsStage.ISSUED \
            or case.legal_status is LegalStatus.ACCOMMODATED_S20:
        skip.add("proceedings_issued")  # no 26 weeks running: none issued, or concluded
    if route is Route.SGO_ABROAD and case.proceedings.stage is ProceedingsStage.ISSUED:
        skip.add("sgo_notice_given")  # the court may make the SGO of its own motion
    return frozenset(skip)


def plan_case_timeline(case: CaseStudy, countries: Countries, route: Route | None = None,
                       today: dt.date | None = None, timescales: TimescaleTable | None = None,
                       horizon: dt.date | None = None) -> Timeline | None:
    """The timeline of `route` (default: the case's chosen route) for this case; None if the case
    has no route abroad."""
    route = route or case.chosen_route
    if route is None:
        return None
    if timescales is None:
        from workshop_kit.core.content import timescales as load_timescales  # content imports us

        timescales = load_timescales()
    on = today or dt.date.today()
    facts = case_facts(case, countries, on)
    timeline = plan_timeline(route, case.timeline_dates, timescales, today=today, horizon=horizon,
                             case_facts=facts, not_expected=dates_not_expected(case, route))
    if CaseFact.WALES not in facts:
        return timeline
    english = {t.id for t in timescales.timescales if t.england_only}
    milestones = tuple(replace(m, to_be_confirmed=True) if m.timescale_id in english else m
                       for m in timeline.milestones)
    return replace(timeline, milestones=milestones)

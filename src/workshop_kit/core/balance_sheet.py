"""The options balance sheet: each realistic option for a case, with what weighs for and against it.

Re B-S [2013] EWCA Civ 1146 asks the evidence to address every realistic option with the arguments
for and against each, and commends a balance sheet; Re G [2013] EWCA Civ 965 asks for a holistic
comparison, not a linear elimination; Re R [2014] EWCA Civ 1625 says only realistic options need
evaluating and that substance matters more than format. So this module lists only the
options the route finder found realistic or conditional, weighs each on its own, and leaves the
side-by-side comparison to the people in the room. Pure data out; faces lay it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop_kit.core.case_study import CaseStudy, Consent, Route, Verdict
from workshop_kit.core.facts import SourcedFact
from workshop_kit.core.findings import FindingsBook
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.orders import OrdersChart
from workshop_kit.core.routes import ADOPTION_ROUTES, Effect, RouteAssessment
from workshop_kit.core.viability import Rating

ROUTE_ORDER: dict[Route, str] = {
    Route.SGO_ABROAD: "sgo",
    Route.CONVENTION_ADOPTION: "convention_adoption",
    Route.S84_ADOPTION: "s84_order",
    Route.FOSTERING_ABROAD: "care_order",
    Route.CAO_ABROAD: "cao",
}
"""The order in `orders.yaml` whose advantages and disadvantages each route carries."""


class Origin(StrEnum):
    """Where a point on the sheet comes from, so a reader can check it."""

    ROUTE = "route"  # the route finder's reasons and conditions (the law applied to the case)
    VIABILITY = "viability"  # the case's viability evidence
    ORDER = "order"  # the order's general advantages and disadvantages (orders.yaml)
    CASE_LAW = "case_law"  # how the options are to be weighed (Re B-S, Re G, Re R)


@dataclass(frozen=True)
class Point:
    text: str
    source: str
    origin: Origin
    to_be_confirmed: bool = False


@dataclass(frozen=True)
class OptionSheet:
    """One realistic option, weighed on its own terms."""

    route: Route
    verdict: Verdict
    order_id: str
    order_name: str | None
    """None when `orders.yaml` does not (yet) describe the order: its general points are missing."""
    positives: tuple[Point, ...]
    negatives: tuple[Point, ...]
    steps: tuple[Point, ...]


@dataclass(frozen=True)
class BalanceSheet:
    case_id: str
    options: tuple[OptionSheet, ...]
    not_weighed: tuple[RouteAssessment, ...]
    """Routes not available on the facts: listed with their reasons, not weighed (Re R)."""
    principles: tuple[Point, ...]


GENERAL_PRINCIPLES = ("every_realistic_option", "holistic_not_linear", "only_realistic_options")
NON_CONSENSUAL_ADOPTION = "adoption_last_resort"
"""Principle ids in `content/findings.yaml` (Re B-S, Re G, Re R; Re B where adoption is weighed
without the parents' consent)."""


def balance_sheet(case: CaseStudy, assessments: Sequence[RouteAssessment],
                  chart: OrdersChart, book: FindingsBook | None = None) -> BalanceSheet:
    """The balance sheet for `case`, from the route finder's `assessments` and the orders chart."""
    if book is None:
        from workshop_kit.core.content import findings_book  # content imports this module's models

        book = findings_book()
    weighed = [a for a in assessments if a.verdict is not Verdict.NOT_AVAILABLE]
    ids = list(GENERAL_PRINCIPLES)
    if any(a.route in ADOPTION_ROUTES for a in weighed) and case.consents.adoption is not Consent.GIVEN:
        ids.append(NON_CONSENSUAL_ADOPTION)
    principles = [_principle_point(book.principle(i)) for i in ids]
    return BalanceSheet(
        case_id=case.id,
        options=tuple(option_sheet(case, a, chart) for a in weighed),
        not_weighed=tuple(a for a in assessments if a.verdict is Verdict.NOT_AVAILABLE),
        principles=tuple(principles),
    )


def option_sheet(case: CaseStudy, assessment: RouteAssessment, chart: OrdersChart) -> OptionSheet:
    positives: list[Point] = []
    negatives: list[Point] = []
    steps: list[Point] = []
    for finding in assessment.findings:
        point = Point(finding.reason.text, finding.reason.citation, Origin.ROUTE,
                      finding.reason.to_be_confirmed)
        if finding.effect is Effect.SUPPORTS:
            positives.append(point)
        elif finding.effect in (Effect.CONDITION, Effect.CLOSES):
            negatives.append(point)
        else:
            steps.append(point)
    plus, minus = _viability_points(case, assessment.route)
    positives += plus
    negatives += minus
    order_id = ROUTE_ORDER[assessment.route]
    order_name = None
    try:
        order = chart.order(order_id)
    except UnknownId:
        pass
    else:
        order_name = order.name
        positives += [_order_point(f) for f in order.advantages]
        negatives += [_order_point(f) for f in order.disadvantages]
    return OptionSheet(assessment.route, assessment.verdict, order_id, order_name,
                       tuple(positives), tuple(negatives), tuple(steps))


def _viability_points(case: CaseStudy, route: Route) -> tuple[list[Point], list[Point]]:
    """Positive evidence counts for the option, concerns and gaps against it. Art 33 consent has
    no bearing on adoption, which the 1996 Convention does not cover."""
    plus, minus = [], []
    for domain, evidence in case.viability_evidence.items():
        if domain == "art33_consent" and route in ADOPTION_ROUTES:
            continue
        label = domain.replace("_", " ").capitalize()
        note = f": {evidence.note}" if evidence.note else ""
        source = f"Viability evidence: {domain.replace('_', ' ')}"
        match evidence.rating:
            case Rating.POSITIVE:
                plus.append(Point(f"{label}{note}", source, Origin.VIABILITY))
            case Rating.CONCERN:
                minus.append(Point(f"{label} (a concern){note}", source, Origin.VIABILITY))
            case Rating.SERIOUS_CONCERN:
                minus.append(Point(f"{label} (a serious concern){note}", source, Origin.VIABILITY))
            case Rating.UNKNOWN:
                minus.append(Point(f"{label} (not yet known){note}", source, Origin.VIABILITY))
    return plus, minus


def _principle_point(fact: SourcedFact) -> Point:
    return Point(fact.text, fact.source, Origin.CASE_LAW, fact.to_be_confirmed)


def _order_point(fact: SourcedFact) -> Point:
    return Point(fact.text, fact.source, Origin.ORDER, fact.to_be_confirmed)

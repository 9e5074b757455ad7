"""The timeline planner: from a route and the dates a case knows, the statutory milestones in date
order and the places where delay is likely.

Every date comes from a rule in `content/timescales.yaml`; this module only does the arithmetic
and says what it could not plan. Steps abroad have no deadline (FRG guide s4), so they appear as
flags, never as dates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from workshop_kit.core.calendar import add_years, long_date
from workshop_kit.core.case_study import Route
from workshop_kit.core.ids import find_by_id
from workshop_kit.core.timescales import (
    KNOWN_DATES,
    CaseFact,
    DelayRisk,
    DelaySeverity,
    Timescale,
    TimescaleKind,
    TimescaleTable,
)

PROCEEDINGS_DEADLINE = "care_proceedings_decided"
PROCEEDINGS_EXTENSION = "care_proceedings_extension"
"""Timescale ids the planner compares other milestones against (CA 1989 s32)."""

EXAMPLE_DATES: dict[str, dt.date] = {
    "became_looked_after": dt.date(2026, 2, 20),
    "proceedings_issued": dt.date(2026, 3, 2),
    "sgo_notice_given": dt.date(2026, 5, 1),
    "placement_began": dt.date(2026, 6, 1),
    "adm_decision": dt.date(2026, 5, 15),
}
"""Fictional dates, so a planner or a slide shows a full timeline before anyone types."""

DEFAULT_HORIZON_YEARS = 1
"""Repeating reviews are planned to one year after the date they run from (or to the last
one-off milestone if that is later), unless the caller gives a horizon."""

_SEVERITY_ORDER = {DelaySeverity.URGENT: 0, DelaySeverity.WARNING: 1, DelaySeverity.INFO: 2}


@dataclass(frozen=True)
class Milestone:
    """A dated step: a deadline, the earliest day something is allowed, or a review."""

    id: str
    label: str
    due: dt.date
    rule: str
    source: str
    to_be_confirmed: bool
    kind: TimescaleKind
    caveat: str | None = None
    timescale_id: str = ""
    """The rule in timescales.yaml it comes from (reviews in a series share one)."""


@dataclass(frozen=True)
class DelayFlag:
    """Somewhere the case is likely to slip, with why we think so."""

    text: str
    source: str
    severity: DelaySeverity
    to_be_confirmed: bool = False
    label: str = ""
    milestone_id: str | None = None


@dataclass(frozen=True)
class MissingDate:
    """A date the case does not give, and the milestones it would put on the timeline."""

    date_id: str
    would_plan: tuple[str, ...]

    @property
    def hint(self) -> str:
        return f"Add {KNOWN_DATES[self.date_id]} to plan: {', '.join(self.would_plan)}."


@dataclass(frozen=True)
class Timeline:
    route: str
    milestones: tuple[Milestone, ...]
    flags: tuple[DelayFlag, ...]
    missing: tuple[MissingDate, ...]
    reference: tuple[Timescale, ...]
    """Rules for this route that are not put on a calendar (extensions, rules that depend on who
    the applicants are): show them beside the timeline."""
    horizon: dt.date | None = None

    def milestone(self, milestone_id: str) -> Milestone:
        return find_by_id(self.milestones, milestone_id, "milestone", "on this timeline")


def plan_timeline(
    route: str,
    known: Mapping[str, dt.date | None],
    timescales: TimescaleTable | None = None,
    today: dt.date | None = None,
    horizon: dt.date | None = None,
    case_facts: Collection[CaseFact] | None = None,
    not_expected: Collection[str] = (),
) -> Timeline:
    """Plan the statutory milestones for `route` from the dates in `known`.

    A milestone whose start date is missing is left out, and `Timeline.missing` says which date
    would add it. Each review is planned from the last permitted day of the one before
    (CPPCR 2010 reg 33(2)), so real reviews held earlier pull later ones earlier. With `today`,
    deadlines already past are flagged as overdue; without it nothing is judged overdue, and
    reviews are planned on to the next one due after `today` (they continue while the child is
    looked after). With `case_facts`, rules and risks that apply only to some cases (`applies_when`)
    are kept only where their fact holds; without it, all are shown. Dates in `not_expected` are
    never asked for (e.g. no proceedings date for an accommodated child).
    """
    known_routes = [r.value for r in Route]
    if str(route) not in known_routes:
        raise ValueError(f"unknown route '{route}'; known routes are {', '.join(known_routes)}")
    route = str(route)  # a Route is welcome too
    dates = _known_dates(known)
    if timescales is None:
        # Imported here, not at the top: content.py imports every model module.
        from workshop_kit.core.content import timescales as load_timescales

        timescales = load_timescales()
    planner = _Planner(timescales, dates)

    def applies(item) -> bool:
        return case_facts is None or item.applies_when is None or item.applies_when in case_facts

    rules = [t for t in timescales.timescales if route in t.routes and applies(t)]
    plotted = [t for t in rules if t.planned and t.kind is not TimescaleKind.EXTENSION]
    one_off = [(i, m) for i, t in enumerate(plotted) if t.kind is not TimescaleKind.REVIEW_INTERVAL
               if (m := planner.milestone(t)) is not None]
    series: list[tuple[int, Milestone]] = []
    horizons = []
    for i, rule in enumerate(plotted):
        if rule.kind is not TimescaleKind.REVIEW_INTERVAL:
            continue
        until = horizon or planner.default_horizon(rule, [m.due for _, m in one_off], today)
        if until is not None:
            horizons.append(until)
            series += [(i, m) for m in planner.series(rule, until)]
    # Same-day milestones keep the content file's order (second review, then the plan due by it).
    milestones = tuple(m for _, m in sorted(one_off + series, key=lambda im: (im[1].due, im[0])))

    flags = [_risk_flag(r) for r in timescales.delay_risks if route in r.routes and applies(r)]
    flags += _overdue_flags(milestones, today)
    flags += _beyond_proceedings_flags(milestones, timescales)
    flags += _not_yet_flags(milestones, today)
    flags.sort(key=lambda f: _SEVERITY_ORDER[f.severity])

    missing: dict[str, list[str]] = {}
    for rule in plotted:
        root = planner.root_date(rule)
        if root not in dates and root not in not_expected:
            missing.setdefault(root, []).append(rule.label)
    return Timeline(
        route=route,
        milestones=milestones,
        flags=tuple(flags),
        missing=tuple(MissingDate(d, tuple(labels)) for d, labels in missing.items()),
        reference=tuple(t for t in rules if t not in plotted),
        horizon=horizon or max(horizons, default=None),
    )


def dates_used_by(route: str, timescales: TimescaleTable) -> tuple[str, ...]:
    """The known dates a route's planned rules run from, in KNOWN_DATES order: a planner asks for
    these only (no SGO notice date on an adoption route)."""
    planner = _Planner(timescales, {})
    roots = {planner.root_date(t) for t in timescales.timescales
             if str(route) in t.routes and t.planned and t.kind is not TimescaleKind.EXTENSION}
    return tuple(d for d in KNOWN_DATES if d in roots)


def dates_for_route(route: str, given: Mapping[str, dt.date | None],
                    table: TimescaleTable) -> dict[str, dt.date | None]:
    """Of the dates given, those the route uses (a missing one as None), in `KNOWN_DATES` order."""
    used = dates_used_by(route, table)
    return {date_id: given.get(date_id) for date_id in KNOWN_DATES if date_id in used}


def _known_dates(known: Mapping[str, dt.date | None]) -> dict[str, dt.date]:
    unknown = sorted(k for k in known if k not in KNOWN_DATES)
    if unknown:
        raise ValueError(f"unknown date name(s) {unknown}; a case can give {', '.join(KNOWN_DATES)}")
    dates = {}
    for name, value in known.items():
        if value is None:
            continue
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            raise TypeError(f"{name} must be a date, not {type(value).__name__}")
        dates[name] = value
    return dates


class _Planner:
    """Resolves each rule's start, following chains (second review runs from the first)."""

    def __init__(self, table: TimescaleTable, dates: dict[str, dt.date]):
        self.table = table
        self.dates = dates

    def root_date(self, rule: Timescale) -> str:
        start = rule.runs_from
        while start is not None and start not in KNOWN_DATES:
            start = self.table.timescale(start).runs_from
        assert start is not None, "planned rules always run from a date (TimescaleTable checks)"
        return start

    def start(self, rule: Timescale) -> tuple[dt.date, str, bool] | None:
        """(start date, how to name it, whether it rests on a rule to be confirmed)."""
        assert rule.runs_from is not None
        if rule.runs_from in KNOWN_DATES:
            day = self.dates.get(rule.runs_from)
            return None if day is None else (day, KNOWN_DATES[rule.runs_from], False)
        before = self.table.timescale(rule.runs_from)
        found = self.start(before)
        if found is None:
            return None
        day, _, unsure = found
        return before.date_from(day), f"the {_lower_first(before.label)}", unsure or before.to_be_confirmed

    def milestone(self, rule: Timescale) -> Milestone | None:
        found = self.start(rule)
        if found is None:
            return None
        day, start_name, unsure = found
        return _milestone(rule, rule.id, rule.label, rule.date_from(day), start_name, unsure)

    def default_horizon(self, rule: Timescale, one_off: list[dt.date],
                        today: dt.date | None = None) -> dt.date | None:
        """One year after the date the series starts from, the last one-off milestone, or the
        next review due after `today`, whichever is latest: reviews go on while the child is
        looked after, so the plan always reaches the next one."""
        root = self.dates.get(self.root_date(rule))
        if root is None:
            return None
        next_after_today = [rule.date_from(today)] if today else []
        return max([add_years(root, DEFAULT_HORIZON_YEARS), *one_off, *next_after_today])

    def series(self, rule: Timescale, horizon: dt.date) -> list[Milestone]:
        """A repeating review: each no later than the interval after the one before."""
        found = self.start(rule)
        if found is None:
            return []
        day, start_name, unsure = found
        number = self._chain_length(rule)
        out: list[Milestone] = []
        while (due := rule.date_from(day)) <= horizon:
            number += 1
            label = f"{rule.label} {number}"
            out.append(_milestone(rule, f"{rule.id}_{number}", label, due, start_name, unsure))
            day, start_name = due, f"{_lower_first(rule.label)} {number}"
        return out

    def _chain_length(self, rule: Timescale) -> int:
        """How many steps lie between the rule and its known date: later reviews after the
        second are numbered 3, 4, ..."""
        steps, start = 0, rule.runs_from
        while start is not None and start not in KNOWN_DATES:
            steps += 1
            start = self.table.timescale(start).runs_from
        return steps


def _milestone(rule: Timescale, milestone_id: str, label: str, due: dt.date, start_name: str,
               unsure: bool) -> Milestone:
    return Milestone(
        id=milestone_id, label=label, due=due, rule=_rule_text(rule, start_name),
        source=rule.source, to_be_confirmed=unsure or rule.to_be_confirmed, kind=rule.kind,
        caveat=rule.caveat, timescale_id=rule.id,
    )


def _rule_text(rule: Timescale, start_name: str) -> str:
    length = str(rule.duration)
    if rule.duration.amount == 0:
        return f"By {start_name}"
    match rule.kind:
        case TimescaleKind.MINIMUM_PERIOD:
            return f"Not before {length} after {start_name}"
        case TimescaleKind.REVIEW_INTERVAL:
            return f"No more than {length} after {start_name}"
        case _:
            joint = "beginning with" if rule.counts_start_day else "of"
            return f"Within {length} {joint} {start_name}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _risk_flag(risk: DelayRisk) -> DelayFlag:
    text = risk.text if not risk.caveat else f"{risk.text} ({risk.caveat})"
    return DelayFlag(text=text, source=risk.source, severity=risk.severity,
                     to_be_confirmed=risk.to_be_confirmed, label=risk.label)


def _overdue_flags(milestones: tuple[Milestone, ...], today: dt.date | None) -> list[DelayFlag]:
    """A deadline or review already behind `today` needs checking: did it happen?"""
    if today is None:
        return []
    return [
        DelayFlag(
            text=f"{m.label} was due by {long_date(m.due)}. If it has not happened, it is overdue.",
            source=m.source, severity=DelaySeverity.URGENT, to_be_confirmed=m.to_be_confirmed,
            label="Overdue", milestone_id=m.id,
        )
        for m in milestones
        if m.kind in (TimescaleKind.DEADLINE, TimescaleKind.REVIEW_INTERVAL) and m.due < today
    ]


def _beyond_proceedings_flags(milestones: tuple[Milestone, ...],
                              table: TimescaleTable) -> list[DelayFlag]:
    """A step that cannot happen until after the 26 weeks end needs an extension (CA s32(5)),
    e.g. a placement begun too late for the s84(4) 10 weeks to run inside the proceedings."""
    end = next((m for m in milestones if m.id == PROCEEDINGS_DEADLINE), None)
    if end is None:
        return []
    deadline = table.timescale(PROCEEDINGS_DEADLINE)
    extension = next((t for t in table.timescales if t.id == PROCEEDINGS_EXTENSION), None)
    flags = []
    for m in milestones:
        if m.kind is not TimescaleKind.MINIMUM_PERIOD or m.due <= end.due:
            continue
        text = (f"{m.label}: {long_date(m.due)} is after the end of the {deadline.duration} "
                f"({long_date(end.due)}).")
        source = m.source
        if extension is not None and extension.duration.amount:
            step = (extension.date_from(end.due) - end.due).days
            needed = math.ceil((m.due - end.due).days / step)
            text += (f" If this step is needed inside the proceedings, the timetable needs at "
                     f"least {needed} extension(s) of up to {extension.duration}, which the court "
                     "grants only where necessary to resolve the proceedings justly.")
            source += f"; {extension.source}"
        flags.append(DelayFlag(
            text=text, source=source, severity=DelaySeverity.WARNING,
            to_be_confirmed=m.to_be_confirmed or bool(extension and extension.to_be_confirmed),
            label=f"Beyond the {deadline.duration}", milestone_id=m.id,
        ))
    return flags


def _not_yet_flags(milestones: tuple[Milestone, ...], today: dt.date | None) -> list[DelayFlag]:
    """An application that is not yet allowed on `today` (e.g. fewer than 10 weeks' home)."""
    if today is None:
        return []
    return [
        DelayFlag(
            text=f"{m.label}: not possible before {long_date(m.due)} "
                 f"({(m.due - today).days} days from {long_date(today)}).",
            source=m.source, severity=DelaySeverity.INFO, to_be_confirmed=m.to_be_confirmed,
            label="Not yet", milestone_id=m.id,
        )
        for m in milestones
        if m.kind is TimescaleKind.MINIMUM_PERIOD and m.due > today
    ]


def proceedings_window(timeline: Timeline, known: Mapping[str, dt.date | None],
                       table: TimescaleTable | None = None) -> tuple[dt.date, dt.date] | None:
    """From the day care proceedings were issued to their deadline (CA 1989 s32(1)(a)), where the
    timeline has the deadline; without the issue date, worked back with the rule itself rather
    than restating its length."""
    end = next((m for m in timeline.milestones if m.id == PROCEEDINGS_DEADLINE), None)
    if end is None:
        return None
    start = known.get("proceedings_issued")
    if start is None:
        rule = _timescales(table).timescale(PROCEEDINGS_DEADLINE)
        start = end.due - (rule.date_from(end.due) - end.due)
    return start, end.due


def proceedings_window_name(table: TimescaleTable | None = None) -> str:
    """'26-week window', from the rule itself so no face restates the law."""
    duration = _timescales(table).timescale(PROCEEDINGS_DEADLINE).duration
    return f"{duration.amount}-{duration.unit.value.rstrip('s').replace('_', ' ')} window"


def _timescales(table: TimescaleTable | None) -> TimescaleTable:
    if table is not None:
        return table
    from workshop_kit.core.content import timescales  # the content layer imports this module

    return timescales()

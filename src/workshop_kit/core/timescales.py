"""Statutory timescales as data: what each time limit is, where it comes from, what it
runs from, and which permanence routes it matters to.

The rules live in `content/timescales.yaml`; this module only says what a well-formed rule looks
like and how a duration is added to a date. The planner in `timeline.py` puts them on a calendar.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from workshop_kit.core import calendar
from workshop_kit.core.case_study import Route
from workshop_kit.core.facts import SourcedFact, StrictModel
from workshop_kit.core.ids import find_by_id, repeated
from workshop_kit.core.text import Identifier, Line

KNOWN_DATES: dict[str, str] = {
    "became_looked_after": "the date the child became looked after",
    "proceedings_issued": "the date care proceedings were issued",
    "sgo_notice_given": "the date written notice of an SGO application was given to the local authority",
    "placement_began": "the date the child began to live with the applicants",
    "adm_decision": "the date of the agency decision maker's 'should be placed for adoption' decision",
}
"""Dates a case study can record (CaseStudy.key_dates), with how a reader would name each."""


def _known_routes(what: str) -> Any:
    """A validator that names an unknown route plainly (which item, which ids are known) before
    pydantic reads the list as `Route`s and words the error for a developer."""

    def check(value: object, info: ValidationInfo) -> object:
        known = [r.value for r in Route]
        if isinstance(value, list):
            unknown = [r for r in value if r not in known]
            if unknown:
                raise ValueError(f"{what} '{info.data.get('id')}' names unknown route(s) "
                                 f"{unknown}; known routes are {known}")
        return value

    return field_validator("routes", mode="before")(check)


class DurationUnit(StrEnum):
    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


class Duration(StrictModel):
    """A length of time as the statute states it: "20 working days", "3 months", "26 weeks"."""

    amount: int = Field(ge=0, le=1000)
    unit: DurationUnit

    def after(self, start: dt.date) -> dt.date:
        """The date this long after `start`, counted the way the unit is counted in law."""
        match self.unit:
            case DurationUnit.DAYS:
                return start + dt.timedelta(days=self.amount)
            case DurationUnit.WORKING_DAYS:
                return calendar.add_working_days(start, self.amount)
            case DurationUnit.WEEKS:
                return start + dt.timedelta(weeks=self.amount)
            case DurationUnit.MONTHS:
                return calendar.add_months(start, self.amount)
            case DurationUnit.YEARS:
                return calendar.add_years(start, self.amount)
        raise AssertionError(self.unit)  # pragma: no cover

    def __str__(self) -> str:
        unit = self.unit.value.replace("_", " ")
        return f"{self.amount} {unit[:-1] if self.amount == 1 else unit}"


class TimescaleKind(StrEnum):
    """What a time limit does, which decides how the planner treats it."""

    DEADLINE = "deadline"  # must happen by the date (may become overdue)
    MINIMUM_PERIOD = "minimum_period"  # cannot happen before the date (earliest application)
    REVIEW_INTERVAL = "review_interval"  # repeats: each one no later than this after the last
    EXTENSION = "extension"  # the most a deadline may be extended by at a time; not plotted


class Timescale(SourcedFact):
    """One statutory time limit. `text`, `source`, `confidence` etc. are the sourced statement;
    the other fields let the planner compute a date from it."""

    id: Identifier
    label: Line
    duration: Duration
    runs_from: Identifier | None = Field(
        default=None,
        description="A known date (KNOWN_DATES) or the id of another timescale; none when the "
        "start is not a date a case records")
    counts_start_day: bool = Field(
        default=False,
        description="True where the statute counts the period 'beginning with' the start date "
        "(the 26 weeks of care proceedings): the start date is day one, so the period ends a day "
        "sooner")
    routes: list[Route] = Field(min_length=1)
    kind: TimescaleKind
    applies_when: CaseFact | None = Field(
        default=None, description="Planned for a case only when this fact holds")
    england_only: bool = Field(
        default=False, description="True for a rule of English regulations: for a Welsh "
        "authority the date is shown as to be confirmed for Wales")
    planned: bool = Field(
        default=True,
        description="False when the rule depends on something a case does not record (who the "
        "applicants are, time added up over years): kept as reference, not put on a timeline")

    _routes_known = _known_routes("timescale")

    @model_validator(mode="after")
    def _starts_and_counting(self) -> Timescale:
        if self.planned and self.runs_from is None:
            raise ValueError(f"timescale '{self.id}' is planned but has no runs_from; give the "
                             "date it runs from, or set planned: false")
        if self.counts_start_day and (self.duration.unit is DurationUnit.WORKING_DAYS
                                      or self.duration.amount == 0):
            raise ValueError(f"timescale '{self.id}': counts_start_day applies only to periods "
                             "of calendar days, weeks, months or years longer than nothing")
        return self

    def date_from(self, start: dt.date) -> dt.date:
        """The last day of the period (a deadline) or the first day allowed (a minimum period)."""
        end = self.duration.after(start)
        return end - dt.timedelta(days=1) if self.counts_start_day else end


class CaseFact(StrEnum):
    """Facts of a case that decide whether a rule or a risk applies to it at all."""

    CONVENTION_1996 = "convention_1996"  # the 1996 Convention is in force for the carers' country
    NOT_CONVENTION_1996 = "not_convention_1996"  # it is known not to be
    CONVENTION_1996_UNKNOWN = "convention_1996_unknown"  # not known for the carers' country
    ADOPTION_COMPLETED_ABROAD = "adoption_completed_abroad"  # carers could not (or may not) adopt here
    ADOPTION_MADE_HERE = "adoption_made_here"  # carers domiciled or resident here: s84(2), s49
    WALES = "wales"  # the local authority is Welsh


class DelaySeverity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    URGENT = "urgent"


class DelayRisk(SourcedFact):
    """A step with no binding time limit that is known to hold cases up (assessments abroad, Art 33
    consultation): shown as a flag on the timeline, never as a milestone with a date."""

    id: Identifier
    label: Line
    routes: list[Route] = Field(min_length=1)
    severity: DelaySeverity
    applies_when: CaseFact | None = None
    """Shown for a case only when this fact holds (e.g. Art 33 only in a 1996 Convention country)."""

    _routes_known = _known_routes("delay risk")


class TimescaleTable(StrictModel):
    """The whole of `content/timescales.yaml`."""

    timescales: list[Timescale] = Field(min_length=1)
    delay_risks: list[DelayRisk] = []

    @model_validator(mode="after")
    def _ids_unique_and_starts_resolve(self) -> TimescaleTable:
        ids = [t.id for t in self.timescales] + [d.id for d in self.delay_risks]
        if dupes := repeated(ids):
            raise ValueError(f"ids must be unique across timescales and delay_risks; repeated: {dupes}")
        clash = sorted(set(ids) & set(KNOWN_DATES))
        if clash:
            raise ValueError(f"ids {clash} are the names of known dates; choose other ids")
        by_id = {t.id: t for t in self.timescales}
        for item in self.timescales:
            start = item.runs_from
            if start is not None and start not in KNOWN_DATES and start not in by_id:
                raise ValueError(
                    f"timescale '{item.id}' runs_from '{start}', which is neither a known date "
                    f"({', '.join(KNOWN_DATES)}) nor another timescale's id")
            seen = {item.id}
            while start in by_id:  # follow the chain back to a known date; refuse a loop
                if start in seen:
                    raise ValueError(f"timescale '{item.id}' runs from itself through '{start}'")
                seen.add(start)
                start = by_id[start].runs_from
        return self

    def timescale(self, timescale_id: str) -> Timescale:
        return find_by_id(self.timescales, timescale_id, "timescale")

    def all_facts(self) -> list[tuple[str, SourcedFact]]:
        """Every sourced statement with a readable location, for validation."""
        return ([(f"timescales.{t.id}", t) for t in self.timescales]
                + [(f"delay_risks.{d.id}", d) for d in self.delay_risks])

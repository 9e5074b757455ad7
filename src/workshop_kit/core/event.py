"""A Network Day as one thing: an event file (`events/*.yaml`).

A trainer prepares a *day*: for a client, on a date, at a venue, with some workshops in order
(each with its start time), a few chosen case studies and the room polls that run. The file is
content like any other: read with the strict loader, validated by `Event`, and checked against
the shipped content by `load_event` (an unknown workshop, case or poll id is reported by file,
field and line, with the ids there are). Every face reads the day from it: `report --event`,
`serve --event`, `present --event`, `slides --event`.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from workshop_kit.core.facts import StrictModel
from workshop_kit.core.ids import require_unique
from workshop_kit.core.loading import (
    ContentError,
    Document,
    Problem,
    display_name,
    read_yaml,
    validate_document,
)
from workshop_kit.core.text import Identifier, Line

EVENT_ENV = "WORKSHOP_KIT_EVENT"
"""Set by `serve --event` to the event file's path; the kernels read the day's programme from it."""

StartTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class ScheduledWorkshop(StrictModel):
    """One workshop of the day and the time it starts (24-hour, HH:MM)."""

    id: Identifier
    start: StartTime

    @field_validator("start", mode="before")
    @classmethod
    def _start(cls, value: object) -> object:
        # YAML reads an unquoted 10:00 as the number 600 (sexagesimal): say what to write.
        if isinstance(value, int) and not isinstance(value, bool):
            raise ValueError(f"write the start time in quotes, like \"{value // 60:02d}:"
                             f"{value % 60:02d}\" (unquoted, YAML reads it as a number)")
        if isinstance(value, str) and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value.strip()):
            raise ValueError(f"'{value}' is not a start time: write it as HH:MM in quotes, "
                             "like \"10:00\" or \"13:30\"")
        return value


class Event(StrictModel):
    """A workshop day for a client."""

    id: Identifier
    title: Line
    client: Line = Field(description="The commissioning organisation; never a child's name")
    date: dt.date | None = None
    dates: list[dt.date] = []
    """For a programme run over several days; give `date` or `dates`, not both."""
    venue: Line | None = None
    trainers: list[Line] = Field(min_length=1)
    workshops: list[ScheduledWorkshop] = Field(min_length=1)
    cases: list[Identifier] = []
    polls: list[Identifier | Annotated[str, StringConstraints(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,63}\.[a-z0-9][a-z0-9_-]{0,63}$")]] | None = None
    """Poll ids (`<workshop>.<poll>`, or `route-<case>`); default: every poll of the day's
    workshops and the route poll of each chosen case."""
    provider: str | None = None
    """A provider file (name, contact, next steps), relative to the event file."""

    @field_validator("cases")
    @classmethod
    def _unique_cases(cls, cases: list[str]) -> list[str]:
        require_unique("case", cases)
        return cases

    @field_validator("workshops")
    @classmethod
    def _in_order(cls, workshops: list[ScheduledWorkshop]) -> list[ScheduledWorkshop]:
        require_unique("workshop", (w.id for w in workshops))
        for before, after in pairwise(workshops):
            if after.start <= before.start:
                raise ValueError(f"workshops are listed in the order of the day: '{after.id}' "
                                 f"starts at {after.start}, not after '{before.id}' at "
                                 f"{before.start}")
        return workshops

    @model_validator(mode="after")
    def _one_date(self) -> Event:
        if self.date is not None and self.dates:
            raise ValueError("give either date (one day) or dates (several), not both")
        if self.date is None and not self.dates:
            raise ValueError("date is required: the day of the event, as YYYY-MM-DD")
        if self.dates and self.dates != sorted(set(self.dates)):
            raise ValueError("dates must be different days in order, earliest first")
        return self

    @property
    def days(self) -> list[dt.date]:
        return [self.date] if self.date is not None else list(self.dates)

    @property
    def first_day(self) -> dt.date:
        return self.days[0]

    @property
    def workshop_ids(self) -> list[str]:
        return [w.id for w in self.workshops]

    def poll_ids(self) -> list[str]:
        """The polls that run on the day: those chosen, else every poll of the day's workshops
        and the route poll of each chosen case."""
        if self.polls is not None:
            return list(self.polls)
        return list(_default_polls(self))

    def summary(self) -> dict[str, int]:
        return {"workshops": len(self.workshops), "cases": len(self.cases)}


class LoadedEvent:
    """An event with where it came from: its file (for a relative provider path)."""

    def __init__(self, event: Event, path: Path):
        self.event, self.path = event, path.resolve()

    @property
    def provider_file(self) -> Path | None:
        if self.event.provider is None:
            return None
        return (self.path.parent / self.event.provider).resolve()


def _default_polls(event: Event) -> list[str]:
    from workshop_kit.core.content import poll_sets

    sets = {s.id: s for s in poll_sets()}
    out = [f"{w}.{p.id}" for w in event.workshop_ids if w in sets for p in sets[w].polls]
    return out + [f"route-{c}"[:64] for c in event.cases]


def load_event(path: Path) -> Event:
    """Load an event file and check every id it names against the shipped content; each problem
    names the file, the field and the line, and an unknown id lists the known ones."""
    doc = read_yaml(path)
    event = validate_document(doc, Event)
    problems = _cross_check(event, doc)
    if problems:
        raise ContentError(problems)
    return event


def load_event_file(path: Path) -> LoadedEvent:
    return LoadedEvent(load_event(path), path)


def _cross_check(event: Event, doc: Document) -> list[Problem]:
    from workshop_kit.core.content import case_studies, poll_sets, provider, workshop_plans

    name = display_name(doc.path)
    problems: list[Problem] = []

    def problem(field: tuple[str | int, ...], message: str) -> None:
        label = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p)
                        for i, p in enumerate(field))
        problems.append(Problem(name, label, message, doc.line_of(field)))

    known_workshops = [p.id for p in workshop_plans()]
    for i, workshop in enumerate(event.workshops):
        if workshop.id not in known_workshops:
            problem(("workshops", i, "id"), f"no workshop '{workshop.id}' (known: "
                    f"{', '.join(known_workshops)})")
    known_cases = [c.id for c in case_studies()]
    for i, case in enumerate(event.cases):
        if case not in known_cases:
            problem(("cases", i), f"no case study '{case}' (known: {', '.join(known_cases)})")
    if event.polls is not None:
        sets = {s.id: s for s in poll_sets()}
        known_polls = [f"{w}.{p.id}" for w in event.workshop_ids if w in sets
                       for p in sets[w].polls] + [f"route-{c}"[:64] for c in event.cases]
        for i, poll in enumerate(event.polls):
            if poll not in known_polls:
                problem(("polls", i), f"no poll '{poll}' in this day's workshops and cases "
                        f"(known: {', '.join(known_polls) or 'none'})")
    if event.provider is not None:
        file = (doc.path.resolve().parent / event.provider)
        if not file.is_file():
            problem(("provider",), f"'{event.provider}' is not a file beside the event file "
                    f"(looked for {display_name(file)})")
        else:
            try:
                provider(file.resolve())
            except ContentError as exc:
                problems.extend(exc.problems)
    return problems


def _top_keys(path: Path) -> set[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return set()
    return {line.split(":", 1)[0] for line in head.splitlines() if line[:1].isalpha()}


def looks_like_an_event(path: Path) -> bool:
    """An event file kept anywhere: a YAML file whose top level has `client:`, `trainers:` and
    `workshops:` (read cheaply; the full check comes later)."""
    return {"client", "trainers", "workshops"} <= _top_keys(path)


def looks_like_a_provider(path: Path) -> bool:
    """A trainer's own provider file kept beside an event (`provider: my-provider.yaml`): its
    top level has `contact:` and `next_steps:`."""
    return {"contact", "next_steps"} <= _top_keys(path)


SCAFFOLD = """\
# A Network Day: one event file for the web app, the slides and the client's training pack.
# Check it with `workshop-kit validate {name}`.
id: {event_id}
title: Network Day — permanence with family overseas
client: Borsetshire County Council   # the commissioning organisation; never a child's name
date: {date}
venue: Council Chamber, County Hall, Borchester
trainers:
  - Your Name
workshops:                  # in the order of the day; quote the start times
  - {{id: 00_orders_compared, start: "10:00"}}
  - {{id: 01_special_guardianship, start: "11:00"}}
cases:                      # ids of case_studies/*.yaml
  - leo-and-his-aunt-in-spain
# polls: [01_special_guardianship.biggest_delay]   # default: every poll of the workshops above
# provider: provider.yaml   # your own provider file, relative to this file
"""


def new_event(path: Path, today: dt.date | None = None) -> Path:
    """Write a starting event file at `path`; never overwrites."""
    if path.suffix.lower() not in {".yaml", ".yml"}:
        raise ValueError(f"'{path}': an event file ends in .yaml")
    if path.exists():
        raise ValueError(f"'{path}' already exists: choose another name (nothing was written)")
    stem = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-_") or "network-day"
    day = today or dt.date.today()
    text = SCAFFOLD.format(name=path, event_id=stem[:64], date=day.isoformat())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path

"""The faces of one event file (core/event.py): its own poll data folder, its training pack
request, and its programme on the landing page.

Each event keeps its room polls' answers in its own folder in workshop-kit's user data
directory, `events/<event id>/` (a rehearsal in `rehearsals/<event id>/`): not beside the event
file, so answers never land in a repository folder that is committed or shared, and never in
the folder a plain `serve` (or another event, or a rehearsal) uses, so a client's report counts
only that day's room.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_kit.core.case_study import CaseStudy
from workshop_kit.core.event import EVENT_ENV, Event, LoadedEvent, load_event_file
from workshop_kit.core.loading import ContentError

if TYPE_CHECKING:
    from workshop_kit.faces.report import ReportRequest

DB_NAME = "polls.sqlite3"


def user_data_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("workshop-kit"))


def event_data_dir(event: Event, *, rehearsal: bool = False) -> Path:
    """The folder that keeps this event's poll answers (a rehearsal's is another folder)."""
    return user_data_root() / ("rehearsals" if rehearsal else "events") / event.id


def has_answers(data_dir: Path) -> bool:
    """Whether `serve --event` recorded any answer in this folder."""
    database = data_dir / DB_NAME
    if not database.is_file():
        return False
    try:
        db = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            (count,) = db.execute("SELECT COUNT(*) FROM answer").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return True  # let the report's own reading name what is wrong with the file
    return bool(count)


def report_request(loaded: LoadedEvent, day: str | None = None) -> ReportRequest:
    """The training pack of the event's day (`day`, one of its dates; default: the first): its
    client, workshops in order, cases, provider, and the room's answers of that day from the
    event's own data folder when there are any."""
    from workshop_kit.faces.report import ReportRequest, parse_date

    event = loaded.event
    chosen = event.first_day if day is None else parse_date(day)
    if chosen not in event.days:
        shown = ", ".join(d.isoformat() for d in event.days)
        raise ValueError(f"--date {chosen.isoformat()} is not a day of the event "
                         f"'{event.id}' ({shown})")
    data_dir = event_data_dir(event)
    answers = (data_dir,) if has_answers(data_dir) else ()
    return ReportRequest.from_cli(client=event.client, course_date=chosen.isoformat(),
                                  modules=event.workshop_ids, cases=event.cases,
                                  provider_file=loaded.provider_file, room_answers=answers)


def served_event() -> Event | None:
    """The event `serve --event` is serving (from `WORKSHOP_KIT_EVENT`), or None."""
    path = os.environ.get(EVENT_ENV)
    if not path:
        return None
    return load_event_file(Path(path)).event


def days_cases_first(cases: Sequence[CaseStudy]) -> list[CaseStudy]:
    """The served event's chosen cases first, in the event's order, then every other case (all
    stay reachable). A broken event file leaves the order as it is: the explorer still opens."""
    try:
        event = served_event()
    except ContentError:
        event = None
    if event is None:
        return list(cases)
    rank = {case_id: i for i, case_id in enumerate(event.cases)}
    return sorted(cases, key=lambda c: rank.get(c.id, len(rank)))


def served_programme_html() -> str:
    """The served event's programme for the landing page, or "" when no event is served."""
    event = served_event()
    return programme_html(event) if event is not None else ""


def programme_html(event: Event) -> str:
    """The day's programme for the landing page: title, client, date, venue, and the workshops
    in order with their start times, each linking to its page."""
    from workshop_kit.core.content import workshop_plan

    days = ", ".join(f"{d:%A} {d.day} {d:%B %Y}" for d in event.days)
    facts = [("Client", event.client), ("Date", days)]
    if event.venue:
        facts.append(("Venue", event.venue))
    facts.append(("Trainers", ", ".join(event.trainers)))
    rows = []
    for item in event.workshops:
        plan = workshop_plan(item.id)
        rows.append(f'<tr><td class="wk-nowrap">{escape(item.start)}</td><th scope="row">'
                    f'<a href="{escape(plan.notebook)}">{escape(plan.title)}</a></th>'
                    f'<td class="wk-nowrap">{plan.minutes} min</td></tr>')
    facts_html = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
    return (
        f'<section class="wk wk-programme" aria-label="Programme of the day">'
        f"<h2>{escape(event.title)}</h2><dl>{facts_html}</dl>"
        '<table class="wk wk-table wk-narrow"><caption>Programme</caption><thead><tr>'
        '<th scope="col">Starts</th><th scope="col">Workshop</th><th scope="col">Time</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )

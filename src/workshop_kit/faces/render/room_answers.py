"""'What the room answered': a training pack's part showing a past workshop's room polls.

Each answered poll as its question, a table of every answer with the number of people and their
share as text and as a bar (the bar repeats the text for the eye, so nothing rests on colour or
length alone), how many answered and when. A "which route would you choose?" poll also shows what
the engine's assessment of that case says of each route: the verdict and its deciding finding,
worded and cited in content (findings.yaml), never here. Nothing identifies an attendee: the part
is made from counts (faces/room_answers.py), which hold no voter id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Protocol

from workshop_kit.core.calendar import long_date
from workshop_kit.core.case_study import CaseStudy
from workshop_kit.core.routes import Effect, Reason, RouteAssessment, Verdict, find_routes
from workshop_kit.faces.document import Document
from workshop_kit.faces.html import tbc_badge
from workshop_kit.faces.polls import RoomPoll, catalogue
from workshop_kit.faces.render.routes import ROUTES_STYLE, verdict_badge
from workshop_kit.faces.room_answers import PollTally, RoomAnswers, uk_time

PART_ID = "room-answers"
PART_TITLE = "What the room answered"

# The bar's fill (#1d4f91) has 8.6:1 contrast with white; its outline (#595959) 7:1. Printed with
# its colours kept (print-color-adjust), and drawn in the system's colours in forced-colours mode.
ROOM_STYLE = """
<style>
.wk-room-poll { margin: 1.2em 0 1.6em; }
.wk-room-meta { margin: .2em 0 .5em; }
.wk-room-table th.wk-room-count, .wk-room-table td.wk-room-count { width: 4.5em; }
.wk-room-table td.wk-room-count { text-align: right; }
.wk-room-table th.wk-room-share { width: 12.5em; }
.wk-room-table td.wk-room-share { white-space: nowrap; }
.wk-room-table th.wk-room-verdict { width: 11em; }
.wk-room-table td .wk-verdict { white-space: normal; }
.wk-room-table tbody th { font-weight: 400; }
.wk-room-top { font-weight: 700; }
.wk-bar { display: inline-block; vertical-align: middle; width: 8em; height: .95em;
          border: 1px solid #595959; background: #ffffff; margin-right: .5em;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.wk-bar-fill { display: block; height: 100%; background: #1d4f91;
               -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.wk-room-engine { border-left: 4px solid #595959; padding: .1em 0 .1em .8em; margin: .6em 0; }
.wk-room-engine ul { margin: .3em 0; padding-left: 1.2em; }
@media (forced-colors: active) { .wk-bar-fill { background: CanvasText; } }
@media print { .wk-room-meta { break-after: avoid; } }
</style>
"""


class Register(Protocol):
    """Where a printed document collects the points 'to be confirmed' (document._PartPrinting)."""

    def unsettled(self, text: str, caveat: str | None = None) -> None: ...


def shares(counts: Sequence[int]) -> list[int]:
    """Whole percentages that add up to 100 (largest remainder), so a reader adding them up is
    not puzzled by 99 or 101."""
    total = sum(counts)
    if not total:
        return [0 for _ in counts]
    exact = [100 * c / total for c in counts]
    shown = [int(e) for e in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - shown[i], reverse=True)
    for i in by_remainder[:100 - sum(shown)]:
        shown[i] += 1
    return shown


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def _when(tally: PollTally) -> str:
    first, last = uk_time(tally.first), uk_time(tally.last)
    return f"at {first}" if first == last else f"between {first} and {last}"


def poll_table(room_poll: RoomPoll, tally: PollTally,
               verdicts: Mapping[str, Verdict] | None = None) -> str:
    """Every answer of the poll, in the poll's order (an answer nobody chose shows 0)."""
    options = room_poll.poll.options
    counts = [tally.counts.get(o.id, 0) for o in options]
    top = max(counts)
    rows = []
    for option, count, share in zip(options, counts, shares(counts), strict=True):
        mark = ' <span class="wk-room-top">(most chosen)</span>' if count == top and count else ""
        engine = ""
        if verdicts is not None:
            verdict = verdicts.get(option.id)
            engine = f"<td>{verdict_badge(verdict) if verdict else '—'}</td>"
        rows.append(
            f'<tr data-option="{escape(option.id)}"><th scope="row">{escape(option.text)}{mark}</th>'
            f'<td class="wk-room-count">{count}</td>'
            f'<td class="wk-room-share"><span class="wk-bar" aria-hidden="true">'
            f'<span class="wk-bar-fill" style="width: {share}%"></span></span>{share}%</td>'
            f"{engine}</tr>")
    engine_head = ('<th scope="col" class="wk-room-verdict">The route finder\'s verdict</th>'
                   if verdicts is not None else "")
    return (f'<table class="wk-table wk-room-table"><caption class="wk-sr">Answers to: '
            f"{escape(room_poll.poll.question)}</caption><thead><tr>"
            '<th scope="col">Answer</th><th scope="col" class="wk-room-count">People</th>'
            '<th scope="col" class="wk-room-share">Share of those who answered</th>'
            f"{engine_head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def deciding_reason(assessment: RouteAssessment) -> Reason | None:
    """The finding that most decides the verdict: what rules the route out, what must be
    resolved first, or what supports it."""
    order = {Verdict.NOT_AVAILABLE: (Effect.CLOSES,),
             Verdict.CONDITIONAL: (Effect.CONDITION, Effect.SUPPORTS),
             Verdict.REALISTIC: (Effect.SUPPORTS,)}[assessment.verdict]
    for effect in order:
        for finding in assessment.findings:
            if finding.effect is effect:
                return finding.reason
    return None


def engine_html(case: CaseStudy, assessments: Sequence[RouteAssessment], in_pack: bool,
                printing: Register | None = None) -> str:
    """What the engine's assessment of the case says of each route, in content's words."""
    items = []
    for a in assessments:
        reason = deciding_reason(a)
        why = ""
        if reason is not None:
            why = (f": {escape(reason.text)}{tbc_badge(reason.to_be_confirmed)}"
                   f'<span class="wk-cite">{escape(reason.citation)}</span>')
            if reason.to_be_confirmed and printing is not None:
                printing.unsettled(reason.text, f"{a.route.label}: {reason.citation}")
        items.append(f"<li><strong>{escape(a.route.label)}</strong> — "
                     f"{verdict_badge(a.verdict)}{why}</li>")
    where = (f'Every reason, condition and step is in <a href="#case-{escape(case.id)}">'
             f"Case study: {escape(case.title)}</a> in this pack."
             if in_pack else
             f"The case study “{escape(case.title)}” is not part of this pack: ask your trainer "
             "for it to see every reason, condition and step.")
    return (f'<div class="wk-room-engine"><p><strong>What the assessment of “{escape(case.title)}”'
            f" says</strong> (the kit's route finder, on the case's facts), route by route:</p>"
            f"<ul>{''.join(items)}</ul>"
            f"<p>{where}</p></div>")


def _route_cases() -> dict[str, CaseStudy]:
    from workshop_kit.core.content import readable_case_studies
    from workshop_kit.core.polls import route_poll

    cases, _ = readable_case_studies()
    return {route_poll(case).id: case for case in cases}


def room_answers_html(answers: RoomAnswers, modules: Sequence[str], cases: Sequence[str],
                      printing: Register | None = None, today: dt.date | None = None) -> str:
    """The part's body: the answered polls in the order they were asked, then one line on the
    polls of this pack that nobody answered on the day."""
    from workshop_kit.core.content import countries

    polls = catalogue()
    route_cases = _route_cases()
    blocks = []
    for tally in answers.tallies:
        room_poll = polls[tally.poll]
        case = route_cases.get(tally.poll)
        verdicts = engine = None
        if case is not None:
            assessments = find_routes(case, countries(), today=today)
            verdicts = {a.route.value: a.verdict for a in assessments}
            engine = engine_html(case, assessments, case.id in cases, printing)
        asked_in = "" if case else f"Asked in “{escape(room_poll.group)}”. "
        blocks.append(
            f'<section class="wk-room-poll" data-poll="{escape(tally.poll)}">'
            f"<h3>{escape(room_poll.poll.question)}</h3>"
            f'<p class="wk-room-meta">{asked_in}'
            f"<strong>{_people(tally.total)} answered</strong>, {_when(tally)} (UK time).</p>"
            + poll_table(room_poll, tally, verdicts) + (engine or "") + "</section>")
    badges = ROUTES_STYLE if any(t.poll in route_cases for t in answers.tallies) else ""
    return (ROOM_STYLE + badges + f'<div class="wk wk-room"><p>The polls put to the room on '
            f"{long_date(answers.day)}, answered anonymously from attendees' own devices: each "
            "table counts answers, never who gave them. A poll asks for a view, so the answers "
            "show where the room stood on the day, not what the law is.</p>"
            + "".join(blocks) + _unanswered_line(answers, modules, cases, polls, route_cases)
            + "</div>")


def _unanswered_line(answers: RoomAnswers, modules: Sequence[str], cases: Sequence[str],
                     polls: Mapping[str, RoomPoll], route_cases: Mapping[str, CaseStudy]) -> str:
    """One line: the polls of this pack's workshops and cases, and any other poll opened on the
    day, that had no answer on the day (left out)."""
    answered = {t.poll for t in answers.tallies}
    relevant = [k for k in polls if k.split(".", 1)[0] in modules]
    relevant += [route for route, case in route_cases.items() if case.id in cases]
    relevant += [k for k in answers.unanswered if k in polls]
    missing = [k for k in dict.fromkeys(relevant) if k not in answered]
    if not missing:
        return ""
    names: dict[str, int] = {}
    for key in missing:  # a workshop's polls counted together, each case's route poll by name
        name = (f"“Which route would you choose?” for {route_cases[key].title}"
                if key in route_cases else f"“{polls[key].group}”")
        names[name] = names.get(name, 0) + (0 if key in route_cases else 1)
    detail = "; ".join(escape(name) + (f" ({n} {_polls(n)})" if n else "")
                       for name, n in names.items())
    return (f'<p class="wk-room-none">No answers on {long_date(answers.day)}, so left out: '
            f"{detail}.</p>")


def _polls(n: int) -> str:
    return "poll" if n == 1 else "polls"


def add_room_answers(doc: Document, answers_file: Path, modules: Sequence[str],
                     cases: Sequence[str]) -> None:
    """The hook a training pack calls: the part, if the report was asked for room answers."""
    answers = RoomAnswers.from_json(answers_file.read_text(encoding="utf-8"))
    doc.add(PART_ID, PART_TITLE,
            lambda printing: room_answers_html(answers, modules, cases, printing))

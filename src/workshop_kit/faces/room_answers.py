"""What the room answered at a past workshop, read back for a client report.

After the day a trainer has one of two things: the folder `workshop-kit serve --data-dir` kept
(its `polls.sqlite3`), or the CSV files exported from the trainer's poll page (one per poll, a
file that can be emailed and kept with the report, so the report can be made again from it).
Both are read here: only each answer's poll, option and time, never the voter id, each checked
against the polls in content, then counted.

Answers carry no session, only the time they were given. A past workshop is therefore the day of
the report's `--date` in UK time: answers given on another day are not counted, and if none was
given on that day the error lists the days the answers are from. Two workshops on the same day
from one data folder cannot be told apart (reset the polls between them, or export each).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workshop_kit.core.calendar import long_date

DB_NAME = "polls.sqlite3"
"""As faces/polls.py names it (not imported: that module starts tornado's handlers)."""
CSV_COLUMNS = ["poll", "question", "option", "option_text", "answered_utc"]
"""The header of a CSV exported from the trainer's poll page (faces/polls.export_csv)."""
SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_CSV_BYTES = 20_000_000
"""A room of a hundred answering fifty polls is well under 1 MB; anything near this is not an
export."""
FORMULA_GUARD = ("'=", "'+", "'-", "'@", "'\t", "'\r")
"""The export quotes cells a spreadsheet would run as a formula with a leading '; undone here."""

try:
    UK_TIME: dt.tzinfo = ZoneInfo("Europe/London")
except ZoneInfoNotFoundError:  # a system without time zone data: UTC is at most an hour out
    UK_TIME = dt.UTC


class RoomAnswersError(ValueError):
    """Room answers that cannot be used, naming the file (and line) and what is wrong."""


@dataclass(frozen=True)
class PollTally:
    """One poll's answers on the day: how many chose each option, and when the first and last
    answers came (UTC)."""

    poll: str
    counts: Mapping[str, int]
    first: dt.datetime
    last: dt.datetime

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class RoomAnswers:
    """The polls answered on `day`, in the order they were first answered; `unanswered` holds
    the polls a data folder shows were opened or closed on the day with no answer on it."""

    day: dt.date
    tallies: tuple[PollTally, ...]
    unanswered: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps({
            "day": self.day.isoformat(),
            "polls": [{"poll": t.poll, "counts": dict(t.counts), "first": t.first.isoformat(),
                       "last": t.last.isoformat()} for t in self.tallies],
            "unanswered": list(self.unanswered),
        }, indent=1)

    @classmethod
    def from_json(cls, text: str) -> RoomAnswers:
        data = json.loads(text)
        return cls(dt.date.fromisoformat(data["day"]), tuple(
            PollTally(p["poll"], p["counts"], dt.datetime.fromisoformat(p["first"]),
                      dt.datetime.fromisoformat(p["last"])) for p in data["polls"]),
            tuple(data["unanswered"]))


@dataclass(frozen=True)
class _Answer:
    source: str
    line: int | None
    poll: str
    option: str
    when: dt.datetime

    @property
    def where(self) -> str:
        return self.source + (f" line {self.line}" if self.line else "")


def uk_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(UK_TIME).date()


def uk_time(moment: dt.datetime) -> str:
    return f"{moment.astimezone(UK_TIME):%H:%M}"


# --- reading -----------------------------------------------------------------------------------


def collect(paths: Sequence[Path], day: dt.date,
            polls: Mapping[str, Sequence[str]] | None = None) -> RoomAnswers:
    """Every answer in `paths` (data folders, polls databases or CSV exports) checked against
    `polls` (poll key → option ids; default: every poll in content) and counted for `day`."""
    if polls is None:
        polls = known_polls()
    paths = list({Path(p).resolve(): Path(p) for p in paths}.values())  # the same file once
    answers: list[_Answer] = []
    asked: dict[str, str] = {}  # poll → the file it came from, to refuse counting a poll twice
    opened_on_day: set[str] = set()
    for path in paths:
        found, opened = _read(Path(path), day)
        opened_on_day |= opened
        sources = {a.poll: a.source for a in found}
        sources |= {poll: f"'{path}'" for poll in opened if poll in polls and poll not in sources}
        for answer in found:
            _check(answer, polls)
        for poll, source in sources.items():
            if asked.setdefault(poll, source) != source:
                raise RoomAnswersError(
                    f"room answers: the poll '{poll}' is in both {asked[poll]} and {source}; "
                    "give one of them, so that no answer is counted twice")
        answers.extend(found)
    names = ", ".join(f"'{p}'" for p in paths)
    if not answers:
        raise RoomAnswersError(f"room answers {names}: no answers were found, so there is "
                               "nothing to report")
    on_day = [a for a in answers if uk_day(a.when) == day]
    if not on_day:
        days = sorted({uk_day(a.when) for a in answers})
        shown = ", ".join(long_date(d) for d in days[:5]) + (" …" if len(days) > 5 else "")
        raise RoomAnswersError(
            f"room answers {names}: no answer was given on {long_date(day)} (the report's "
            f"--date); the answers are from {shown}. Give --date YYYY-MM-DD of the workshop.")
    tallies = []
    for poll in dict.fromkeys(a.poll for a in sorted(on_day, key=lambda a: a.when)):
        mine = [a for a in on_day if a.poll == poll]
        counts: dict[str, int] = {}
        for answer in mine:
            counts[answer.option] = counts.get(answer.option, 0) + 1
        tallies.append(PollTally(poll, counts, min(a.when for a in mine),
                                 max(a.when for a in mine)))
    answered = {t.poll for t in tallies}
    unanswered = tuple(p for p in sorted(opened_on_day) if p in polls and p not in answered)
    return RoomAnswers(day, tuple(tallies), unanswered)


def known_polls() -> dict[str, list[str]]:
    from workshop_kit.faces.polls import catalogue

    return {key: [o.id for o in room_poll.poll.options] for key, room_poll in catalogue().items()}


def _check(answer: _Answer, polls: Mapping[str, Sequence[str]]) -> None:
    if answer.poll not in polls:
        raise RoomAnswersError(
            f"room answers {answer.where}: '{answer.poll}' is not a poll in this kit's content "
            "(content/polls/ and the case studies' 'Which route would you choose?'); were the "
            "answers exported from another version of the kit?")
    if answer.option not in polls[answer.poll]:
        raise RoomAnswersError(
            f"room answers {answer.where}: '{answer.option}' is not an answer of the poll "
            f"'{answer.poll}' (its answers: {', '.join(polls[answer.poll])})")


def _read(path: Path, day: dt.date) -> tuple[list[_Answer], set[str]]:
    """The answers in one path, and the polls it shows were opened on `day`."""
    if not path.exists():
        raise RoomAnswersError(f"room answers '{path}': there is no such file or folder")
    if path.is_dir():
        database = path / DB_NAME
        if database.is_file():
            return _read_database(database, day)
        exports = sorted(path.glob("*.csv"))
        if not exports:
            raise RoomAnswersError(
                f"room answers '{path}': this folder holds neither {DB_NAME} (the folder given "
                "to `workshop-kit serve --data-dir`) nor CSV files exported from the trainer's "
                "poll page")
        found: list[_Answer] = []
        for export in exports:
            found.extend(_read_csv(export))
        return found, set()
    if _is_sqlite(path):
        return _read_database(path, day)
    if path.suffix.lower() == ".csv":
        return _read_csv(path), set()
    if path.suffix.lower() in {".sqlite3", ".sqlite", ".db"}:
        raise RoomAnswersError(f"room answers '{path}': not a polls database (this file is not "
                               "SQLite; the one `serve` keeps is named polls.sqlite3)")
    raise RoomAnswersError(
        f"room answers '{path}': this is neither a CSV file exported from the trainer's poll page "
        f"nor a polls database ({DB_NAME})")


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError as exc:
        raise RoomAnswersError(f"room answers '{path}': cannot be read ({exc.strerror})") from None


def _read_database(path: Path, day: dt.date) -> tuple[list[_Answer], set[str]]:
    """Read-only: the trainer's data folder is never changed, nor created. The voter column is
    never selected."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise RoomAnswersError(f"room answers '{path}': cannot be opened ({exc})") from None
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"answer", "poll_state"} <= tables:
            raise RoomAnswersError(f"room answers '{path}': this database does not hold room "
                                   "polls (no 'answer' table)")
        rows = db.execute("SELECT poll, option, answered FROM answer ORDER BY answered, rowid"
                          ).fetchall()
        states = db.execute("SELECT poll, changed FROM poll_state").fetchall()
    except sqlite3.Error as exc:
        raise RoomAnswersError(f"room answers '{path}': cannot be read ({exc})") from None
    finally:
        db.close()
    where = f"'{path}'"
    found = [_Answer(where, None, str(poll), str(option), _moment(str(when), where))
             for poll, option, when in rows]
    opened = set()
    for poll, changed in states:
        try:
            if uk_day(_moment(str(changed), where)) == day:
                opened.add(str(poll))
        except RoomAnswersError:
            continue  # a state's time only decides the "not answered" line
    return found, opened


def _read_csv(path: Path) -> list[_Answer]:
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise RoomAnswersError(f"room answers '{path}': {path.stat().st_size:,} bytes is too "
                                   "large for a poll export")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise RoomAnswersError(f"room answers '{path}': not a UTF-8 text file (a CSV exported "
                               "from the trainer's poll page is)") from None
    except OSError as exc:
        raise RoomAnswersError(f"room answers '{path}': cannot be read ({exc.strerror})") from None
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error as exc:
        raise RoomAnswersError(f"room answers '{path}': not a readable CSV ({exc})") from None
    header = [cell.strip() for cell in rows[0]] if rows else []
    if header != CSV_COLUMNS:
        raise RoomAnswersError(
            f"room answers '{path}' line 1: expected the columns {', '.join(CSV_COLUMNS)} "
            f"(a CSV exported from the trainer's poll page); found "
            f"{', '.join(header) if header else 'nothing'}")
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"'{path}' line {number}"
        if len(row) != len(CSV_COLUMNS):
            raise RoomAnswersError(f"room answers {where}: {len(row)} cells, expected "
                                   f"{len(CSV_COLUMNS)} ({', '.join(CSV_COLUMNS)})")
        poll, _question, option, _text, when = (_unguard(cell).strip() for cell in row)
        found.append(_Answer(f"'{path}'", number, poll, option, _moment(when, where)))
    return found


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith(FORMULA_GUARD) else cell


def _moment(text: str, where: str) -> dt.datetime:
    """An answer's time as exported (ISO 8601, UTC); a time with no zone is taken as UTC."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise RoomAnswersError(f"room answers {where}: '{text[:40]}' is not a time like "
                               "2026-12-01T10:04:00+00:00 (answered_utc, as exported)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def write_for_report(paths: Iterable[Path], day: dt.date, target: Path) -> RoomAnswers:
    """Count the answers for the report notebook, which reads the counts from `target`: no
    answer, and no voter id, is ever a papermill parameter."""
    answers = collect(list(paths), day)
    target.write_text(answers.to_json(), encoding="utf-8")
    return answers

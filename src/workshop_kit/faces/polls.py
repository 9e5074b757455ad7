"""Room polls: the trainer asks, attendees answer from their own devices, results arrive live.

Self-contained: `poll_handlers(data_dir, is_trainer, base_url)` returns tornado handler specs the
web app adds to its server (before its catch-all route), so polls are served from the app's own
origin with no internet. Answers go to SQLite in WAL mode under `data_dir`, so a restart loses
nothing. An attendee is an anonymous random id in a cookie (no name, no IP address stored) and
answers once per poll by option id; nothing an attendee types is ever stored or shown. Only the
trainer — `is_trainer(handler)`, decided by the web app — opens, closes, resets, exports and sees
results.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import secrets
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Literal, overload

import tornado.web

from workshop_kit import DISCLAIMER
from workshop_kit.core.content import poll_sets, readable_case_studies
from workshop_kit.core.polls import Poll, route_poll

DB_NAME = "polls.sqlite3"
VOTER_COOKIE = "wk_poll_voter"
VOTER_ID = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
POLL_ASSETS = Path(__file__).parent / "templates" / "polls"
"""The pages' scripts, served inline: same origin, nothing from outside."""
MAX_BODY = 1024
"""Bytes: an answer is one option id; anything bigger is refused unread."""
POLL_ID = r"([a-z0-9][a-z0-9_.-]{0,130})"


@dataclass(frozen=True)
class RoomPoll:
    """A poll as the room sees it: its global id, the group it belongs to and the question."""

    key: str
    group: str
    poll: Poll


def catalogue() -> dict[str, RoomPoll]:
    """Every poll a trainer can open: each workshop's polls, then a route poll per case study."""
    polls: dict[str, RoomPoll] = {}
    for poll_set in poll_sets():
        for poll in poll_set.polls:
            key = f"{poll_set.id}.{poll.id}"
            polls[key] = RoomPoll(key, poll_set.title, poll)
    cases, _ = readable_case_studies()  # a broken case file must not stop the room's polls
    for case in cases:
        poll = route_poll(case)
        polls[poll.id] = RoomPoll(poll.id, "Which route would you choose?", poll)
    return polls


class PollError(Exception):
    """A refused request: the HTTP status and a sentence for the person who made it."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class PollStore:
    """Open/closed state and answers, in one SQLite file. One answer per voter per poll is a
    primary key, so the database itself refuses a second answer, however many arrive at once."""

    def __init__(self, data_dir: Path):
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / DB_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                  timeout=10)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS poll_state (
                poll TEXT PRIMARY KEY, open INTEGER NOT NULL, changed TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS answer (
                poll TEXT NOT NULL, voter TEXT NOT NULL, option TEXT NOT NULL,
                answered TEXT NOT NULL, PRIMARY KEY (poll, voter));
        """)

    def close(self) -> None:
        self.db.close()

    def is_open(self, poll: str) -> bool:
        row = self.db.execute("SELECT open FROM poll_state WHERE poll = ?", (poll,)).fetchone()
        return bool(row and row[0])

    def open_polls(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT poll FROM poll_state WHERE open = 1")]

    def set_open(self, poll: str, is_open: bool) -> None:
        self.db.execute(
            "INSERT INTO poll_state (poll, open, changed) VALUES (?, ?, ?) "
            "ON CONFLICT (poll) DO UPDATE SET open = excluded.open, changed = excluded.changed",
            (poll, int(is_open), _now()))

    def reset(self, poll: str) -> None:
        """Clear the answers and close the poll (export first to keep them)."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM answer WHERE poll = ?", (poll,))
            self.db.execute("UPDATE poll_state SET open = 0, changed = ? WHERE poll = ?",
                            (_now(), poll))

    def answer(self, poll: str, voter: str, option: str) -> None:
        if not self.is_open(poll):
            raise PollError(409, "This poll is closed.")
        try:
            self.db.execute("INSERT INTO answer (poll, voter, option, answered) VALUES (?, ?, ?, ?)",
                            (poll, voter, option, _now()))
        except sqlite3.IntegrityError:
            raise PollError(409, "You have already answered this poll.") from None

    def has_answered(self, poll: str, voter: str) -> bool:
        return self.db.execute("SELECT 1 FROM answer WHERE poll = ? AND voter = ?",
                               (poll, voter)).fetchone() is not None

    def counts(self, poll: str) -> dict[str, int]:
        return dict(self.db.execute(
            "SELECT option, COUNT(*) FROM answer WHERE poll = ? GROUP BY option", (poll,)))

    def answers(self, poll: str) -> list[tuple[str, str]]:
        """(option, time) of every answer, oldest first; the voter id is never exported."""
        return list(self.db.execute(
            "SELECT option, answered FROM answer WHERE poll = ? ORDER BY answered, rowid", (poll,)))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def results(room_poll: RoomPoll, store: PollStore) -> dict:
    counts = store.counts(room_poll.key)
    return {
        "poll": room_poll.key, "question": room_poll.poll.question, "group": room_poll.group,
        "open": store.is_open(room_poll.key), "total": sum(counts.values()),
        "options": [{"id": o.id, "text": o.text, "count": counts.get(o.id, 0)}
                    for o in room_poll.poll.options],
    }


def export_csv(room_poll: RoomPoll, store: PollStore) -> str:
    """One row per answer (option id and text, time), no voter ids; cells that a spreadsheet
    would run as a formula are quoted so an export is safe to open."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["poll", "question", "option", "option_text", "answered_utc"])
    texts = {o.id: o.text for o in room_poll.poll.options}
    for option, answered in store.answers(room_poll.key):
        writer.writerow([_cell(v) for v in (room_poll.key, room_poll.poll.question, option,
                                             texts.get(option, ""), answered)])
    return out.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


# --- tornado handlers ---------------------------------------------------------------------------


class PollHandler(tornado.web.RequestHandler):
    """Shared by every poll handler: the store, the catalogue, who is the trainer, and errors
    answered in JSON with a plain sentence, never a traceback."""

    def initialize(self, store: PollStore, polls: dict[str, RoomPoll],
                   is_trainer: Callable[[tornado.web.RequestHandler], bool], base_url: str):
        self.store = store
        self.polls = polls
        self.trainer_check = is_trainer
        self.base = base_url

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "same-origin")

    def prepare(self) -> None:
        length = int(self.request.headers.get("Content-Length") or 0)
        if length > MAX_BODY or len(self.request.body or b"") > MAX_BODY:
            raise PollError(413, "That answer is too large.")

    def write_error(self, status_code: int, **kwargs) -> None:
        exc = kwargs.get("exc_info", (None, None))[1]
        if isinstance(exc, PollError):
            self.set_status(exc.status)
            message = exc.message
        elif isinstance(exc, tornado.web.HTTPError) and exc.log_message and status_code == 403:
            message = "This request was refused (a page reload usually fixes it)."
        else:
            message = "Something went wrong with the poll; please try again."
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"error": message}))

    def log_exception(self, typ, value, tb) -> None:
        if not isinstance(value, PollError):
            super().log_exception(typ, value, tb)

    @property
    def is_trainer(self) -> bool:
        return bool(self.trainer_check(self))

    def require_trainer(self) -> None:
        if not self.is_trainer:
            raise PollError(403, "Only the trainer can do this.")

    def room_poll(self, key: str) -> RoomPoll:
        if key not in self.polls:
            raise PollError(404, "There is no such poll.")
        return self.polls[key]

    @overload
    def voter(self, issue: Literal[True]) -> str: ...
    @overload
    def voter(self, issue: bool = False) -> str | None: ...

    def voter(self, issue: bool = False) -> str | None:
        """The browser's anonymous id; a new one when asked and it has none (or a bad one)."""
        value = self.get_cookie(VOTER_COOKIE)
        if value and VOTER_ID.match(value):
            return value
        if not issue:
            return None
        value = secrets.token_urlsafe(24)
        self.set_cookie(VOTER_COOKIE, value, path=self.base, httponly=True, samesite="Strict",
                        expires_days=2)
        return value

    def send_json(self, data, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(data))


class OpenPollsHandler(PollHandler):
    """GET: the polls open now, for an attendee's page (no counts)."""

    def get(self) -> None:
        voter = self.voter(issue=True)
        open_now = [k for k in self.polls if self.store.is_open(k)]
        self.send_json({"polls": [
            {"poll": k, "question": self.polls[k].poll.question, "group": self.polls[k].group,
             "answered": self.store.has_answered(k, voter),
             "options": [{"id": o.id, "text": o.text} for o in self.polls[k].poll.options]}
            for k in open_now]})


class AnswerHandler(PollHandler):
    """POST {"option": id}: one answer per browser per poll, only while the poll is open."""

    def post(self, key: str) -> None:
        room_poll = self.room_poll(key)
        voter = self.voter(issue=False)
        if voter is None:
            raise PollError(400, "Reload the poll page, then answer.")
        try:
            body = json.loads(self.request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise PollError(400, "That answer could not be read.") from None
        option = body.get("option") if isinstance(body, dict) else None
        if not isinstance(option, str) or room_poll.poll.option(option) is None:
            raise PollError(400, "Choose one of the answers given.")
        self.store.answer(key, voter, option)
        self.send_json({"ok": True, "message": "Thank you: your answer is counted."}, 201)


class TrainerActionHandler(PollHandler):
    """POST open / close / reset: the trainer's controls."""

    def post(self, key: str, action: str) -> None:
        self.require_trainer()
        self.room_poll(key)
        if action == "open":
            self.store.set_open(key, True)
        elif action == "close":
            self.store.set_open(key, False)
        else:
            self.store.reset(key)
        self.send_json(results(self.polls[key], self.store))


class ResultsHandler(PollHandler):
    """GET: every poll with its state and counts, for the trainer's live chart."""

    def get(self) -> None:
        self.require_trainer()
        self.send_json({"polls": [results(p, self.store) for p in self.polls.values()]})


class ExportHandler(PollHandler):
    def get(self, key: str) -> None:
        self.require_trainer()
        room_poll = self.room_poll(key)
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="poll-{key}.csv"')
        self.finish(export_csv(room_poll, self.store))


class PageHandler(PollHandler):
    """The attendee page (answer the open poll) and the trainer page (controls, live results)."""

    def get(self, which: str = "") -> None:
        trainer = which == "trainer"
        if trainer and not self.is_trainer:
            self.set_status(403)
            self.finish(_page("Room polls", "<p>Only the trainer can see this page.</p>", "",
                              self.xsrf_token.decode()))
            return
        self.voter(issue=True)
        script = TRAINER_SCRIPT if trainer else ATTENDEE_SCRIPT
        body = TRAINER_BODY if trainer else ATTENDEE_BODY
        self.finish(_page("Room polls: trainer" if trainer else "Room poll", body, script,
                          self.xsrf_token.decode()))


def poll_handlers(data_dir: Path, is_trainer: Callable[[tornado.web.RequestHandler], bool],
                  base_url: str = "/", only: Sequence[str] | None = None,
                  ) -> list[tuple[str, type, dict]]:
    """Handler specs for the web app: add them before its catch-all route.

    `is_trainer(handler)` says whether a request comes from the trainer (the web app's trainer
    key); `base_url` is the app's base URL, e.g. "/"; `only`: the poll keys an event runs, in
    its order (default: every poll).
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    polls = catalogue()
    if only is not None:
        polls = {key: polls[key] for key in only if key in polls}
    args = {"store": PollStore(data_dir), "polls": polls, "is_trainer": is_trainer,
            "base_url": base}
    root = re.escape(base) + "polls"
    return [
        (rf"{root}/?", PageHandler, args),
        (rf"{root}/(trainer)", PageHandler, args),
        (rf"{root}/api/open", OpenPollsHandler, args),
        (rf"{root}/api/results", ResultsHandler, args),
        (rf"{root}/api/{POLL_ID}/answer", AnswerHandler, args),
        (rf"{root}/api/{POLL_ID}/(open|close|reset)", TrainerActionHandler, args),
        (rf"{root}/api/{POLL_ID}/export\.csv", ExportHandler, args),
    ]


# --- the pages: plain HTML and a little script, same origin, nothing from outside ---------------

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b;
       margin: 0 auto; max-width: 60em; padding: 1em 1.2em 3em; line-height: 1.45; font-size: 18px; }
h1 { font-size: 1.6em; margin: .2em 0 .4em; } h2 { font-size: 1.25em; margin: 1.2em 0 .4em; }
.note { border-left: 6px solid #1d4f91; background: #eef3fa; padding: .5em 1em; font-size: .9em; }
fieldset { border: 1px solid #8a8a8a; padding: .6em 1em 1em; margin: 0 0 1em; }
legend { font-weight: 700; padding: 0 .3em; }
label.choice { display: block; padding: .45em .3em; font-size: 1.05em; }
button { font: inherit; padding: .4em 1em; border: 2px solid #1d4f91; background: #1d4f91;
         color: #fff; border-radius: 4px; cursor: pointer; margin: .2em .4em .2em 0; }
button.secondary { background: #fff; color: #1d4f91; }
button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #0b2e5c;
                                                             outline-offset: 2px; }
button:disabled { background: #e0e0e0; color: #1b1b1b; border-color: #5c5c5c; cursor: default; }
a { color: #1d4f91; }
.status { font-weight: 700; margin: .5em 0; }
table.results { border-collapse: collapse; width: 100%; margin: .3em 0 .6em; }
table.results th, table.results td { border: 1px solid #8a8a8a; padding: .35em .6em; text-align: left;
                                     vertical-align: middle; }
table.results th[scope=col] { background: #1d4f91; color: #fff; }
td.count { white-space: nowrap; font-weight: 700; width: 9em; }
td.bar { width: 45%; } .bar span { display: block; height: 1.1em; background: #1d4f91;
                                   min-width: 2px; }
.poll { border: 1px solid #8a8a8a; padding: .3em 1em .8em; margin: 0 0 1em; }
.state { display: inline-block; padding: 0 .4em; border: 1px solid #1b1b1b; font-size: .85em; }
"""

ATTENDEE_BODY = """
<h1>Room poll</h1>
<p class="note">Anonymous: your answer is counted, not your name. One answer per poll.</p>
<div id="polls" aria-live="polite"><p>Looking for an open poll…</p></div>
"""

TRAINER_BODY = """
<h1>Room polls: trainer</h1>
<p class="note">Open a poll, and attendees answer at <strong><span id="attend"></span></strong> on
their own devices. Results update every two seconds.</p>
<div id="polls"><p>Loading polls…</p></div>
"""

COMMON_SCRIPT = (POLL_ASSETS / "common.js").read_text(encoding="utf-8")
ATTENDEE_SCRIPT = COMMON_SCRIPT + (POLL_ASSETS / "attendee.js").read_text(encoding="utf-8")
TRAINER_SCRIPT = COMMON_SCRIPT + (POLL_ASSETS / "trainer.js").read_text(encoding="utf-8")


def _page(title: str, body: str, script: str, xsrf: str) -> str:
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="xsrf" content="{escape(xsrf)}"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body><main>{body}"
            f'<p class="note">{escape(DISCLAIMER)}</p></main>'
            f"<script>{script}</script></body></html>")

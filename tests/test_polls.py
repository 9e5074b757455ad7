"""Room polls in a small tornado app of their own, as the web app will host them: a room of
thirty answering at once, one answer each, only the trainer in control, nothing lost on restart,
and nothing hostile stored or shown."""

from __future__ import annotations

import asyncio
import csv
import http.client
import io
import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import tornado.httpserver
import tornado.web

from conftest import free_port, outside_requests
from workshop_kit.core.content import case_studies
from workshop_kit.faces.polls import VOTER_COOKIE, catalogue, poll_handlers

TRAINER_KEY = "a-trainer-key-for-tests"
POLL = "01_special_guardianship.biggest_delay"


def trainer(handler) -> bool:
    """What the web app supplies; here the trainer sends a header or a cookie."""
    return (handler.request.headers.get("X-Trainer-Key") == TRAINER_KEY
            or handler.get_cookie("trainer_key") == TRAINER_KEY)


class PollApp:
    """The poll handlers in their own tornado server on a loopback port, in a thread."""

    def __init__(self, data_dir: Path, xsrf: bool = False):
        self.port = free_port()
        self.data_dir = data_dir
        self.xsrf = xsrf
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        assert self.ready.wait(20)

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.handlers = poll_handlers(self.data_dir, trainer, "/")
        app = tornado.web.Application(self.handlers, xsrf_cookies=self.xsrf)
        self.server = tornado.httpserver.HTTPServer(app)
        self.server.listen(self.port, "127.0.0.1")
        self.loop.call_soon(self.ready.set)
        self.loop.run_forever()

    def stop(self) -> None:
        async def shutdown():
            self.server.stop()
            self.handlers[0][2]["store"].close()
        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict | None = None) -> tuple[int, bytes, http.client.HTTPResponse]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, data, response


class Attendee:
    """One browser: gets its anonymous id from the poll page, then answers."""

    def __init__(self, app: PollApp):
        self.app = app
        _, _, response = app.request("GET", "/polls/api/open")
        cookie = response.getheader("Set-Cookie")
        self.cookie = cookie.split(";")[0]
        assert self.cookie.startswith(VOTER_COOKIE + "=")

    def answer(self, option, poll: str = POLL, raw: bytes | None = None) -> tuple[int, dict]:
        body = raw if raw is not None else json.dumps({"option": option}).encode()
        status, data, _ = self.app.request("POST", f"/polls/api/{poll}/answer", body,
                                           {"Cookie": self.cookie,
                                            "Content-Type": "application/json"})
        return status, json.loads(data or b"{}")


def as_trainer(app: PollApp, method: str, path: str) -> tuple[int, bytes]:
    status, data, _ = app.request(method, path, b"{}" if method == "POST" else None,
                                  {"X-Trainer-Key": TRAINER_KEY})
    return status, data


def counts(app: PollApp, poll: str = POLL) -> dict[str, int]:
    _, data = as_trainer(app, "GET", "/polls/api/results")
    found = next(p for p in json.loads(data)["polls"] if p["poll"] == poll)
    return {o["id"]: o["count"] for o in found["options"]}


@pytest.fixture
def app(tmp_path):
    running = PollApp(tmp_path / "data")
    yield running
    running.stop()


def test_every_case_has_a_which_route_poll_and_every_workshop_poll_is_listed():
    polls = catalogue()
    for case in case_studies():
        route = polls[f"route-{case.id}"[:64]]
        assert case.child.first_name in route.poll.question
        assert "sgo_abroad" in [o.id for o in route.poll.options]
    assert POLL in polls


def test_thirty_attendees_answering_at_once_are_each_counted_once(app):
    assert as_trainer(app, "POST", f"/polls/api/{POLL}/open")[0] == 200
    room = [Attendee(app) for _ in range(30)]
    options = ["assessment", "art33", "immigration", "court"]
    with ThreadPoolExecutor(max_workers=30) as pool:
        sent = list(pool.map(lambda pair: pair[1].answer(options[pair[0] % 4]), enumerate(room)))
    assert [status for status, _ in sent] == [201] * 30
    assert counts(app) == {"assessment": 8, "art33": 8, "immigration": 7, "court": 7}
    assert sum(counts(app).values()) == 30


def test_a_second_answer_from_the_same_browser_is_refused(app):
    as_trainer(app, "POST", f"/polls/api/{POLL}/open")
    attendee = Attendee(app)
    assert attendee.answer("art33")[0] == 201
    status, body = attendee.answer("court")
    assert status == 409 and body["error"] == "You have already answered this poll."
    assert counts(app) == {"assessment": 0, "art33": 1, "immigration": 0, "court": 0}


def test_a_closed_poll_refuses_answers(app):
    attendee = Attendee(app)
    assert attendee.answer("art33") == (409, {"error": "This poll is closed."})
    as_trainer(app, "POST", f"/polls/api/{POLL}/open")
    as_trainer(app, "POST", f"/polls/api/{POLL}/close")
    assert attendee.answer("art33")[0] == 409
    assert sum(counts(app).values()) == 0


def test_only_the_trainer_can_open_close_reset_export_or_see_results(app):
    for method, path in [("POST", f"/polls/api/{POLL}/open"), ("POST", f"/polls/api/{POLL}/close"),
                         ("POST", f"/polls/api/{POLL}/reset"),
                         ("GET", f"/polls/api/{POLL}/export.csv"), ("GET", "/polls/api/results"),
                         ("GET", "/polls/trainer")]:
        status, _, _ = app.request(method, path, b"{}" if method == "POST" else None,
                                   {"X-Trainer-Key": "a guess"})
        assert status == 403, (method, path)
    _, data, _ = app.request("GET", "/polls/api/open")
    assert json.loads(data) == {"polls": []}, "the poll was not opened by anyone"


def test_a_restart_keeps_open_polls_and_answers(tmp_path):
    first = PollApp(tmp_path / "data")
    as_trainer(first, "POST", f"/polls/api/{POLL}/open")
    for option in ("art33", "art33", "court"):
        assert Attendee(first).answer(option)[0] == 201
    first.stop()
    second = PollApp(tmp_path / "data")
    try:
        assert counts(second) == {"assessment": 0, "art33": 2, "immigration": 0, "court": 1}
        assert Attendee(second).answer("court")[0] == 201, "still open after the restart"
        journal = (tmp_path / "data" / "polls.sqlite3-wal")
        assert journal.exists(), "the store runs in WAL mode"
    finally:
        second.stop()


def test_hostile_answers_are_refused_and_nothing_is_stored(app):
    as_trainer(app, "POST", f"/polls/api/{POLL}/open")
    attendee = Attendee(app)
    assert attendee.answer("<script>alert(1)</script>")[0] == 400
    assert attendee.answer("x" * 100_000)[0] == 413
    assert attendee.answer(None, raw=b"\xff\xfe not json")[0] == 400
    assert attendee.answer(None, raw=b'["art33"]')[0] == 400
    assert attendee.answer({"$ne": 1})[0] == 400
    assert attendee.answer("art33", poll="no-such-poll")[0] == 404
    status, _, _ = app.request("POST", f"/polls/api/{POLL}/answer", b'{"option": "art33"}',
                               {"Cookie": f"{VOTER_COOKIE}=<b>forged</b>"})
    assert status == 400, "a forged browser id is not accepted"
    assert sum(counts(app).values()) == 0
    assert attendee.answer("art33")[0] == 201, "refusals do not use up the attendee's answer"


def test_export_is_csv_of_answers_without_voter_ids(app):
    as_trainer(app, "POST", f"/polls/api/{POLL}/open")
    voters = [Attendee(app) for _ in range(3)]
    for attendee, option in zip(voters, ["art33", "court", "art33"], strict=True):
        attendee.answer(option)
    status, data = as_trainer(app, "GET", f"/polls/api/{POLL}/export.csv")
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert status == 200 and rows[0] == ["poll", "question", "option", "option_text", "answered_utc"]
    assert sorted(r[2] for r in rows[1:]) == ["art33", "art33", "court"]
    for attendee in voters:
        assert attendee.cookie.split("=", 1)[1] not in data.decode()


def test_reset_clears_answers_and_closes(app):
    as_trainer(app, "POST", f"/polls/api/{POLL}/open")
    Attendee(app).answer("court")
    status, data = as_trainer(app, "POST", f"/polls/api/{POLL}/reset")
    assert status == 200 and json.loads(data)["total"] == 0 and not json.loads(data)["open"]


def test_pages_load_nothing_from_outside_and_escape_content(app):
    status, data, _ = app.request("GET", "/polls/")
    html = data.decode()
    assert status == 200 and "<script src" not in html and "http://" not in html.replace(
        "http://www.w3.org", "")
    assert "Training material, not legal advice" in html


@pytest.mark.browser
def test_a_room_answers_and_the_trainer_sees_a_labelled_bar_chart(tmp_path, browser):
    app = PollApp(tmp_path / "data", xsrf=True)
    try:
        trainer_ctx = browser.new_context(viewport={"width": 1100, "height": 900})
        trainer_ctx.add_cookies([{"name": "trainer_key", "value": TRAINER_KEY,
                                  "url": app.base}])
        tpage = trainer_ctx.new_page()
        requests: list[str] = []
        tpage.on("request", lambda r: requests.append(r.url))
        tpage.goto(f"{app.base}/polls/trainer")
        section = tpage.locator(f"#poll-{POLL.replace('.', '_')}")
        section.get_by_role("button", name="Open").click()
        tpage.wait_for_function(
            f"document.querySelector('#poll-{POLL.replace('.', '_')} .state').textContent === 'Open'")

        answers = ["art33", "art33", "assessment", "art33", "court", "immigration", "art33",
                   "assessment"]
        for option in answers:  # a room of eight, each on their own device (own cookies)
            ctx = browser.new_context()
            page = ctx.new_page()
            page.goto(f"{app.base}/polls/")
            page.locator(f"input[value={option}]").check()
            page.get_by_role("button", name="Send my answer").click()
            page.get_by_text("Thank you: your answer is counted.").wait_for()
            ctx.close()
        tpage.wait_for_function(
            f"document.querySelector('#poll-{POLL.replace('.', '_')} caption')?.textContent"
            " === '8 answers so far'", timeout=15_000)
        row = section.locator("tr", has_text="Article 33 consent")
        assert "4 answers (50%)" in row.inner_text()
        shots = Path(os.environ.get("WORKSHOP_KIT_SCREENSHOTS", tmp_path))
        tpage.screenshot(path=str(shots / "poll-trainer-results.png"), full_page=False)
        section.screenshot(path=str(shots / "poll-trainer-results-section.png"))
        assert outside_requests(requests) == []
        trainer_ctx.close()
    finally:
        app.stop()

"""'What the room answered' in a training pack: a simulated room's answers, read back from the
serve data folder or from the trainer's CSV exports, counted right, shown as text and bars, with
no voter id anywhere and every bad input named before a kernel starts."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner

from workshop_kit import DISCLAIMER
from workshop_kit.cli import main
from workshop_kit.core.content import case_study, countries
from workshop_kit.core.polls import route_poll
from workshop_kit.core.routes import find_routes
from workshop_kit.faces.polls import PollStore, catalogue, export_csv
from workshop_kit.faces.report import ReportRequest
from workshop_kit.faces.report_batch import read_batch
from workshop_kit.faces.room_answers import RoomAnswers, collect, write_for_report

REPO = Path(__file__).resolve().parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
DAY = dt.date(2026, 12, 1)
KEMI = "kemi-and-her-aunt-in-nigeria"
DELAY = "01_special_guardianship.biggest_delay"
ROUTE = route_poll(case_study(KEMI)).id
OTHER_DAY_POLL = "00_orders_compared.confidence"
ROOM = {
    DELAY: {"art33": 9, "assessment": 7, "immigration": 4, "court": 3},
    ROUTE: {"sgo_abroad": 11, "convention_adoption": 2, "fostering_abroad": 3, "undecided": 6},
}
DELAY_SHARES = {"assessment": 31, "art33": 39, "immigration": 17, "court": 13}
"""9, 7, 4 and 3 of 23 as whole percentages adding up to 100 (7/23 = 30.4% has the largest
remainder, so it is the one rounded up)."""


def answer_at(store: PollStore, poll: str, option: str, when: dt.datetime) -> str:
    """One attendee's answer through the store, as the web app records it, at a chosen time."""
    voter = secrets.token_urlsafe(24)
    store.answer(poll, voter, option)
    store.db.execute("UPDATE answer SET answered = ? WHERE poll = ? AND voter = ?",
                     (when.isoformat(timespec="seconds"), poll, voter))
    return voter


def simulate_room(data_dir: Path) -> list[str]:
    """The day: two polls answered (the delay poll at 10:04, Kemi's route poll at 13:04), two
    opened and closed with no answer (one of a workshop not in the pack); and a poll answered at
    another workshop, in November. Returns every voter id."""
    store = PollStore(data_dir)
    voters = []
    starts = {DELAY: dt.datetime(2026, 12, 1, 10, 4, tzinfo=dt.UTC),
              ROUTE: dt.datetime(2026, 12, 1, 13, 4, tzinfo=dt.UTC)}
    for poll, counts in ROOM.items():
        store.set_open(poll, True)
        when = starts[poll]
        for option, count in counts.items():
            for _ in range(count):
                voters.append(answer_at(store, poll, option, when))
                when += dt.timedelta(seconds=13)
        store.set_open(poll, False)
    store.set_open(OTHER_DAY_POLL, True)
    for _ in range(5):
        voters.append(answer_at(store, OTHER_DAY_POLL, "fairly",
                                dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)))
    store.set_open(OTHER_DAY_POLL, False)
    store.db.execute("UPDATE poll_state SET changed = ? WHERE poll = ?",
                     ("2026-11-20T09:40:00+00:00", OTHER_DAY_POLL))
    for unanswered in ("01_special_guardianship.when_to_ask", "02_convention_adoption.experience"):
        store.db.execute("INSERT INTO poll_state VALUES (?, 0, ?)",
                         (unanswered, "2026-12-01T11:00:00+00:00"))
    store.close()
    return voters


@pytest.fixture(scope="module")
def room(tmp_path_factory) -> tuple[Path, list[str]]:
    data = tmp_path_factory.mktemp("serve-data")
    return data, simulate_room(data)


@pytest.fixture(scope="module")
def exports(room, tmp_path_factory) -> Path:
    """What a trainer downloads from the poll page: one CSV per poll asked on the day."""
    folder = tmp_path_factory.mktemp("emailed") / "poll-exports"
    folder.mkdir()
    store = PollStore(room[0])
    polls = catalogue()
    for key in ROOM:
        (folder / f"poll-{key}.csv").write_text(export_csv(polls[key], store), encoding="utf-8")
    store.close()
    return folder


@pytest.fixture(scope="module")
def folder_report(room, tmp_path_factory) -> str:
    """From the serve data folder, through the command a trainer types."""
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, [
        "report", "--client", "Borsetshire County Council", "--date", DAY.isoformat(),
        "--module", "01_special_guardianship", "--case", KEMI, "--room-answers", str(room[0]),
        "--out", str(out)])
    assert result.exit_code == 0, result.output
    [path] = out.glob("*.html")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def batch_report(exports, tmp_path_factory) -> str:
    """From the emailed CSV exports, through a --batch entry (path relative to the batch file)."""
    batch = exports.parent / "clients.yaml"
    batch.write_text(f"- client: Other Council\n  date: {DAY.isoformat()}\n"
                     "  modules: [01_special_guardianship]\n"
                     f"  room_answers: {exports.name}\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("batch-out")
    result = CliRunner().invoke(main, ["report", "--batch", str(batch), "--out", str(out),
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    [path] = out.glob("*.html")
    return path.read_text(encoding="utf-8")


def section(html: str) -> Tag:
    part = BeautifulSoup(html, "html.parser").find("section", id="room-answers")
    assert isinstance(part, Tag), "the report has no 'What the room answered' part"
    return part


def poll_rows(part: Tag, poll: str) -> dict[str, dict[str, object]]:
    """Each answer's row as a reader sees it: people, share as text, bar width, verdict."""
    block = part.find("section", attrs={"data-poll": poll})
    assert isinstance(block, Tag), f"no block for {poll}"
    rows = {}
    for tr in block.select("tbody tr"):
        cells = tr.find_all("td")
        fill = tr.select_one(".wk-bar-fill")
        assert fill is not None and tr.select_one(".wk-bar")["aria-hidden"] == "true"
        rows[tr["data-option"]] = {
            "people": int(cells[0].get_text(strip=True)),
            "share": cells[1].get_text(strip=True),
            "bar": re.search(r"width:\s*(\d+)%", fill["style"]).group(1),  # type: ignore[union-attr]
            "verdict": cells[2].get_text(" ", strip=True) if len(cells) > 2 else None,
        }
    return rows


# --- the part, as a client reads it -----------------------------------------------------------


def test_each_answered_poll_shows_people_and_share_as_text_and_as_a_bar(folder_report):
    part = section(folder_report)
    assert part.h2.get_text(strip=True) == "What the room answered"
    rows = poll_rows(part, DELAY)
    assert {k: r["people"] for k, r in rows.items()} == ROOM[DELAY]
    assert {k: r["share"] for k, r in rows.items()} == {k: f"{v}%" for k, v in DELAY_SHARES.items()}
    assert {k: r["bar"] for k, r in rows.items()} == {k: str(v) for k, v in DELAY_SHARES.items()}
    block = part.find("section", attrs={"data-poll": DELAY})
    assert block.h3.get_text(strip=True) == catalogue()[DELAY].poll.question
    meta = block.select_one(".wk-room-meta").get_text(" ", strip=True)
    assert "23 people answered" in meta and "between 10:04 and 10:08 (UK time)" in meta
    top = [tr["data-option"] for tr in block.select("tbody tr") if "most chosen" in tr.th.text]
    assert top == ["art33"]


def test_a_route_poll_sets_the_room_beside_the_assessment_of_the_case(folder_report):
    part = section(folder_report)
    rows = poll_rows(part, ROUTE)
    counts = {k: r["people"] for k, r in rows.items() if r["people"]}
    assert counts == ROOM[ROUTE]
    assert rows["s84_adoption"]["people"] == 0 and rows["s84_adoption"]["share"] == "0%"
    assessments = find_routes(case_study(KEMI), countries())
    for a in assessments:
        assert a.verdict.label in str(rows[a.route.value]["verdict"])
    assert rows["undecided"]["verdict"] == "—"
    engine = part.find("section", attrs={"data-poll": ROUTE}).select_one(".wk-room-engine")
    text = engine.get_text(" ", strip=True)
    closed = next(a for a in assessments if a.verdict.value == "not_available")
    closing = next(f.reason for f in closed.findings if f.effect.value == "closes")
    assert closing.text in text, "the deciding finding, in content's words"
    assert engine.find("a", href=f"#case-{KEMI}"), "the case is in this pack: link to it"
    assert part.select(".wk-notes li"), "the findings' citations become the part's notes"
    assert not part.select(".wk-cite")


def test_polls_not_answered_on_the_day_are_left_out_with_one_line(folder_report):
    part = section(folder_report)
    assert [s["data-poll"] for s in part.select("section[data-poll]")] == [DELAY, ROUTE]
    [line] = part.select(".wk-room-none")
    text = line.get_text(" ", strip=True)
    assert "No answers on 1 December 2026, so left out" in text
    assert "“Special Guardianship with carers overseas” (1 poll)" in text
    assert "“Adoption by family overseas” (1 poll)" in text, "opened on the day, not answered"
    assert "Orders compared" not in text, "answered at November's workshop, not in this pack"


def test_no_voter_id_appears_in_the_report(room, folder_report, batch_report):
    _, voters = room
    assert len(voters) == sum(sum(c.values()) for c in ROOM.values()) + 5
    for html in (folder_report, batch_report):
        assert not [v for v in voters if v in html]


def test_the_part_loads_nothing_and_the_notice_stays(folder_report):
    part = section(folder_report)
    assert not part.find_all(src=True)
    assert all(a["href"].startswith("#") for a in part.find_all("a", href=True))
    assert "url(" not in str(part) and "@import" not in str(part)
    assert folder_report.count(DISCLAIMER.split(".")[0]) >= 2, "cover and ending notices"


def test_the_part_is_listed_in_the_contents_after_the_cases(folder_report):
    soup = BeautifulSoup(folder_report, "html.parser")
    parts = [a["href"] for a in soup.select("nav.wk-contents a")]
    assert parts.index("#room-answers") == parts.index(f"#case-{KEMI}") + 1
    assert parts.index("#room-answers") < parts.index("#to-be-confirmed")


def test_a_batch_entry_takes_the_emailed_csv_exports(batch_report):
    part = section(batch_report)
    for poll, counts in ROOM.items():
        assert {k: r["people"] for k, r in poll_rows(part, poll).items() if r["people"]} == counts
    engine = part.find("section", attrs={"data-poll": ROUTE}).select_one(".wk-room-engine")
    assert "is not part of this pack" in engine.get_text(" ", strip=True)
    assert not engine.find("a", href=f"#case-{KEMI}")


# --- what is read, and how ------------------------------------------------------------------


def test_the_counts_reach_the_notebook_in_a_file_never_as_parameters(room, tmp_path):
    data, voters = room
    request = ReportRequest.from_cli(client="Ok Council", course_date=DAY.isoformat(),
                                     room_answers=[data])
    assert request.parameters()["room_answers_file"] == "room_answers.json"
    written = tmp_path / "room_answers.json"
    write_for_report(request.room_answers, DAY, written)
    text = written.read_text(encoding="utf-8")
    assert not [v for v in voters if v in text]
    assert {t.poll: dict(t.counts) for t in RoomAnswers.from_json(text).tallies} == ROOM


def test_a_past_workshop_is_the_day_of_its_date_in_uk_time(tmp_path):
    """23:30 UTC on 1 July is 00:30 on 2 July in London (BST)."""
    store = PollStore(tmp_path)
    store.set_open(DELAY, True)
    answer_at(store, DELAY, "court", dt.datetime(2026, 7, 1, 23, 30, tzinfo=dt.UTC))
    answer_at(store, DELAY, "art33", dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC))
    store.close()
    assert dict(collect([tmp_path], dt.date(2026, 7, 2)).tallies[0].counts) == {"court": 1}
    assert dict(collect([tmp_path], dt.date(2026, 7, 1)).tallies[0].counts) == {"art33": 1}


def test_a_csv_saved_again_by_a_spreadsheet_is_read(exports, tmp_path):
    """Excel writes a byte-order mark and CRLF line ends."""
    source = exports / f"poll-{DELAY}.csv"
    resaved = tmp_path / "resaved.csv"
    resaved.write_bytes(b"\xef\xbb\xbf" + source.read_text(encoding="utf-8")
                        .replace("\r\n", "\n").replace("\n", "\r\n").encode())
    assert dict(collect([resaved], DAY).tallies[0].counts) == ROOM[DELAY]


# --- bad input: named, before any kernel, nothing written ------------------------------------

HEADER = "poll,question,option,option_text,answered_utc\n"


def _bad_inputs(tmp: Path, data: Path, exports: Path) -> dict[str, tuple[list[Path], str]]:
    (tmp / "empty").mkdir()
    (tmp / "not-sqlite.sqlite3").write_text("hello")
    (tmp / "corrupt.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    import sqlite3

    other = sqlite3.connect(tmp / "other.sqlite3")
    other.execute("CREATE TABLE notes (a)")
    other.commit()
    other.close()
    row = f"{DELAY},Q,art33,Article 33 consent,2026-12-01T10:00:00+00:00\n"
    files = {
        "wrong-shape.csv": "when,what\n2026-12-01,art33\n",
        "short-row.csv": HEADER + f"{DELAY},Q,art33\n",
        "unknown-poll.csv": HEADER + row.replace(DELAY, "99_nope.poll"),
        "unknown-option.csv": HEADER + row.replace(",art33,", ",brexit,"),
        "bad-time.csv": HEADER + row.replace("2026-12-01T10:00:00+00:00", "01/12/2026 10:00"),
        "latin1.csv": None,
    }
    for name, text in files.items():
        if text is not None:
            (tmp / name).write_text(text, encoding="utf-8")
    (tmp / "latin1.csv").write_bytes((HEADER + row.replace("Q", "Caf\xe9")).encode("latin-1"))
    return {
        "missing folder": ([tmp / "no-such-folder"], "does not exist"),
        "empty folder": ([tmp / "empty"], "holds neither polls.sqlite3"),
        "not a database": ([tmp / "not-sqlite.sqlite3"], "not a polls database"),
        "unreadable database": ([tmp / "corrupt.sqlite3"], "cannot be read"),
        "another database": ([tmp / "other.sqlite3"], "does not hold room polls"),
        "csv of the wrong shape": ([tmp / "wrong-shape.csv"], "line 1: expected the columns poll, "
                                   "question, option, option_text, answered_utc"),
        "csv row of the wrong shape": ([tmp / "short-row.csv"], "line 2: 3 cells, expected 5"),
        "poll not in content": ([tmp / "unknown-poll.csv"],
                                "line 2: '99_nope.poll' is not a poll in this kit's content"),
        "option not in the poll": ([tmp / "unknown-option.csv"], "'brexit' is not an answer of"),
        "bad time": ([tmp / "bad-time.csv"], "'01/12/2026 10:00' is not a time like"),
        "not utf-8": ([tmp / "latin1.csv"], "not a UTF-8 text file"),
        "no answer on the date": ([data], "no answer was given on 30 November 2026"),
        "the same poll twice": ([data, exports], f"the poll '{DELAY}' is in both"),
    }


BAD = ["missing folder", "empty folder", "not a database", "unreadable database",
       "another database", "csv of the wrong shape", "csv row of the wrong shape",
       "poll not in content", "option not in the poll", "bad time", "not utf-8",
       "no answer on the date", "the same poll twice"]


@pytest.mark.parametrize("case", BAD)
def test_bad_room_answers_are_named_before_any_kernel_and_nothing_is_written(
        case, room, exports, tmp_path, monkeypatch):
    monkeypatch.setattr("papermill.execute_notebook",
                        lambda *a, **k: pytest.fail("papermill must not run for bad answers"))
    paths, message = _bad_inputs(tmp_path, room[0], exports)[case]
    date = "2026-11-30" if case == "no answer on the date" else DAY.isoformat()
    args = [a for p in paths for a in ("--room-answers", str(p))]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", "--client", "Ok Council", "--date", date,
                                       *args, "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert paths[-1].name in result.output, "the error names the file"
    assert "Traceback" not in result.output and "unexpected" not in result.output
    assert not out.exists()


def test_the_date_error_lists_the_days_the_answers_are_from(room, tmp_path, monkeypatch):
    monkeypatch.setattr("papermill.execute_notebook", lambda *a, **k: pytest.fail("ran"))
    result = CliRunner().invoke(main, ["report", "--client", "Ok Council", "--date",
                                       "2026-11-30", "--room-answers", str(room[0]),
                                       "--out", str(tmp_path / "out")])
    assert "the answers are from 20 November 2026, 1 December 2026" in result.output


def test_a_batch_entry_with_bad_room_answers_is_rejected_by_entry_and_file(room, tmp_path):
    (tmp_path / "wrong.csv").write_text("a,b\n", encoding="utf-8")
    batch = tmp_path / "clients.yaml"
    batch.write_text(f"- client: Good Council\n  date: {DAY.isoformat()}\n"
                     f"  room_answers: [{room[0]}]\n"
                     "- client: Bad Council\n  room_answers: wrong.csv\n"
                     "- client: Odd Council\n  room_answers: {a: 1}\n"
                     "- client: Brief Council\n  kind: briefing\n"
                     f"  case_file: {REPO / 'case_studies' / (KEMI + '.yaml')}\n"
                     f"  room_answers: {room[0]}\n", encoding="utf-8")
    jobs = read_batch(batch)
    assert jobs[0].request is not None and jobs[0].request.room_answers == (room[0].resolve(),)
    assert "entry 2" in str(jobs[1].rejected) and "wrong.csv' line 1" in str(jobs[1].rejected)
    assert "entry 3" in str(jobs[2].rejected) and "room_answers" in str(jobs[2].rejected)
    assert "not a case briefing" in str(jobs[3].rejected)
    result = CliRunner().invoke(main, ["report", "--batch", str(batch), "--dry-run",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "1 of 4 entries can be made" in result.output


# --- in a browser ------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_part_has_no_axe_violations_and_makes_no_outside_request(folder_report, page,
                                                                     tmp_path):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    path = tmp_path / "report.html"
    path.write_text(folder_report, encoding="utf-8")
    page.goto(path.as_uri())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run('#room-answers', {runOnly: ['wcag2a', 'wcag2aa', "
                           "'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']})")
    assert [(v["id"], v["nodes"][0]["html"][:120]) for v in result["violations"]] == []
    assert [r for r in page.requests if not r.startswith("file:")] == []
    bar = page.locator(f'section[data-poll="{DELAY}"] tr[data-option="art33"] .wk-bar-fill')
    track = page.locator(f'section[data-poll="{DELAY}"] tr[data-option="art33"] .wk-bar')
    ratio = bar.bounding_box()["width"] / track.bounding_box()["width"]  # type: ignore[index]
    assert 0.37 < ratio < 0.41, "the bar's length is the share (39%)"


def test_a_finding_to_be_confirmed_is_marked_and_listed_in_the_summary(tmp_path):
    """Leo's route poll, his case not in the pack: the SGO route's deciding finding is unsettled,
    so the room's part marks it and the 'Points to be confirmed' part lists it, from here."""
    from workshop_kit.core.content import provider
    from workshop_kit.faces.document import Document
    from workshop_kit.faces.render.room_answers import add_room_answers, deciding_reason
    from workshop_kit.faces.room_answers import PollTally

    leo = case_study("leo-and-his-aunt-in-spain")
    at = dt.datetime(2026, 12, 1, 11, 0, tzinfo=dt.UTC)
    answers = RoomAnswers(DAY, (PollTally(route_poll(leo).id, {"sgo_abroad": 4}, at, at),))
    (tmp_path / "room.json").write_text(answers.to_json(), encoding="utf-8")
    doc = Document("Pack", "Ok Council", DAY, provider())
    add_room_answers(doc, tmp_path / "room.json", ["01_special_guardianship"], [])
    doc.add_unsettled_summary()
    sgo = next(a for a in find_routes(leo, countries()) if a.route.value == "sgo_abroad")
    reason = deciding_reason(sgo)
    assert reason is not None and reason.to_be_confirmed
    soup = BeautifulSoup(doc.html("Training pack"), "html.parser")
    assert soup.select_one("#room-answers .wk-room-engine .wk-tbc-mark")
    listed = [tr.get_text(" | ", strip=True) for tr in soup.select("#to-be-confirmed tbody tr")]
    assert any(reason.text in row and "What the room answered" in row for row in listed)

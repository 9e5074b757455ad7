"""Issue 17: a Network Day as one event file — the model and its errors (file, field, line,
known ids), `new-event`, `validate` on event files, `report --event` and the event's own poll
data folder for `serve --event`."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from workshop_kit.cli import main
from workshop_kit.core.content import case_study, workshop_plan
from workshop_kit.core.event import EVENT_ENV, load_event, load_event_file
from workshop_kit.core.loading import ContentError
from workshop_kit.faces.event_day import event_data_dir, programme_html
from workshop_kit.faces.polls import PollStore

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "events" / "example-network-day.yaml"
DELAY = "01_special_guardianship.biggest_delay"

GOOD = """\
id: test-day
title: Network Day for testing
client: Borsetshire County Council
date: 2026-12-01
venue: County Hall
trainers: [Jo Example]
workshops:
  - {id: 01_special_guardianship, start: "10:00"}
  - {id: 04_case_study_explorer, start: "13:30"}
cases:
  - leo-and-his-aunt-in-spain
  - kemi-and-her-aunt-in-nigeria
"""


def write(tmp_path: Path, text: str, name: str = "day.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[str, int | None, str]]:
    with pytest.raises(ContentError) as caught:
        load_event(path)
    for problem in caught.value.problems:
        assert problem.file.endswith(path.name)
    return [(p.field, p.line, p.message) for p in caught.value.problems]


# --- the model ---------------------------------------------------------------------------------


def test_a_good_event_file_loads_with_its_day():
    event = load_event(EXAMPLE)
    assert event.client == "Borsetshire County Council"
    assert event.first_day == dt.date(2026, 12, 1)
    assert event.workshop_ids == ["00_orders_compared", "01_special_guardianship",
                                  "03_viability_and_support_plans", "04_case_study_explorer"]
    assert [w.start for w in event.workshops] == ["09:30", "10:30", "13:30", "14:45"]
    assert event.cases == ["leo-and-his-aunt-in-spain", "kemi-and-her-aunt-in-nigeria"]
    # polls default to every poll of the day's workshops and a route poll per chosen case
    assert DELAY in event.poll_ids()
    assert "route-kemi-and-her-aunt-in-nigeria" in event.poll_ids()
    assert not any(p.startswith("02_") for p in event.poll_ids())


def test_an_unquoted_start_time_is_named_with_field_and_line(tmp_path):
    path = write(tmp_path, GOOD.replace('start: "13:30"', "start: 13:30"))
    [(field, line, message)] = problems(path)
    assert field == "workshops[1].start" and line == 9
    assert '"13:30"' in message and "quotes" in message


def test_an_impossible_date_and_a_missing_field_are_each_named(tmp_path):
    text = GOOD.replace("2026-12-01", "2026-11-31").replace("trainers: [Jo Example]\n", "")
    found = problems(write(tmp_path, text))
    assert ("date", 4, "31 November 2026 does not exist (November has 30 days)") in found
    assert ("trainers", None, "is required but missing") in [(f, None, m) for f, _, m in found]


def test_a_misspelt_field_is_refused_with_its_line(tmp_path):
    [(field, line, message)] = problems(write(tmp_path, GOOD + "venu: Town Hall\n"))
    assert field == "venu" and line == 13 and "misspelt" in message


def test_workshops_out_of_order_are_refused(tmp_path):
    text = GOOD.replace('start: "10:00"', 'start: "14:00"')
    [(field, line, message)] = problems(write(tmp_path, text))
    assert field == "workshops" and line == 7
    assert "04_case_study_explorer" in message and "14:00" in message


def test_date_and_dates_together_are_refused(tmp_path):
    text = GOOD.replace("date: 2026-12-01", "date: 2026-12-01\ndates: [2026-12-01, 2026-12-02]")
    [(_, _, message)] = problems(write(tmp_path, text))
    assert "not both" in message


def test_an_unknown_workshop_lists_the_known_ones_at_its_line(tmp_path):
    text = GOOD.replace("04_case_study_explorer", "05_contact_abroad")
    [(field, line, message)] = problems(write(tmp_path, text))
    assert field == "workshops[1].id" and line == 9
    assert "'05_contact_abroad'" in message and "01_special_guardianship" in message
    assert "04_case_study_explorer" in message


def test_an_unknown_case_lists_the_known_ones_at_its_line(tmp_path):
    text = GOOD.replace("kemi-and-her-aunt-in-nigeria", "kemi-in-nigeria")
    [(field, line, message)] = problems(write(tmp_path, text))
    assert field == "cases[1]" and line == 12
    assert "no case study 'kemi-in-nigeria'" in message
    assert "kemi-and-her-aunt-in-nigeria" in message and "leo-and-his-aunt-in-spain" in message


def test_a_poll_not_of_the_days_workshops_is_named(tmp_path):
    text = GOOD + "polls: [02_convention_adoption.experience]\n"
    [(field, line, message)] = problems(write(tmp_path, text))
    assert field == "polls[0]" and line == 13
    assert DELAY in message  # the polls this day can run


def test_the_provider_is_relative_to_the_event_file(tmp_path):
    missing = write(tmp_path, GOOD + "provider: mine.yaml\n")
    [(field, _, message)] = problems(missing)
    assert field == "provider" and "mine.yaml" in message
    provider = (REPO / "src/workshop_kit/content/provider.yaml").read_text(encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(provider.replace("(example provider)", "Our Training"),
                                        encoding="utf-8")
    loaded = load_event_file(missing)
    assert loaded.provider_file == (tmp_path / "mine.yaml").resolve()


# --- new-event and validate ---------------------------------------------------------------------


def test_new_event_writes_a_file_that_validates_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "events" / "my-day.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["new-event", str(path)])
    assert result.exit_code == 0, result.output
    assert load_event(path).id == "my-day"
    before = path.read_text(encoding="utf-8")
    again = runner.invoke(main, ["new-event", str(path)])
    assert again.exit_code == 1 and "already exists" in again.output
    assert "Traceback" not in again.output
    assert path.read_text(encoding="utf-8") == before
    checked = runner.invoke(main, ["validate", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "events: 1 file, 2 workshops, 1 case" in checked.output


def test_validate_checks_a_bad_event_file_kept_anywhere(tmp_path):
    path = write(tmp_path, GOOD.replace("leo-and-his-aunt-in-spain", "leo"), "anywhere.yaml")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "line 11 [cases[0]]: no case study 'leo'" in result.output
    assert "events: 1 file" in result.output


def test_validate_with_no_paths_checks_the_shipped_events():
    result = CliRunner().invoke(main, ["validate"])
    assert "events: 1 file, 4 workshops, 2 cases" in result.output


# --- the event's own poll data folder -----------------------------------------------------------


@pytest.fixture
def user_data(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv(EVENT_ENV, "")  # `serve --event` sets it: undone after each test
    monkeypatch.delenv(EVENT_ENV)
    return home / "workshop-kit"


def test_each_event_and_its_rehearsal_have_their_own_data_folder(tmp_path, user_data):
    day = load_event(write(tmp_path, GOOD))
    other = load_event(write(tmp_path, GOOD.replace("id: test-day", "id: other-day"), "o.yaml"))
    folders = {event_data_dir(day), event_data_dir(other), event_data_dir(day, rehearsal=True),
               user_data / "polls"}
    assert len(folders) == 4
    assert event_data_dir(day) == user_data / "events" / "test-day"


SEEN_POLLS: list[str] = []


def served_polls_dir(monkeypatch, args: list[str]) -> tuple[Path, str]:
    """Run `serve` with the web app replaced, returning the polls store's folder it was given."""
    import workshop_kit.faces.polls as polls
    import workshop_kit.faces.webapp as webapp

    seen: dict[str, Path] = {}

    def fake_handlers(data_dir, *rest, only=None):
        seen["dir"] = data_dir
        SEEN_POLLS[:] = [] if only is None else ["only", *only]
        return []

    monkeypatch.setattr(polls, "poll_handlers", fake_handlers)
    monkeypatch.setattr(webapp, "serve", lambda *a, **k: None)
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == 0, result.output
    return seen["dir"], result.output


def test_serve_event_keeps_answers_in_the_events_folder_and_says_so(tmp_path, user_data,
                                                                    monkeypatch):
    path = write(tmp_path, GOOD)
    folder, output = served_polls_dir(monkeypatch, ["--event", str(path)])
    assert folder == user_data / "events" / "test-day"
    assert f"kept in {folder}" in output
    import os
    assert os.environ[EVENT_ENV] == str(path.resolve())  # what the kernels read
    assert SEEN_POLLS[0] == "only" and DELAY in SEEN_POLLS  # the day's polls, no other
    assert "route-leo-and-his-aunt-in-spain" in SEEN_POLLS
    assert not any(p.startswith("02_") for p in SEEN_POLLS)
    rehearsal, output = served_polls_dir(monkeypatch, ["--event", str(path), "--rehearsal"])
    assert rehearsal == user_data / "rehearsals" / "test-day" and "rehearsal" in output
    plain, _ = served_polls_dir(monkeypatch, [])
    assert plain == user_data / "polls"
    assert SEEN_POLLS == []  # without an event: every poll
    assert len({folder, rehearsal, plain}) == 3


def test_serve_refuses_a_bad_event_file_in_one_line(tmp_path, user_data, monkeypatch):
    path = write(tmp_path, GOOD.replace("04_case_study_explorer", "nope"))
    import workshop_kit.faces.webapp as webapp
    monkeypatch.setattr(webapp, "serve", lambda *a, **k: pytest.fail("must not start"))
    result = CliRunner().invoke(main, ["serve", "--event", str(path)])
    assert result.exit_code == 1 and "no workshop 'nope'" in result.output
    assert "Traceback" not in result.output


def test_the_programme_lists_the_days_workshops_in_order_with_times(tmp_path):
    event = load_event(write(tmp_path, GOOD))
    soup = BeautifulSoup(programme_html(event), "html.parser")
    assert soup.h2.get_text(strip=True) == "Network Day for testing"
    text = soup.get_text(" ", strip=True)
    assert "Borsetshire County Council" in text and "County Hall" in text
    assert "Tuesday 1 December 2026" in text
    rows = [[c.get_text(strip=True) for c in tr.find_all(["td", "th"])]
            for tr in soup.select("tbody tr")]
    assert [r[:2] for r in rows] == [
        ["10:00", workshop_plan("01_special_guardianship").title],
        ["13:30", workshop_plan("04_case_study_explorer").title]]


# --- report --event -----------------------------------------------------------------------------


def seed_answers(data_dir: Path, day: dt.date) -> None:
    """Seven people answer the delay poll on the day, through the store `serve` uses."""
    store = PollStore(data_dir)
    store.set_open(DELAY, True)
    when = dt.datetime(day.year, day.month, day.day, 10, 5, tzinfo=dt.UTC)
    for option in ["art33"] * 4 + ["court"] * 3:
        voter = secrets.token_urlsafe(24)
        store.answer(DELAY, voter, option)
        store.db.execute("UPDATE answer SET answered = ? WHERE poll = ? AND voter = ?",
                         (when.isoformat(timespec="seconds"), DELAY, voter))
    store.set_open(DELAY, False)
    store.close()


def test_report_event_makes_the_days_pack_with_the_rooms_answers(tmp_path, user_data):
    path = write(tmp_path, GOOD)
    event = load_event(path)
    seed_answers(event_data_dir(event), event.first_day)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", "--event", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(event_data_dir(event)) in result.output
    [made] = out.glob("*.html")
    assert "borsetshire-county-council-2026-12-01" in made.name
    soup = BeautifulSoup(made.read_text(encoding="utf-8"), "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Borsetshire County Council" in text
    for case in event.cases:
        assert case_study(case).title in text
    assert case_study("zara-and-her-uncle-in-pakistan").title not in text
    assert workshop_plan("01_special_guardianship").title in text
    assert workshop_plan("02_convention_adoption").title not in text
    room = soup.find("section", id="room-answers")
    assert room is not None, "the room's answers from the event's folder are missing"
    block = room.find("section", attrs={"data-poll": DELAY})
    assert block is not None
    people = {tr["data-option"]: int(tr.find("td").get_text(strip=True))
              for tr in block.select("tbody tr")}
    assert people["art33"] == 4 and people["court"] == 3


def test_report_event_refuses_retyped_options(tmp_path, user_data):
    result = CliRunner().invoke(main, ["report", "--event", str(write(tmp_path, GOOD)),
                                       "--client", "Other", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "--event replaces" in result.output
    assert not (tmp_path / "out").exists()


def test_the_explorer_offers_the_days_cases_first_and_keeps_every_case(tmp_path, monkeypatch):
    from workshop_kit.core.content import case_studies
    from workshop_kit.faces.widgets import CaseStudyExplorer

    text = GOOD.replace("  - leo-and-his-aunt-in-spain\n  - kemi-and-her-aunt-in-nigeria\n",
                        "  - zara-and-her-uncle-in-pakistan\n  - kemi-and-her-aunt-in-nigeria\n")
    monkeypatch.setenv(EVENT_ENV, str(write(tmp_path, text)))
    explorer = CaseStudyExplorer(today=dt.date(2026, 12, 1))
    offered = [value for _, value in explorer.dropdown.options]
    assert offered[:2] == ["zara-and-her-uncle-in-pakistan", "kemi-and-her-aunt-in-nigeria"]
    assert explorer.case.id == "zara-and-her-uncle-in-pakistan"
    assert sorted(offered) == sorted(c.id for c in case_studies())
    monkeypatch.delenv(EVENT_ENV)
    plain = [value for _, value in CaseStudyExplorer(today=dt.date(2026, 12, 1)).dropdown.options]
    assert plain == sorted(offered)  # without an event: the usual order


# --- slides --event -----------------------------------------------------------------------------


def test_slides_event_makes_the_days_decks_with_only_its_cases(tmp_path):
    path = write(tmp_path, GOOD)
    out = tmp_path / "decks"
    result = CliRunner().invoke(main, ["slides", "--event", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in out.glob("*.slides.html"))
    assert made == ["01_special_guardianship.slides.html", "04_case_study_explorer.slides.html"]
    soup = BeautifulSoup((out / "04_case_study_explorer.slides.html").read_text(encoding="utf-8"),
                         "html.parser")
    slides = soup.select("section[data-deck-slide]")
    assert 0 < len(slides) < 30
    text = soup.get_text(" ", strip=True)
    assert case_study("leo-and-his-aunt-in-spain").title in text
    assert case_study("kemi-and-her-aunt-in-nigeria").title in text
    assert case_study("zara-and-her-uncle-in-pakistan").title not in text


def test_the_explorer_deck_keeps_the_events_order_of_cases():
    from workshop_kit.faces.deck import design_deck

    cases = ("leo-and-his-aunt-in-spain", "kemi-and-her-aunt-in-nigeria")
    deck = design_deck(REPO / "notebooks" / "04_case_study_explorer.ipynb", cases=cases)
    titles = [g.title for g in deck.groups if g.title.startswith("Case: ")]
    assert titles == [f"Case: {case_study(c).title}" for c in cases]


def test_the_polls_an_event_chose_are_the_only_ones_served(tmp_path):
    from workshop_kit.faces.polls import poll_handlers

    handlers = poll_handlers(tmp_path, lambda handler: False, "/",
                             only=[DELAY, "route-kemi-and-her-aunt-in-nigeria"])
    assert list(handlers[0][2]["polls"]) == [DELAY, "route-kemi-and-her-aunt-in-nigeria"]
    handlers[0][2]["store"].close()


def test_present_event_uses_the_same_event_folder(tmp_path, user_data, monkeypatch):
    import workshop_kit.faces.polls as polls
    import workshop_kit.faces.webapp as webapp

    seen: list[Path] = []
    monkeypatch.setattr(polls, "poll_handlers", lambda d, *a, **k: seen.append(d) or [])
    monkeypatch.setattr(webapp, "serve", lambda *a, **k: None)
    result = CliRunner().invoke(main, ["present", "01_special_guardianship", "--no-open",
                                       "--event", str(write(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output
    assert seen == [user_data / "events" / "test-day"]


def test_report_event_date_must_be_a_day_of_the_event(tmp_path, user_data):
    result = CliRunner().invoke(main, ["report", "--event", str(write(tmp_path, GOOD)),
                                       "--date", "2026-12-02", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "--date 2026-12-02 is not a day of the event 'test-day' (2026-12-01)" in result.output
    assert not (tmp_path / "out").exists()


def test_an_events_folder_with_an_events_own_provider_file_validates(tmp_path):
    folder = tmp_path / "events"
    folder.mkdir()
    provider = (REPO / "src/workshop_kit/content/provider.yaml").read_text(encoding="utf-8")
    (folder / "my-provider.yaml").write_text(provider, encoding="utf-8")
    write(folder, GOOD + "provider: my-provider.yaml\n")
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert "events: 1 file, 2 workshops, 2 cases" in result.output
    assert "provider: 1 file" in result.output

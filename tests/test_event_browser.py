"""`serve --event`: the landing page shows the day's programme in a real browser, and the
terminal names the event's own poll data folder; a poll answered in the browser is kept in that
folder only, and `report --event` carries it into the day's training pack."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import TRAINER_KEY, start_serve, stop_serve
from workshop_kit.core.content import case_studies, case_study, workshop_plan

pytestmark = pytest.mark.browser

WIDGET_TIMEOUT = 90_000

EVENT = """\
id: browser-day
title: Network Day in the browser
client: Borsetshire County Council
date: {day}
venue: Council Chamber, County Hall
trainers: [Jo Example]
workshops:
  - {id: 02_convention_adoption, start: "09:45"}
  - {id: 01_special_guardianship, start: "13:15"}
cases:
  - leo-and-his-aunt-in-spain
  - kemi-and-her-aunt-in-nigeria
"""


POLL = "01_special_guardianship.biggest_delay"
SHOTS = Path(os.environ.get("WORKSHOP_KIT_SCREENSHOTS", "build/screenshots")) / "event"


def _today_in_the_uk() -> dt.date:
    """The report counts the answers given on the event's day (UK time): the day is today."""
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


def _answer_as_an_attendee(browser, address: str) -> str:
    """The trainer opens the delay poll; an attendee on a device of their own answers it."""
    trainer = browser.new_context(viewport={"width": 1100, "height": 900})
    tpage = trainer.new_page()
    tpage.goto(f"{address}/trainer?key={TRAINER_KEY}", timeout=WIDGET_TIMEOUT)
    tpage.goto(f"{address}/polls/trainer")
    section = tpage.locator(f"#poll-{POLL.replace('.', '_')}")
    section.get_by_role("button", name="Open").click()
    expect(section.locator(".state")).to_have_text("Open")
    attendee = browser.new_context()
    apage = attendee.new_page()
    apage.goto(f"{address}/polls/")
    choice = apage.locator("input[type=radio]").first
    option = choice.get_attribute("value")
    choice.check()
    apage.get_by_role("button", name="Send my answer").click()
    expect(apage.get_by_text("Thank you: your answer is counted.")).to_be_visible()
    attendee.close()
    expect(section.locator("caption")).to_have_text("1 answer so far", timeout=15_000)
    trainer.close()
    assert option
    return option


def _answers(folder: Path) -> list[tuple[str, str]]:
    """(poll, option) of every answer a polls folder keeps (none when it was never made)."""
    import sqlite3

    from workshop_kit.faces.polls import DB_NAME

    if not (folder / DB_NAME).exists():
        return []
    with sqlite3.connect(folder / DB_NAME) as db:
        return list(db.execute("SELECT poll, option FROM answer"))


def test_the_landing_page_shows_the_days_programme(browser, page, tmp_path):
    event = tmp_path / "day.yaml"
    event.write_text(EVENT.replace("{day}", str(_today_in_the_uk())), encoding="utf-8")
    log = tmp_path / "serve.log"
    data = tmp_path / "xdg"
    address, process = start_serve(["--event", str(event), "--pool-size", "0"],
                                   env={"XDG_DATA_HOME": str(data)}, log=log)
    try:
        page.goto(address + "/")
        programme = page.locator(".wk-programme")
        expect(programme).to_be_visible(timeout=WIDGET_TIMEOUT)
        expect(programme.get_by_role("heading", name="Network Day in the browser")).to_be_visible()
        expect(programme).to_contain_text("Borsetshire County Council")
        expect(programme).to_contain_text("Council Chamber, County Hall")
        rows = programme.locator("tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.nth(0)).to_contain_text("09:45")
        expect(rows.nth(0)).to_contain_text(workshop_plan("02_convention_adoption").title)
        expect(rows.nth(1)).to_contain_text("13:15")
        expect(rows.nth(1)).to_contain_text(workshop_plan("01_special_guardianship").title)
        assert page.errors == []
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "event-landing-page.png"), full_page=False)

        # the explorer's kernel reads the same event: the day's first case is the one shown
        page.goto(address + "/voila/render/04_case_study_explorer.ipynb")
        choose = page.get_by_label("Case study", exact=True)
        expect(choose).to_be_visible(timeout=WIDGET_TIMEOUT)
        expect(choose).to_have_value(case_study("leo-and-his-aunt-in-spain").title)
        options = [o.replace("\xa0", " ").strip()  # the widget shows spaces as no-break ones
                   for o in choose.locator("option").all_inner_texts()]
        assert options[:2] == [case_study("leo-and-his-aunt-in-spain").title,
                               case_study("kemi-and-her-aunt-in-nigeria").title]
        assert len(options) == len(case_studies())

        option = _answer_as_an_attendee(browser, address)
    finally:
        stop_serve(process)
    time.sleep(0.2)
    said = log.read_text(encoding="utf-8")
    kept = data / "workshop-kit" / "events" / "browser-day"
    assert f"kept in {kept}" in said

    # the answer is in the event's own folder, and in no other
    assert _answers(kept) == [(POLL, option)]
    others = [f for f in (data / "workshop-kit").rglob("*") if f.is_dir() and f != kept
              and f not in kept.parents]
    assert all(_answers(f) == [] for f in others), others
    assert _answers(data / "workshop-kit" / "polls") == []

    # the day's training pack, from the event file alone, carries what the room answered
    out = tmp_path / "pack"
    made = subprocess.run([sys.executable, "-m", "workshop_kit", "report", "--event", str(event),
                           "--out", str(out)], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "XDG_DATA_HOME": str(data)})
    assert made.returncode == 0, made.stdout + made.stderr
    assert str(kept) in made.stdout + made.stderr  # says which folder it read
    [pack] = out.glob("*.html")
    room = BeautifulSoup(pack.read_text(encoding="utf-8"), "html.parser").find(
        "section", id="room-answers")
    assert room is not None, "the room's answers are missing from the training pack"
    block = room.find("section", attrs={"data-poll": POLL})
    assert block is not None, room.get_text(" ", strip=True)[:300]
    counted = {tr["data-option"]: int(tr.find("td").get_text(strip=True))
               for tr in block.select("tbody tr")}
    assert counted[option] == 1 and sum(counted.values()) == 1

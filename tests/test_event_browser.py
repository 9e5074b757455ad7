"""`serve --event`: the landing page shows the day's programme in a real browser, and the
terminal names the event's own poll data folder."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from conftest import start_serve, stop_serve
from workshop_kit.core.content import case_studies, case_study, workshop_plan

pytestmark = pytest.mark.browser

WIDGET_TIMEOUT = 90_000

EVENT = """\
id: browser-day
title: Network Day in the browser
client: Borsetshire County Council
date: 2026-12-01
venue: Council Chamber, County Hall
trainers: [Jo Example]
workshops:
  - {id: 02_convention_adoption, start: "09:45"}
  - {id: 01_special_guardianship, start: "13:15"}
cases:
  - leo-and-his-aunt-in-spain
  - kemi-and-her-aunt-in-nigeria
"""


def test_the_landing_page_shows_the_days_programme(browser, page, tmp_path):
    event = tmp_path / "day.yaml"
    event.write_text(EVENT, encoding="utf-8")
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
    finally:
        stop_serve(process)
    time.sleep(0.2)
    said = log.read_text(encoding="utf-8")
    assert f"kept in {data / 'workshop-kit' / 'events' / 'browser-day'}" in said

"""axe-core (bundled by axe-playwright-python, offline) on every page of the web app, in attendee
view and in trainer view: no serious or critical violations (WCAG 2.2 AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import TRAINER_KEY

pytestmark = pytest.mark.browser

TIMEOUT = 90_000
PAGES = ["index", "00_orders_compared", "01_special_guardianship", "02_convention_adoption",
         "03_viability_and_support_plans", "04_case_study_explorer"]


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
    return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s), e.g. "
            f"{v['nodes'][0]['target']}"
            for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize("view", ["attendee", "trainer"])
@pytest.mark.parametrize("notebook", PAGES)
def test_no_serious_accessibility_violations(served_app, page, notebook, view):
    if view == "trainer":
        page.goto(f"{served_app}/trainer?key={TRAINER_KEY}")
    page.goto(f"{served_app}/voila/render/{notebook}.ipynb")
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Training material, not legal advice").first).to_be_visible()
    page.wait_for_timeout(1000)  # the last widgets settle
    assert serious_violations(page) == []

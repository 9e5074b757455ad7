"""Every notebook as the web app serves it: it renders, one interaction changes what it shows,
nothing is fetched from outside this computer, and no error output reaches the page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import TRAINER_KEY, outside_requests
from workshop_kit.core.content import workshop_plans

pytestmark = pytest.mark.browser

TIMEOUT = 90_000
WORKSHOPS = [p.notebook.removesuffix(".ipynb") for p in workshop_plans()]
"""Every workshop in content, so a new one is tested as soon as its plan exists."""


def open_page(page, served_app: str, notebook: str):
    page.goto(f"{served_app}/voila/render/{notebook}.ipynb")
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Training material, not legal advice").first).to_be_visible()


def assert_clean(page):
    assert page.locator("[data-mime-type*='stderr']").count() == 0, "error output on the page"
    assert page.locator("text=Traceback").count() == 0
    assert outside_requests(page.requests) == []
    assert page.errors == []


def test_landing_page_lists_every_workshop(served_app, page):
    open_page(page, served_app, "index")
    links = page.locator(".wk-table a")
    expect(links).to_have_count(len(WORKSHOPS))
    links.nth(1).click()
    page.wait_for_url(re.compile(r"/01_special_guardianship\.ipynb"))
    expect(page.get_by_role("heading", name="Special Guardianship with carers overseas")).to_be_visible(
        timeout=TIMEOUT)
    assert_clean(page)


@pytest.mark.parametrize("notebook", WORKSHOPS)
def test_every_workshop_renders_its_plan_in_trainer_view_without_errors(served_app, page, notebook):
    # The served app gives trainer view to the browser that opened the trainer link, not to
    # ?view=trainer in an address.
    page.goto(f"{served_app}/trainer?key={TRAINER_KEY}")
    page.goto(f"{served_app}/voila/render/{notebook}.ipynb")
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Trainer: session timings")).to_be_visible(timeout=TIMEOUT)
    assert_clean(page)


def test_special_guardianship_knowledge_check_gives_feedback(served_app, page):
    open_page(page, served_app, "01_special_guardianship")
    page.locator(".widget-radio-box input[type=radio]").first.check()
    page.get_by_role("button", name="Check question 1").click()
    expect(page.get_by_text(re.compile(r"✓ Correct|✗ Not quite")).first).to_be_visible()
    assert_clean(page)


def test_convention_adoption_country_choice_changes_the_status_shown(served_app, page):
    open_page(page, served_app, "02_convention_adoption")
    country = page.get_by_label("Country where the carers live").first
    country.select_option(label="Nigeria")
    expect(page.locator(".wk-country-status, .wk").filter(has_text="Nigeria").first).to_be_visible()
    expect(page.get_by_text(re.compile("not a party", re.I)).first).to_be_visible()
    assert_clean(page)


def test_viability_serious_concern_makes_the_carer_not_a_realistic_option(served_app, page):
    open_page(page, served_app, "03_viability_and_support_plans")
    # The domains open by group (a card's controls are built when first shown, issue 16).
    page.get_by_role("button", name=re.compile("Show the .* domains: overseas factors")).click()
    rating = page.get_by_label("Rating for Funding of support abroad")
    rating.select_option(label="Serious concern")
    expect(page.get_by_text(re.compile("Not a realistic option")).first).to_be_visible()
    assert_clean(page)


def test_case_explorer_switches_case(served_app, page):
    open_page(page, served_app, "04_case_study_explorer")
    chooser = page.get_by_label("Case study", exact=True)
    chooser.select_option(label="Niamh, 14, and her aunt in Galway")
    expect(page.get_by_role("cell", name="Niamh", exact=True).first).to_be_visible()
    page.get_by_role("tab", name="Timeline").click()
    expect(page.locator("figure svg[role=img]").first).to_be_visible()
    assert_clean(page)


def test_a_date_in_9999_is_said_in_words_in_the_timeline_and_the_planner_keeps_working(
        served_app, page):
    """An error in a widget callback reaches the person as words in the widget (issue 8), never
    as a traceback or a server path; the next valid date works."""
    open_page(page, served_app, "01_special_guardianship")
    planner = page.locator(".wk-timeline-planner")
    notice = planner.get_by_label("SGO notice given to the local authority", exact=True)
    expect(notice).to_be_visible(timeout=TIMEOUT)
    notice.fill("9999-12-31")
    alert = planner.get_by_role("alert")
    expect(alert).to_contain_text("The timeline planner could not do that", timeout=TIMEOUT)
    assert "10000" not in alert.inner_text() and "/" not in alert.inner_text()
    notice.fill("2026-06-01")
    expect(alert).to_have_count(0, timeout=TIMEOUT)
    expect(planner.locator('tr[data-milestone="sgo_notice_period"] td').first).to_have_text(
        "Tue 1 Sep 2026")
    assert_clean(page)


def test_route_finder_questions_open_from_the_keyboard_and_change_the_verdicts(served_app, page):
    """A group of questions opens under its button (built when first opened, issue 16): Enter
    opens it, the button keeps the focus, Tab goes on into its first question."""
    open_page(page, served_app, "01_special_guardianship")
    finder = page.locator(".wk-route-finder")
    toggle = finder.get_by_role("button", name="Show the questions on the child (10)")
    expect(toggle).to_be_visible(timeout=TIMEOUT)
    toggle.focus()
    page.keyboard.press("Enter")
    hide = finder.get_by_role("button", name="Hide the questions on the child")
    expect(hide).to_be_focused()
    page.keyboard.press("Tab")
    expect(finder.get_by_label("Child's first name (fictional)")).to_be_focused()
    finder.get_by_label("Child's right to enter and live there").select_option(label="Refused")
    expect(finder.get_by_text(re.compile("5 not available")).first).to_be_visible()
    assert_clean(page)

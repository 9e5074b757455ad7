"""The web app as a trainer's browser sees it: landing page, links, the live orders widget."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import TRAINER_KEY, outside_requests
from workshop_kit.core.content import workshop_plans

pytestmark = pytest.mark.browser

WIDGET_TIMEOUT = 90_000  # first page of a session starts a kernel; two cores in CI


def column_headings(page) -> list[str]:
    return page.locator(".wk-orders-comparison .wk-table thead th").all_inner_texts()


def test_landing_page_links_to_the_orders_notebook_and_its_widget_responds(served_app, page):
    page.goto(served_app + "/")
    expect(page.get_by_role("heading", name=re.compile("Network Days"))).to_be_visible(
        timeout=WIDGET_TIMEOUT)
    expect(page.get_by_text("Training material, not legal advice").first).to_be_visible()
    for plan in workshop_plans():  # every workshop in content is linked, by its title
        expect(page.get_by_role("link", name=plan.title, exact=True)).to_be_visible()

    page.get_by_role("link", name="Orders compared").click()
    page.wait_for_url(re.compile(r"/voila/render/00_orders_compared\.ipynb"))
    table = page.locator(".wk-orders-comparison .wk-table")
    expect(table).to_be_visible(timeout=WIDGET_TIMEOUT)
    assert column_headings(page) == ["Feature", "Adoption", "SGO"]

    page.get_by_label("Child Arrangements Order (lives with)", exact=True).check()
    expect(page.locator(".wk-orders-comparison .wk-table thead th")).to_have_count(4)
    assert column_headings(page)[-1] == "CAO"

    page.get_by_label("Adoption Order", exact=True).uncheck()
    expect(page.locator(".wk-orders-comparison .wk-table thead th")).to_have_count(3)
    rows_before = page.locator(".wk-orders-comparison .wk-table tbody tr").count()
    page.get_by_label("Show only the rows where they differ", exact=True).check()
    # SGO and CAO say the same about nationality, so that row goes.
    expect(page.locator(".wk-orders-comparison .wk-table tbody tr")).to_have_count(rows_before - 1)
    expect(page.locator(".wk-orders-comparison .wk-table tbody th", has_text="nationality")).to_have_count(0)

    page.get_by_label("Special Guardianship Order", exact=True).uncheck()
    expect(page.get_by_text("Choose at least 2 orders")).to_be_visible()
    expect(table).to_have_count(0)

    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert outside_requests(page.requests) == [], "the web app must not fetch from the internet"
    assert page.errors == []


def test_orders_widget_is_usable_from_the_keyboard(served_app, page):
    page.goto(served_app + "/voila/render/00_orders_compared.ipynb")
    expect(page.locator(".wk-orders-comparison .wk-table")).to_be_visible(timeout=WIDGET_TIMEOUT)
    care = page.get_by_label("Care Order (long-term fostering)", exact=True)
    care.focus()
    page.keyboard.press("Space")
    expect(care).to_be_checked()
    expect(page.locator(".wk-orders-comparison .wk-table thead th").last).to_have_text("Care Order")
    source = page.locator(".wk-source summary").first
    source.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".wk-source[open]").first).to_contain_text("Last reviewed")


def test_code_is_hidden_and_server_files_are_not_browsable(served_app, page):
    page.goto(served_app + "/voila/render/00_orders_compared.ipynb")
    expect(page.locator(".wk-orders-comparison .wk-table")).to_be_visible(timeout=WIDGET_TIMEOUT)
    assert "OrdersComparison()" not in page.content()
    for path in ("/api/contents", "/tree", "/lab"):
        response = page.request.get(served_app + path, max_redirects=5)
        assert response.status in {403, 404}, path


def test_trainer_view_needs_the_trainer_link_and_attendee_view_is_the_default(served_app, page):
    page.goto(served_app + "/voila/render/00_orders_compared.ipynb?view=trainer",
              timeout=WIDGET_TIMEOUT)
    expect(page.locator(".wk-orders-comparison .wk-table")).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(page.get_by_text("Trainer: session timings")).to_have_count(0)

    page.goto(f"{served_app}/trainer?key={TRAINER_KEY}", timeout=WIDGET_TIMEOUT)
    page.goto(served_app + "/voila/render/00_orders_compared.ipynb", timeout=WIDGET_TIMEOUT)
    expect(page.get_by_text("Trainer: session timings")).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(page.get_by_text("Model answer:").first).to_be_visible()

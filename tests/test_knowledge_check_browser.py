"""The knowledge check as a projected room sees it in the web app: a checked answer stays readable
(WCAG AA contrast), a wrong answer can be tried again, and the heading is said once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import outside_requests
from workshop_kit.core.content import question_bank, workshop_plan

pytestmark = pytest.mark.browser

TIMEOUT = 90_000
CONTRAST = """(label) => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  let opacity = 1, el = label;
  for (; el; el = el.parentElement) opacity *= Number(getComputedStyle(el).opacity);
  const [r, g, b, a = 1] = rgb(getComputedStyle(label).color);
  opacity *= a;
  const mix = c => c * opacity + 255 * (1 - opacity);  // text over the page's white
  const lum = c => { c = c / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const L = 0.2126 * lum(mix(r)) + 0.7152 * lum(mix(g)) + 0.0722 * lum(mix(b));
  return (1.05) / (L + 0.05);
}"""


def test_checked_answer_stays_readable_and_a_wrong_one_can_be_tried_again(served_app, page):
    bank = question_bank(workshop_plan("00_orders_compared").quiz)
    first = bank.questions[0]
    values = [value for _, value in first.choices]
    right = values.index(first.answer)
    wrong = (right + 1) % len(values)
    page.goto(f"{served_app}/voila/render/00_orders_compared.ipynb")
    question = page.locator(".wk-question").first
    expect(question).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"^Knowledge check"))).to_have_count(1)
    expect(page.get_by_text("then press its Check button")).to_have_count(0)

    radios = question.locator(".widget-radio-box input[type=radio]")
    radios.nth(wrong).check()
    question.get_by_role("button", name="Check question 1").click()
    expect(question.get_by_text("✗ Not quite.")).to_be_visible()
    radios.nth(right).check()
    question.get_by_role("button", name="Check question 1 again").click()
    expect(question.get_by_text("✓ Correct.")).to_be_visible()
    expect(radios.nth(right)).to_be_disabled()

    label = question.locator(".widget-radio-box label").nth(right)
    ratio = label.evaluate(CONTRAST)
    assert ratio >= 4.5, f"the chosen answer's text is {ratio:.2f}:1 against the page"
    assert outside_requests(page.requests) == []


def test_next_question_by_keyboard_keeps_the_focus_and_says_which_question_is_shown(
        served_app, page):
    """One question at a time (issue 16): Next is reached and pressed with the keyboard, keeps
    the focus, and the status line says which question is shown; Shift+Tab back reaches it."""
    page.goto(f"{served_app}/voila/render/00_orders_compared.ipynb")
    check = page.locator(".wk-knowledge-check")
    expect(check.locator(".wk-question")).to_be_visible(timeout=TIMEOUT)
    expect(check.get_by_text("Showing question 1 of")).to_be_visible()
    following = check.get_by_role("button", name="Next question")
    following.focus()
    page.keyboard.press("Enter")
    expect(check.get_by_text("Showing question 2 of")).to_be_visible()
    expect(check.get_by_role("button", name="Check question 2")).to_be_visible()
    expect(following).to_be_focused()
    page.keyboard.press("Enter")
    expect(check.get_by_text("Showing question 3 of")).to_be_visible()
    check.get_by_role("button", name="Previous question").click()
    expect(check.locator(".wk-question")).to_have_count(1)
    expect(check.get_by_role("button", name="Check question 2")).to_be_visible()

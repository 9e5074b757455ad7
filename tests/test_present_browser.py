"""Live slides as the room and the trainer see them: served by the web app, offline, live
widgets, keyboard navigation, speaker notes only for the trainer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import TRAINER_KEY, outside_requests
from test_accessibility import serious_violations
from workshop_kit.core.content import workshop_plan

pytestmark = pytest.mark.browser

TIMEOUT = 120_000  # a presentation starts its own kernel; two busy cores in CI
SLIDES = "/present/01_special_guardianship"
PLAN = workshop_plan("01_special_guardianship")
TRAINER_NOTE = PLAN.section("what_it_does").trainer_notes[0]
ANSWERED = next(d for d in PLAN.discussion if d.model_answer)
MODEL_ANSWER = ANSWERED.model_answer
NOTICE = "Training material, not legal advice"
READY = "document.body !== null && document.body.classList.contains('wk-slides-ready')"


def open_slides(page, url: str) -> None:
    page.goto(url, timeout=TIMEOUT)
    page.wait_for_function(READY, timeout=TIMEOUT)
    page.wait_for_selector(".wk-orders-comparison .wk-table", state="attached", timeout=TIMEOUT)


def indices(page) -> tuple[int, int]:
    found = page.evaluate("Reveal.getIndices()")
    return found["h"], found["v"]


def current(page):
    return page.locator(".reveal .slides section.wk-slide.present")


def go_to_slide_with(page, selector: str) -> None:
    """Show the slide holding `selector` (the way there by keyboard is tested separately)."""
    page.evaluate("""selector => {
        const slide = document.querySelector(selector).closest('section.wk-slide');
        Reveal.slide(...Object.values(Reveal.getIndices(slide)));
    }""", selector)


def record_websocket_text(page) -> list[str]:
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda payload: frames.append(
            payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))))
    return frames


def test_attendee_slides_load_offline_with_live_widgets_and_no_trainer_text(served_app, page):
    frames = record_websocket_text(page)
    open_slides(page, served_app + SLIDES)
    assert page.url.endswith("01_special_guardianship.ipynb?template=workshop_reveal#/")
    assert page.evaluate("Reveal.getTotalSlides()") >= len(PLAN.sections) + 4
    expect(page.locator(".wk-slide-footer")).to_contain_text(NOTICE)
    # The workshop template's connection-lost banner (and its heartbeat) come with the slides.
    expect(page.locator("#wk-connection-lost")).to_have_count(1)
    expect(page.locator("#wk-connection-lost")).to_be_hidden()
    expect(page.locator(".wk-slide-footer")).to_be_in_viewport()
    expect(current(page).get_by_role("heading", name=re.compile("Special Guardianship"))).to_be_visible()
    assert serious_violations(page) == []

    page.keyboard.press("ArrowRight")
    table = current(page).locator(".wk-orders-comparison .wk-table")
    expect(table).to_be_visible()
    heads = table.locator("thead th")
    before = heads.count()
    current(page).get_by_label("Care Order (long-term fostering)", exact=True).check()
    expect(heads).to_have_count(before + 1)
    expect(heads.last).to_have_text("Care Order")
    expect(page.locator(".wk-slide-footer")).to_be_in_viewport()

    html = page.content()
    for trainer_text in (TRAINER_NOTE, MODEL_ANSWER, "Trainer notes", "Trainer: session timings",
                         "Present this workshop"):
        assert trainer_text not in html
        assert not any(trainer_text in frame for frame in frames), trainer_text
    assert any("Care Order" in frame for frame in frames)  # the socket was read
    assert outside_requests(page.requests) == [], "live slides must not fetch from the internet"
    assert page.errors == []

    page.keyboard.press("Escape")  # the checkbox had the keyboard
    with page.context.expect_page() as speaker_window:
        page.keyboard.press("s")
    expect(speaker_window.value.locator("#wk-notes")).to_contain_text("No speaker notes")


def test_arrow_keys_and_space_move_through_the_slides_but_typing_in_a_widget_does_not(served_app, page):
    open_slides(page, served_app + SLIDES)
    assert indices(page) == (0, 0)
    page.keyboard.press("ArrowRight")
    assert indices(page) == (1, 0)
    page.keyboard.press("Space")
    assert indices(page) == (1, 1)  # the section's key points, below its widget
    page.keyboard.press("ArrowRight")
    assert indices(page) == (2, 0)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert indices(page) == (1, 0)
    current(page).focus()  # a slide can take focus (to scroll it); the keys still move on
    page.keyboard.press("ArrowRight")
    assert indices(page) == (1, 1)

    go_to_slide_with(page, ".wk-route-finder")
    where = indices(page)
    # The child's questions open under their button (built when first opened, issue 16).
    current(page).get_by_role("button", name="Show the questions on the child (10)").click()
    name = page.get_by_label("Child's first name (fictional)")
    name.click()
    name.fill("")
    page.keyboard.type("Kemi")
    for key in ("ArrowLeft", "ArrowRight", "Space", "ArrowDown", "End", "s"):
        page.keyboard.press(key)
    assert indices(page) == where, "keys typed in a text box must stay in the text box"
    expect(name).to_have_value(re.compile("^Kemi"))
    page.keyboard.press("Escape")  # hands the keyboard back to the slides
    page.keyboard.press("ArrowRight")
    assert indices(page) != where


def test_every_slide_fits_the_screen_or_scrolls_inside_itself(served_app, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_slides(page, served_app + SLIDES)
    page.wait_for_selector(".wk-route-finder", state="attached", timeout=TIMEOUT)
    footer_top = page.locator(".wk-slide-footer").bounding_box()["y"]
    total = page.evaluate("Reveal.getTotalSlides()")
    tall = 0
    for number in range(total):
        box = current(page).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= footer_top + 1, number
        sizes = current(page).evaluate("""s => ({h: s.scrollHeight, c: s.clientHeight,
            w: s.scrollWidth, cw: s.clientWidth, overflow: getComputedStyle(s).overflowY})""")
        assert sizes["w"] <= sizes["cw"] + 1, f"slide {number + 1} is cut off on the right"
        if sizes["h"] > sizes["c"] + 2:
            tall += 1
            assert sizes["overflow"] in {"auto", "scroll"}, f"slide {number + 1} is cut off"
            # Its last line can be scrolled into view above the footer.
            reached = current(page).evaluate("""s => { s.scrollTop = s.scrollHeight;
                const last = s.lastElementChild.getBoundingClientRect();
                return last.bottom <= s.getBoundingClientRect().bottom + 1; }""")
            assert reached, f"slide {number + 1}: the end cannot be reached"
            current(page).evaluate("s => { s.scrollTop = 0; }")
            page.keyboard.press("ArrowDown")  # ↓ scrolls a tall slide before moving on
            assert current(page).evaluate("s => s.scrollTop") > 0
            current(page).evaluate("s => { s.scrollTop = 0; }")
        page.evaluate("Reveal.next()")
    assert tall >= 1  # the live widgets are taller than a screen: the check above ran


def test_the_trainer_presents_from_the_page_and_sees_the_notes_of_each_slide(served_app, page):
    frames = record_websocket_text(page)
    page.goto(f"{served_app}/trainer?key={TRAINER_KEY}", timeout=TIMEOUT)
    page.goto(served_app + "/voila/render/01_special_guardianship.ipynb", timeout=TIMEOUT)
    link = page.get_by_role("link", name="Present this workshop as live slides")
    expect(link).to_be_visible(timeout=TIMEOUT)
    link.click()
    page.wait_for_url(re.compile(r"template=workshop_reveal"), timeout=TIMEOUT)
    page.wait_for_function(READY, timeout=TIMEOUT)
    page.wait_for_selector(".wk-orders-comparison .wk-table", state="attached", timeout=TIMEOUT)
    assert "template=workshop_reveal" in page.url
    assert serious_violations(page) == []
    view_line = current(page).locator("p.wk-note", has_text="Trainer view")
    expect(view_line).to_have_count(1)
    expect(view_line).to_be_hidden()  # the projector shows the slide, not the trainer's lines

    page.keyboard.press("ArrowRight")
    section = page.locator(".reveal .slides > section.wk-section.present")
    notes_on_slide = section.locator(".wk-trainer-only").filter(has_text="Trainer notes")
    expect(notes_on_slide).to_have_count(1)
    expect(notes_on_slide).to_be_hidden()

    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    notes = speaker.locator("#wk-notes")
    expect(notes).to_contain_text(TRAINER_NOTE)
    expect(speaker.locator("#wk-title")).to_have_text("What the order does and does not do")
    expect(speaker.locator("#wk-where")).to_have_text(re.compile(r"Slide 2 of \d+"))

    page.bring_to_front()
    go_to_slide_with(page, ".wk-trainer-only .wk-note")  # the discussion's model answers
    expect(notes).to_contain_text(MODEL_ANSWER)
    expect(notes).to_contain_text(ANSWERED.prompt)  # each answer under the prompt it answers
    expect(notes).not_to_contain_text(TRAINER_NOTE)
    speaker.locator("#wk-forward").click()
    expect(speaker.locator("#wk-title")).to_have_text("Knowledge check")
    assert any(TRAINER_NOTE in frame for frame in frames) or TRAINER_NOTE in page.content()
    assert outside_requests(page.requests) == []
    assert len([p for p in page.context.pages if "template=workshop_reveal" in p.url]) == 1


def test_only_the_web_apps_own_templates_can_be_asked_for(served_app, page):
    """Voilà's stock templates load from CDNs: asking for one gets the workshop page."""
    response = page.request.get(served_app + "/voila/render/00_orders_compared.ipynb"
                                "?template=reveal", timeout=TIMEOUT)
    body = response.text()
    assert response.status == 200
    assert "cdn.jsdelivr" not in body and "unpkg.com" not in body
    assert "present-assets" not in body
    missing = page.request.get(served_app + "/present/no_such_workshop")
    assert missing.status == 404
    assert "There is no workshop at this address" in missing.text()

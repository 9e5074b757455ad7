"""The web app in front of a room: content checked before anyone sees it, a broken file that
breaks one part of one page in words, trainer-only text that never reaches an attendee's browser,
and a plain "room is full" page past the cap."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html import escape

import pytest
from playwright.sync_api import expect

from conftest import REPO, TRAINER_KEY, outside_requests, start_serve, stop_serve
from workshop_kit.core.content import workshop_plan

TIMEOUT = 90_000
NOTEBOOKS = ["index", "00_orders_compared", "01_special_guardianship", "02_convention_adoption",
             "03_viability_and_support_plans", "04_case_study_explorer"]
VOILA_ERROR = "There was an error when executing cell"


def broken_copy_of_a_case(folder):
    """A case file whose id does not match its name: the kind of slip a trainer makes."""
    good = (REPO / "case_studies" / "leo-and-his-aunt-in-spain.yaml").read_text()
    (folder / "leo-copy-for-tuesday.yaml").write_text(good)


def trainer_only_texts() -> list[str]:
    """Text that only trainer view may carry: headings and the plan's own notes and answers."""
    plan = workshop_plan("00_orders_compared")
    notes = [n for s in plan.sections for n in s.trainer_notes]
    answers = [d.model_answer for d in plan.discussion if d.model_answer]
    return ["Trainer: session timings", "Model answer", "Trainer notes",
            *(t[:40] for t in notes + answers)]


def open_page(page, base: str, notebook: str) -> None:
    page.goto(f"{base}/voila/render/{notebook}.ipynb", timeout=TIMEOUT)
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Training material, not legal advice").first).to_be_visible()


def become_trainer(page, base: str) -> None:
    page.goto(f"{base}/trainer?key={TRAINER_KEY}", timeout=TIMEOUT)
    expect(page.get_by_role("heading", name=re.compile("Network Days"))).to_be_visible(
        timeout=TIMEOUT)


def assert_readable(page) -> None:
    assert page.locator(f"text={VOILA_ERROR}").count() == 0, "Voilà's error box on the page"
    assert page.locator("[data-mime-type*='stderr']").count() == 0
    assert page.locator("text=Traceback").count() == 0
    assert outside_requests(page.requests) == []
    assert page.errors == []


# --- content checked before the room sees it -------------------------------------------------

def test_serve_refuses_to_start_with_the_messages_validate_gives(tmp_path):
    cases = tmp_path / "case_studies"
    shutil.copytree(REPO / "case_studies", cases)
    broken_copy_of_a_case(cases)
    result = subprocess.run([sys.executable, "-m", "workshop_kit", "serve", "--port", "8999"],
                            capture_output=True, text=True, timeout=120, cwd=REPO,
                            env={**os.environ, "WORKSHOP_KIT_CASE_STUDIES": str(cases)})
    assert result.returncode == 1
    assert "leo-copy-for-tuesday.yaml" in result.stderr and "[id]" in result.stderr
    assert "did not start" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


# --- a file broken while serving ------------------------------------------------------------

@pytest.fixture(scope="module")
def app_with_own_cases(tmp_path_factory):
    cases = tmp_path_factory.mktemp("serving") / "case_studies"
    shutil.copytree(REPO / "case_studies", cases)
    log = cases.parent / "serve.log"
    base, process = start_serve(["--pool-size", "0"],
                                env={"WORKSHOP_KIT_CASE_STUDIES": str(cases)}, log=log)
    yield base, cases, log
    stop_serve(process)


@pytest.mark.browser
def test_a_case_file_broken_while_serving_leaves_every_page_readable(app_with_own_cases, page):
    base, cases, log = app_with_own_cases
    broken_copy_of_a_case(cases)
    for notebook in NOTEBOOKS:
        open_page(page, base, notebook)
        expect(page.locator(".jupyter-widgets").first).to_be_visible(timeout=TIMEOUT)
        assert_readable(page)

    # The explorer says, in words, that one case cannot be shown, and the others still open.
    notice = page.locator(".wk-content-problem")
    expect(notice).to_contain_text("One case study cannot be shown right now")
    expect(notice).not_to_contain_text("leo-copy-for-tuesday")  # file names are for the trainer
    page.get_by_label("Case study", exact=True).select_option(
        label="Niamh, 14, and her aunt in Galway")
    expect(page.get_by_role("cell", name="Niamh", exact=True).first).to_be_visible()
    notice.scroll_into_view_if_needed()
    page.screenshot(path=str(cases.parent / "broken-case-attendee.png"))
    assert "content problem in the case-study explorer: case_studies/leo-copy-for-tuesday.yaml" \
        in log.read_text()


@pytest.mark.browser
def test_trainer_view_names_the_broken_file_and_field(app_with_own_cases, page):
    base, cases, _log = app_with_own_cases
    broken_copy_of_a_case(cases)
    become_trainer(page, base)
    open_page(page, base, "04_case_study_explorer")
    notice = page.locator(".wk-content-problem")
    expect(notice).to_contain_text("case_studies/leo-copy-for-tuesday.yaml", timeout=TIMEOUT)
    expect(notice).to_contain_text("[id]")
    assert str(cases) not in page.content(), "no server path in the browser"
    notice.scroll_into_view_if_needed()
    page.screenshot(path=str(cases.parent / "broken-case-trainer.png"))
    assert_readable(page)


# --- trainer view stays with the trainer ----------------------------------------------------

def record_websocket_frames(page) -> list[str]:
    frames: list[str] = []

    def on_socket(ws):
        def keep(payload):
            frames.append(payload if isinstance(payload, str)
                          else payload.decode("utf-8", "replace"))
        ws.on("framereceived", keep)
        ws.on("framesent", keep)

    page.on("websocket", on_socket)
    return frames


def trainer_text_found(texts: list[str], *haystacks: str) -> list[str]:
    found = []
    for text in texts:
        forms = {text, escape(text), escape(text, quote=False), text.encode("unicode_escape").decode()}
        if any(form in hay for hay in haystacks for form in forms):
            found.append(text)
    return found


@pytest.mark.browser
@pytest.mark.parametrize("address", ["00_orders_compared.ipynb",
                                     "00_orders_compared.ipynb?view=trainer"])
def test_attendee_pages_carry_no_trainer_only_text(served_app, page, address):
    frames = record_websocket_frames(page)
    raw = page.request.get(f"{served_app}/voila/render/{address}", timeout=TIMEOUT).text()
    page.goto(f"{served_app}/voila/render/{address}", timeout=TIMEOUT)
    expect(page.locator(".wk-orders-comparison .wk-table")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_role("radio").first).to_be_visible()  # the knowledge check, last widget
    page.wait_for_timeout(1500)
    assert frames, "the page's websocket traffic was recorded"
    assert trainer_text_found(trainer_only_texts(), raw, page.content(), *frames) == []
    assert page.get_by_role("button", name="Trainer view").count() == 0, "no switch to trainer view"


@pytest.mark.browser
def test_the_trainer_link_makes_this_browser_the_trainers_across_pages(served_app, page):
    frames = record_websocket_frames(page)
    become_trainer(page, served_app)
    page.get_by_role("link", name="Orders compared").click(no_wait_after=True)
    expect(page.get_by_text("Trainer: session timings")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Model answer:").first).to_be_visible()
    page.reload(timeout=TIMEOUT)
    expect(page.get_by_text("Trainer: session timings")).to_be_visible(timeout=TIMEOUT)
    assert trainer_text_found(trainer_only_texts(), *frames), "the check above can fail"


def test_a_wrong_trainer_key_gets_a_plain_404(served_app, browser):
    context = browser.new_context()
    response = context.request.get(f"{served_app}/trainer?key=guess", max_redirects=0)
    assert response.status == 404
    assert "workshop_kit_trainer" not in (response.headers.get("set-cookie") or "")
    context.close()


# --- a full house ---------------------------------------------------------------------------

@pytest.mark.browser
def test_past_the_cap_a_plain_room_is_full_page_with_retry_after(page, browser, tmp_path):
    base, process = start_serve(["--pool-size", "0", "--max-attendees", "1"])
    try:
        open_page(page, base, "00_orders_compared")
        second = browser.new_context().new_page()
        response = second.goto(f"{base}/voila/render/01_special_guardianship.ipynb",
                               timeout=TIMEOUT)
        assert response.status == 503
        assert response.headers["retry-after"] == "60"
        expect(second.get_by_role("heading", name="This room is full — try again in a minute")
               ).to_be_visible()
        assert second.locator("html[lang]").count() == 1
        second.screenshot(path=str(tmp_path / "full-house.png"))
        second.context.close()
    finally:
        stop_serve(process)


# --- serving a venue network ----------------------------------------------------------------

@pytest.mark.browser
def test_room_mode_binds_all_interfaces_and_shows_the_address_and_qr_code(page, tmp_path):
    """Bound to every interface, but this test talks to 127.0.0.1 only."""
    import psutil

    log = tmp_path / "serve.log"
    base, process = start_serve(["--room", "--pool-size", "0"], log=log)
    try:
        port = int(base.rsplit(":", 1)[1])
        listening = {c.laddr.ip for c in psutil.Process(process.pid).net_connections("inet")
                     if c.status == psutil.CONN_LISTEN and c.laddr.port == port}
        assert "0.0.0.0" in listening
        printed = log.read_text()
        address = re.search(r"Attendees open: (http://[0-9.]+:\d+/)", printed).group(1)
        assert "▄" in printed or "█" in printed, "a QR code in the terminal"
        become_trainer(page, base)
        expect(page.get_by_role("heading", name=f"Attendees: open {address}")).to_be_visible(
            timeout=TIMEOUT)
        expect(page.locator("svg title", has_text=f"QR code for {address}")).to_have_count(1)
        attendee = page.context.browser.new_context().new_page()
        attendee.goto(f"{base}/voila/render/index.ipynb", timeout=TIMEOUT)
        expect(attendee.locator(".wk-table a").first).to_be_visible(timeout=TIMEOUT)
        assert attendee.get_by_text("Attendees: open").count() == 0
        attendee.context.close()
    finally:
        stop_serve(process)


@pytest.mark.browser
def test_a_lost_connection_says_so_instead_of_looking_alive(page):
    base, process = start_serve(["--pool-size", "0"])
    try:
        open_page(page, base, "00_orders_compared")
        expect(page.locator(".wk-orders-comparison .wk-table")).to_be_visible(timeout=TIMEOUT)
        banner = page.get_by_role("alert").filter(has_text="Connection lost — reload the page")
        expect(banner).to_be_hidden()
    finally:
        stop_serve(process)
    expect(banner).to_be_visible(timeout=20_000)

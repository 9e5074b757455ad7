"""The JupyterLite site (`workshop-kit lite`): pinned wheels agree with the constraints, and every
notebook runs in Chromium with every request beyond loopback aborted, its route finder and timeline
planner answering a change."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_kit.faces.lite import pinned_wheels

REPO = Path(__file__).resolve().parents[1]
SCREENS = REPO / "build" / "screenshots" / "lite"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_pinned_wheels_match_the_constraints() -> None:
    constraints = {}
    for line in (REPO / "requirements" / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            constraints[_canonical(name)] = version.strip()
    drift = [f"{pin.name} {pin.version} (constraints: {constraints[_canonical(pin.name)]})"
             for pin in pinned_wheels() if constraints.get(_canonical(pin.name), pin.version) != pin.version]
    assert not drift, "lite/wheels.toml differs from requirements/constraints.txt: " + ", ".join(drift)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def lite_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the site once per session and serve it on loopback with a plain static server."""
    from workshop_kit.faces.lite import build

    site = build(tmp_path_factory.mktemp("lite") / "site")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def _gate(blocked: list[str]):  # type: ignore[no-untyped-def]
    """A route handler: loopback goes through, anything else is aborted and recorded."""
    def gate(route, request) -> None:  # type: ignore[no-untyped-def]
        if request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(request.url)
            route.abort()
    return gate


@pytest.fixture(scope="module")
def lite_page(browser, lite_site: str):  # type: ignore[no-untyped-def]
    """One page for every notebook (the browser cache keeps the runtime between them), with every
    request beyond loopback aborted and recorded in `page.blocked`."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocked: list[str] = []
    context.route("**/*", _gate(blocked))
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "leave the page?" when moving on
    page.blocked = blocked
    yield page
    context.close()


def _run_all(page, site: str, notebook: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site}notebooks/index.html?path={notebook}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # The kernel is idle once Pyodide and every preloaded wheel are in.
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    page.get_by_role("menuitem", name="Run").click()
    page.locator("li[data-command='runmenu:run-all']").click()
    page.wait_for_selector(".widget-box, .jupyter-widgets", timeout=120_000)
    # Every cell has run: no cell is left waiting ([*]) or unrun ([ ]).
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                 .every(p => /\\[\\d+\\]/.test(p.textContent))""", timeout=180_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)


def _errors(page) -> list[str]:  # type: ignore[no-untyped-def]
    outputs = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
                           " .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
    found = outputs.all_inner_texts()
    body = page.locator(".jp-Notebook").inner_text()
    return found + (["Traceback in the page"] if "Traceback" in body else [])


def _use_the_route_finder(page):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    finder = page.locator(".wk-route-finder")
    verdicts = finder.locator(".wk-verdicts")
    before = verdicts.inner_text()
    # The carers' questions open under a button, built when first opened (issue 16).
    finder.get_by_role("button", name=re.compile(r"Show the questions on the carers")).click()
    country = finder.get_by_label("Country where the carers live")
    chosen = country.evaluate("select => select.options[select.selectedIndex].text")
    country.select_option(label="Spain" if chosen == "Nigeria" else "Nigeria")
    expect(verdicts).not_to_have_text(before, timeout=30_000)
    return finder


def _use_the_timeline_planner(page):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    planner = page.locator(".wk-timeline-planner")
    table = planner.locator("tbody").first
    before = table.inner_text()
    first_date = planner.locator("input[type=date]").first
    first_date.fill("2026-06-01" if first_date.input_value() != "2026-06-01" else "2026-09-01")
    expect(table).not_to_have_text(before, timeout=30_000)
    # A date it cannot handle is said in words in the widget, and the next good date clears it.
    alert = planner.get_by_role("alert")
    first_date.fill("9999-12-31")
    expect(alert).to_contain_text("could not do that", timeout=30_000)
    expect(alert).to_be_visible()
    first_date.fill("2026-06-01")
    expect(alert).to_have_count(0, timeout=30_000)
    return planner


def _use_the_page_view_switch(page):  # type: ignore[no-untyped-def]
    """As on Binder: a presentation switch, not a password (the notes are in the notebook)."""
    from playwright.sync_api import expect

    timings = page.get_by_text("Trainer: session timings")
    expect(timings.first).to_be_hidden()
    page.get_by_role("button", name="Trainer view").first.click()
    expect(timings.first).to_be_visible(timeout=30_000)
    return page.locator(".jp-Cell").filter(has=page.get_by_text("Trainer: session timings")).first


NOTEBOOKS = {
    "index.ipynb": ("Special Guardianship with carers overseas", []),
    "00_orders_compared.ipynb": ("Special guardianship", []),
    "01_special_guardianship.ipynb": ("Special guardianship",
                                      [_use_the_route_finder, _use_the_timeline_planner]),
    "02_convention_adoption.ipynb": ("adoption", [_use_the_route_finder, _use_the_timeline_planner]),
    "03_viability_and_support_plans.ipynb": ("Viability", []),
    "04_case_study_explorer.ipynb": ("Amira", []),
}


@pytest.mark.browser
@pytest.mark.parametrize("notebook", list(NOTEBOOKS))
def test_notebook_runs_offline_in_the_browser(lite_page, lite_site: str, notebook: str) -> None:
    """Every cell runs in Pyodide with nothing fetched beyond this computer; the route finder and
    the timeline planner answer a change as they do on a served page."""
    text, uses = NOTEBOOKS[notebook]
    _run_all(lite_page, lite_site, notebook)
    SCREENS.mkdir(parents=True, exist_ok=True)
    lite_page.screenshot(path=str(SCREENS / f"{notebook}.png"), full_page=False)
    assert text in lite_page.locator(".jp-Notebook").inner_text()
    for use in uses:
        used = use(lite_page)  # the widget, after the change: looked at in the screenshot
        used.screenshot(path=str(SCREENS / f"{notebook}.{use.__name__.removeprefix('_use_the_')}.png"))
    assert lite_page.blocked == [], f"requests beyond loopback: {lite_page.blocked[:5]}"
    assert _errors(lite_page) == []


@pytest.mark.browser
def test_the_page_view_switch_shows_the_trainer_notes_as_on_binder(lite_page, lite_site: str) -> None:
    _run_all(lite_page, lite_site, "01_special_guardianship.ipynb")
    _use_the_page_view_switch(lite_page)


def test_lite_handlers_serve_the_built_site(tmp_path: Path) -> None:
    import asyncio
    import concurrent.futures

    from tornado.httpclient import AsyncHTTPClient
    from tornado.httpserver import HTTPServer
    from tornado.testing import bind_unused_port
    from tornado.web import Application

    from workshop_kit.faces.lite import lite_handlers

    assert lite_handlers("/", tmp_path) == []  # not built: no rules
    (tmp_path / "index.html").write_text("<p>lite</p>")

    async def fetch() -> tuple[int, bytes]:
        sock, port = bind_unused_port()
        server = HTTPServer(Application(lite_handlers("/", tmp_path)))
        server.add_sockets([sock])
        answer = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/lite/")
        server.stop()
        return answer.code, answer.body

    # On a thread of its own: Playwright's sync API keeps a loop running in the test thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, fetch()).result() == (200, b"<p>lite</p>")


def test_the_start_message_offers_the_in_browser_edition_when_it_is_built() -> None:
    from workshop_kit.faces import webapp

    said = webapp.startup_message(webapp.RoomSettings(port=8866, trainer_key="k", lite=True))
    assert "Run in your own browser (no kernel on this laptop): http://127.0.0.1:8866/lite/" in said
    unbuilt = webapp.startup_message(webapp.RoomSettings(port=8866, trainer_key="k", lite=False))
    assert "not built: run `make lite`" in unbuilt and "Run in your own browser" not in unbuilt


def test_the_landing_page_offers_the_in_browser_edition_and_tells_the_trainer_how_to_build_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop_kit.faces import workshop_page
    from workshop_kit.faces.page_mode import SERVED_ENV
    from workshop_kit.faces.room import LITE_URL_ENV

    monkeypatch.setenv(SERVED_ENV, "1")
    monkeypatch.setenv(LITE_URL_ENV, "http://10.0.0.5:8866/lite/")
    offered = workshop_page._index("attendee")
    assert "Run in your own browser" in offered and 'href="http://10.0.0.5:8866/lite/"' in offered
    monkeypatch.delenv(LITE_URL_ENV)
    assert "make lite" in workshop_page._index("trainer")
    assert "make lite" not in workshop_page._index("attendee")  # the room is not told to build
    monkeypatch.delenv(SERVED_ENV)  # JupyterLab, Binder, the in-browser edition itself
    assert "wk-lite-offer" not in workshop_page._index("trainer")

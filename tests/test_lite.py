"""The JupyterLite site (`workshop-kit lite`): pinned wheels agree with the constraints, and a workshop
notebook runs in Chromium with every request beyond loopback aborted."""

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


@pytest.mark.browser
@pytest.mark.parametrize("notebook,widget_text", [("00_orders_compared.ipynb", "Special guardianship"),
                                                  ("04_case_study_explorer.ipynb", "Amira")])
def test_notebook_runs_offline_in_the_browser(browser, lite_site: str, notebook: str,
                                              widget_text: str) -> None:
    blocked: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()

    def gate(route, request) -> None:  # type: ignore[no-untyped-def]
        if request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(request.url)
            route.abort()

    try:
        page.route("**/*", gate)
        page.goto(f"{lite_site}notebooks/index.html?path={notebook}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        # The kernel is idle once Pyodide and every preloaded wheel are in.
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.get_by_role("menuitem", name="Run").click()
        page.locator("li[data-command='runmenu:run-all']").click()
        page.wait_for_selector(".widget-box, .jupyter-widgets", timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.wait_for_timeout(1000)
        SCREENS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENS / f"{notebook}.png"), full_page=False)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        error_text = errors.all_inner_texts() if errors.count() else []
        body = page.locator(".jp-Notebook").inner_text()
    finally:
        context.close()
    assert blocked == [], f"requests beyond loopback: {blocked[:5]}"
    assert error_text == [], error_text[:2]
    assert "Traceback" not in body
    assert widget_text in body


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

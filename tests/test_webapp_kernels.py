"""A page whose kernel dies before it is ready says so in words, instead of spinning forever."""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil

import nbformat
import pytest
from playwright.sync_api import expect

from conftest import REPO, start_serve, stop_serve
from workshop_kit.faces import webapp
from workshop_kit.faces.kernels import ServedKernelManager

CONFIG_CHUNK = '<script id="jupyter-config-data">{"kernelId": "0f0e-1234"}</script>'
STOPPED = "This page stopped before it was ready"


class FakeKernel:
    def __init__(self, alive: bool):
        self.alive = alive

    async def is_alive(self) -> bool:
        return self.alive


class FakeKernelManager:
    def __init__(self, alive: bool):
        self.kernel = FakeKernel(alive)

    def get_kernel(self, kernel_id: str) -> FakeKernel:
        assert kernel_id == "0f0e-1234"
        return self.kernel


async def page_that_hangs_after_its_first_cell():
    yield "<html><body>"
    yield CONFIG_CHUNK
    await asyncio.sleep(3600)  # nbclient waiting on a reply that never comes
    yield "never"


async def page_that_finishes():
    yield "<html><body>"
    yield CONFIG_CHUNK
    yield "</body></html>"


async def collect(pages, manager, **kwargs) -> list[str]:
    return [chunk async for chunk in webapp.watch_kernel(pages, manager, **kwargs)]


def run(coroutine):
    """On a thread of its own: Playwright's sync API keeps an event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_a_dead_kernel_ends_a_hanging_page_with_a_plain_message(monkeypatch):
    monkeypatch.setattr(webapp, "KERNEL_WATCH_SECONDS", 0.05)
    chunks = run(asyncio.wait_for(
        collect(page_that_hangs_after_its_first_cell(), FakeKernelManager(alive=False)), 10))
    assert chunks[:2] == ["<html><body>", CONFIG_CHUNK]
    assert STOPPED in chunks[-1] and 'role="alert"' in chunks[-1]
    assert chunks[-1].startswith("</div></div>") and chunks[-1].endswith("</html>")


async def page_that_waits_on_a_warm_kernel():
    await asyncio.sleep(3600)  # Voilà awaiting a warm kernel's render that never ends
    yield "never"


def test_a_warm_kernel_that_dies_before_any_of_its_page_is_sent_gives_a_whole_page(monkeypatch):
    monkeypatch.setattr(webapp, "KERNEL_WATCH_SECONDS", 0.05)
    chunks = run(asyncio.wait_for(
        collect(page_that_waits_on_a_warm_kernel(), FakeKernelManager(alive=False),
                pooled_kernel=lambda: "0f0e-1234"), 10))
    assert len(chunks) == 1
    assert chunks[0].startswith("<!DOCTYPE html>") and chunks[0].endswith("</html>")
    assert STOPPED in chunks[0] and 'role="alert"' in chunks[0]


def test_a_page_finished_with_a_dead_kernel_is_replaced_by_the_message(monkeypatch):
    chunks = run(collect(page_that_finishes(), FakeKernelManager(alive=False)))
    assert chunks[:3] == ["<html><body>", CONFIG_CHUNK, "</body></html>"]
    assert STOPPED in chunks[-1] and not chunks[-1].startswith("</div>")


def test_a_live_kernel_passes_the_page_through_unchanged():
    chunks = run(collect(page_that_finishes(), FakeKernelManager(alive=True)))
    assert chunks == ["<html><body>", CONFIG_CHUNK, "</body></html>"]


def test_served_kernels_are_not_restarted_behind_their_page():
    assert ServedKernelManager().autorestart is False


@pytest.fixture
def notebooks_with_a_dying_page(tmp_path):
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        shutil.copy(notebook, tmp_path)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.HTML('<p>first</p>')"),
                nbformat.v4.new_code_cell("import os, time\ntime.sleep(1)\nos._exit(1)"),
                nbformat.v4.new_code_cell("ipywidgets.HTML('<p>never shown</p>')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, tmp_path / "dies.ipynb")
    return tmp_path


@pytest.mark.browser
@pytest.mark.parametrize("pool_size", ["0", "1"], ids=["started-on-request", "preheated"])
def test_a_kernel_that_dies_gives_the_page_a_plain_message(page, notebooks_with_a_dying_page,
                                                          pool_size, tmp_path):
    log = tmp_path / "serve.log"
    base, process = start_serve(["--pool-size", pool_size], log=log,
                                env={"WORKSHOP_KIT_NOTEBOOKS": str(notebooks_with_a_dying_page)})
    try:
        page.goto(f"{base}/voila/render/dies.ipynb", wait_until="commit", timeout=90_000)
        alert = page.get_by_role("alert").filter(has_text=STOPPED)
        expect(alert).to_be_visible(timeout=90_000)
        expect(alert.get_by_role("link", name="Reload the page")).to_be_visible()
        assert page.locator("#loading").count() == 0, "the spinner is still there"
        assert page.get_by_text("never shown").count() == 0
        assert page.get_by_text("exception occurred").count() == 0
        assert page.get_by_text("Traceback").count() == 0
        said = log.read_text()  # before the server stops (stopping kernels is noisier)
        assert "kernel closed before the page was ready" in said
        assert "Traceback" not in said
    finally:
        stop_serve(process)


def test_the_trainers_log_drops_tracebacks_of_closed_tabs_and_dead_kernels():
    import logging

    from tornado.websocket import WebSocketClosedError

    def record(message: str, error: BaseException | None = None) -> logging.LogRecord:
        exc_info = (type(error), error, None) if error else None
        return logging.LogRecord("tornado.application", logging.ERROR, __file__, 1, message,
                                 None, exc_info)

    quiet = webapp.QuietLog()
    assert not quiet.filter(record("Uncaught exception", WebSocketClosedError()))
    assert not quiet.filter(record("WebSocket ping timeout after 90000 ms."))
    assert quiet.filter(record("workshop-kit: an attendee opened 01_special_guardianship"))
    assert quiet.filter(record("Exception in callback", ValueError("a real bug")))


@pytest.fixture
def notebooks_with_a_stuck_kernel(tmp_path):
    """A page whose kernel stops answering once its cells have run: its widget states never
    arrive (a swamped server looks the same to the page)."""
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        shutil.copy(notebook, tmp_path)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.Checkbox(description='x')"),
                nbformat.v4.new_code_cell(
                    "import time\nfrom tornado.ioloop import IOLoop\n"
                    "IOLoop.current().call_later(0.2, lambda: time.sleep(120))")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, tmp_path / "stuck.ipynb")
    return tmp_path


@pytest.mark.browser
def test_a_page_whose_widgets_do_not_arrive_says_so_and_tries_again(
        page, notebooks_with_a_stuck_kernel):
    base, process = start_serve(["--pool-size", "0"],
                                env={"WORKSHOP_KIT_NOTEBOOKS": str(notebooks_with_a_stuck_kernel)})
    try:
        loads: list[str] = []
        page.on("load", lambda: loads.append(page.url))
        page.goto(f"{base}/voila/render/stuck.ipynb", wait_until="commit", timeout=90_000)
        note = page.get_by_role("status").filter(has_text="taking longer than usual")
        expect(note).to_be_visible(timeout=60_000)
        assert "try again by itself" in note.inner_text()
        page.wait_for_event("load", timeout=60_000)  # it reloads by itself
        assert len(loads) >= 2
    finally:
        stop_serve(process)

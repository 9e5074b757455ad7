"""Shared fixtures: a served web app and a real browser (Debian Chromium through Playwright)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def outside_requests(urls: list[str]) -> list[str]:
    """Requests that left this computer: anything but loopback, file:, data: and blob: URLs."""
    outside = []
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme in {"file", "data", "blob", "about"}:
            continue
        if parsed.hostname not in LOOPBACK:
            outside.append(url)
    return outside


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium. Skipped locally when it is missing; in CI that is a failure."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: /usr/bin/chromium is missing "
                        "(.ci/run installs it with apt-get)")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes and every script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Voilà streams a page and fires "load" after its last cell: slow on a busy 2-core machine.
    page.set_default_navigation_timeout(90_000)
    page.requests = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


TRAINER_KEY = "test-trainer-key"
"""The served app's trainer link is /trainer?key=TRAINER_KEY (fixed here through the environment)."""


def start_serve(args: list[str], env: dict[str, str] | None = None,
                log: Path | None = None) -> tuple[str, subprocess.Popen]:
    """`workshop-kit serve ARGS` on a free loopback port; returns its address and process."""
    port = free_port()
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop_kit", "serve", "--port", str(port), *args],
        stdout=out, stderr=subprocess.STDOUT, cwd=REPO,
        env={**os.environ, "WORKSHOP_KIT_TRAINER_KEY": TRAINER_KEY, **(env or {})},
    )
    deadline = time.monotonic() + 90
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"workshop-kit serve did not start on port {port}")
            time.sleep(0.3)
    return f"http://127.0.0.1:{port}", process


def stop_serve(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def served_app() -> Iterator[str]:
    """`workshop-kit serve` on a free loopback port, as a trainer would start it."""
    base, process = start_serve(["--pool-size", "1"])
    yield base
    stop_serve(process)


@pytest.fixture(scope="session")
def binder_env(tmp_path_factory):
    """An environment built from binder/ alone as repo2docker would (minutes; once per session).
    Skipped locally when binder/runtime.txt's Python is missing; in CI that is a failure."""
    import shutil

    import binder_build

    python = shutil.which(binder_build.declared_python())
    if python is None:
        message = f"{binder_build.declared_python()} (binder/runtime.txt) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"CI must build the Binder environment: {message}")
        pytest.skip(message)
    try:
        return binder_build.build(tmp_path_factory.mktemp("binder"), python)
    except binder_build.BinderBuildError as error:
        pytest.fail(f"the Binder environment did not build: {error}")

"""Debian's Chromium, driven by Playwright, for the faces that print (handouts, report PDFs).

Playwright's own browser download does not work offline, so every face launches the system
Chromium with the same flags (no background networking: nothing leaves the machine).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def require_chromium(what: str, option: str) -> None:
    """Say before any work starts that `what` needs Chromium, and how to do without it."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{what} needs Chromium: install it with `apt-get install "
                                f"chromium`, or leave out {option}")


@contextmanager
def headless_chromium(what: str, option: str) -> Iterator[Browser]:
    """A headless Chromium browser, closed however the block ends."""
    from playwright.sync_api import sync_playwright

    require_chromium(what, option)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=ARGS)
        try:
            yield browser
        finally:
            browser.close()

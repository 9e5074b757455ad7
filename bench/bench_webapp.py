"""Benchmark: time until each workshop page is interactive in the web app, as a ratio to a
one-widget notebook served by the same server in the same run.

`python bench/bench_webapp.py` (needs Debian chromium). Voila starts a kernel per page view, so the
ratio shows what our imports and widgets add on top of Voila's own cost.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
RUNS = 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hello_notebook(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import ipywidgets as widgets\nwidgets.Checkbox(description='baseline')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def time_to_interactive(browser, url: str) -> float:
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.locator("#rendered_cells").wait_for(state="visible", timeout=120_000)
    page.locator(".jupyter-widgets").first.wait_for(state="visible", timeout=120_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for nb in (REPO / "notebooks").glob("*.ipynb"):
            shutil.copy(nb, root / nb.name)
        hello_notebook(root / "baseline.ipynb")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "workshop_kit", "serve", "--port", str(port)],
            env={**os.environ, "WORKSHOP_KIT_NOTEBOOKS": str(root)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(4)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                            args=["--no-sandbox", "--disable-gpu",
                                                  "--disable-background-networking"])
                base = f"http://127.0.0.1:{port}/voila/render/"
                names = ["baseline", *sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb"))]
                medians = {name: statistics.median(time_to_interactive(browser, base + name + ".ipynb")
                                                   for _ in range(RUNS)) for name in names}
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=15)
    baseline = medians.pop("baseline")
    print(f"baseline one-widget page: {baseline:5.2f} s (median of {RUNS})")
    for name, seconds in medians.items():
        print(f"{name:34s} {seconds:5.2f} s   ratio {seconds / baseline:4.2f}x")


if __name__ == "__main__":
    main()

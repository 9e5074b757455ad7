"""Benchmark: the web app against plain Voilà serving a one-widget hello-world, in the same run.

`python bench/bench_webapp.py [--attendees 30] [--write-docs]` (needs Debian chromium).

1. Time to interactive of every workshop page (`workshop-kit serve`, preheated kernels), median
   of a few visits, as a ratio to the hello-world page served by plain Voilà (default settings).
2. A room at once: N browser contexts open the landing page at the same moment (and N open the
   hello-world on plain Voilà): how many became interactive, p50/p95 time to interactive, kernel
   memory per attendee, and how many attendee kernels are still alive two minutes after every
   tab was closed.

Speed targets are ratios against that baseline, never absolute times: the machine is shared.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
from playwright.async_api import async_playwright

REPO = Path(__file__).resolve().parents[1]
VISITS = 3
AFTER_CLOSE_SECONDS = 120
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update"]


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


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            return
        except OSError:
            if process.poll() is not None:
                raise SystemExit("server exited before it listened") from None
            time.sleep(0.3)
    raise SystemExit(f"nothing listened on port {port}")


def kernels_of(server: subprocess.Popen) -> list[psutil.Process]:
    children = psutil.Process(server.pid).children(recursive=True)
    return [c for c in children if "ipykernel_launcher" in " ".join(c.cmdline())]


def mib(processes: list[psutil.Process]) -> float:
    total = 0
    for p in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total / 2**20


async def time_to_interactive(context, url: str, timeout_ms: int = 600_000) -> float:
    """From navigation to the first widget on screen (the page answers clicks from then on)."""
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url, timeout=timeout_ms, wait_until="commit")
    await page.locator("#rendered_cells").wait_for(state="visible", timeout=timeout_ms)
    await page.locator(".jupyter-widgets").first.wait_for(state="visible", timeout=timeout_ms)
    return time.perf_counter() - start


async def room(browser, url: str, attendees: int) -> tuple[list[float], int, list]:
    contexts = [await browser.new_context() for _ in range(attendees)]
    results = await asyncio.gather(*(time_to_interactive(c, url) for c in contexts),
                                   return_exceptions=True)
    times = [r for r in results if isinstance(r, float)]
    return times, attendees - len(times), contexts


async def close_tabs(contexts) -> None:
    for context in contexts:
        for page in context.pages:
            await page.close(run_before_unload=True)  # as a closed tab: the shutdown beacon
        await context.close()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(attendees: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="wk-bench-"))
    (tmp / "wk").mkdir()
    (tmp / "plain").mkdir()
    for nb in (REPO / "notebooks").glob("*.ipynb"):
        shutil.copy(nb, tmp / "wk" / nb.name)
    hello_notebook(tmp / "plain" / "hello.ipynb")
    wk_port, plain_port = free_port(), free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    wk = subprocess.Popen([sys.executable, "-m", "workshop_kit", "serve", "--port", str(wk_port),
                           "--max-attendees", str(attendees + 10)],
                          env={**os.environ, "WORKSHOP_KIT_NOTEBOOKS": str(tmp / "wk")}, **quiet)
    plain = subprocess.Popen([sys.executable, "-m", "voila", "--no-browser",
                              f"--port={plain_port}", "--Voila.ip=127.0.0.1",
                              str(tmp / "plain")], **quiet)
    out: dict = {"load_before": os.getloadavg()}
    try:
        wait_for_port(wk_port, wk)
        wait_for_port(plain_port, plain)
        await asyncio.sleep(20)  # let the pools fill
        pooled = len(kernels_of(wk))
        wk_url = f"http://127.0.0.1:{wk_port}/voila/render/"
        hello = f"http://127.0.0.1:{plain_port}/voila/render/hello.ipynb"
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path="/usr/bin/chromium",
                                              headless=True, args=CHROMIUM_ARGS)
            pages: dict[str, list[float]] = {"hello (plain Voilà)": []}
            names = sorted(nb.stem for nb in (tmp / "wk").glob("*.ipynb"))
            for _ in range(VISITS):
                context = await browser.new_context()
                pages["hello (plain Voilà)"].append(await time_to_interactive(context, hello))
                for name in names:
                    pages.setdefault(name, []).append(
                        await time_to_interactive(context, wk_url + name + ".ipynb"))
                    await asyncio.sleep(3)  # a visitor reads; the pool refills
                await close_tabs([context])
            out["pages"] = {k: statistics.median(v) for k, v in pages.items()}

            await asyncio.sleep(30)
            for label, server, url, extra in (("workshop-kit", wk, wk_url + "index.ipynb", pooled),
                                              ("plain Voilà", plain, hello, 0)):
                times, failed, contexts = await room(browser, url, attendees)
                kernels = kernels_of(server)
                out[label] = {"ok": len(times), "failed": failed,
                              "p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
                              "mib": mib(kernels) / max(1, len(kernels)),
                              "kernels_open": len(kernels), "pooled": extra}
                await close_tabs(contexts)
                out[label]["closed_at"] = time.monotonic()
            await browser.close()
        for label, server in (("workshop-kit", wk), ("plain Voilà", plain)):
            wait = out[label]["closed_at"] + AFTER_CLOSE_SECONDS - time.monotonic()
            await asyncio.sleep(max(0, wait))
            alive = len(kernels_of(server))
            # Kernels warming in workshop-kit's pools belong to no one; count attendees' only.
            out[label]["alive_after"] = max(0, alive - out[label]["pooled"])
    finally:
        for server in (wk, plain):
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    out["load_after"] = os.getloadavg()
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in
                     Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    return (f"{os.cpu_count()} CPUs ({model}), {psutil.virtual_memory().total / 2**30:.1f} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def report(out: dict, attendees: int) -> str:
    base = out["pages"]["hello (plain Voilà)"]
    lines = [f"Machine: {machine()}",
             "Load average (1/5/15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f}"
             .format(*out["load_before"], *out["load_after"]),
             "", f"Time to interactive, median of {VISITS} visits, as a ratio to plain Voilà's "
             "hello-world:", "",
             "| Page | TTI (s) | Ratio to hello-world |", "| --- | ---: | ---: |"]
    for name, seconds in out["pages"].items():
        lines.append(f"| {name} | {seconds:.2f} | {seconds / base:.2f}× |")
    lines += ["", f"{attendees} attendees at the same moment (workshop-kit: the landing page; "
              "plain Voilà: hello-world):", "",
              "| Server | Interactive | p50 TTI (s) | p95 TTI (s) | Kernel MiB per kernel | "
              f"Attendee kernels alive {AFTER_CLOSE_SECONDS} s after tabs closed |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label in ("workshop-kit", "plain Voilà"):
        r = out[label]
        lines.append(f"| {label} | {r['ok']}/{attendees} | {r['p50']:.1f} | {r['p95']:.1f} | "
                     f"{r['mib']:.0f} | {r['alive_after']} |")
    wk, plain = out["workshop-kit"], out["plain Voilà"]
    lines += ["", f"Kernel memory ratio: {wk['mib'] / plain['mib']:.2f}× the hello-world kernel; "
              f"p95 ratio: {wk['p95'] / plain['p95']:.2f}×."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=30)
    parser.add_argument("--write-docs", action="store_true",
                        help="also write the table into docs/performance.md")
    args = parser.parse_args()
    text = report(asyncio.run(run(args.attendees)), args.attendees)
    print(text)
    if args.write_docs:
        doc = REPO / "docs" / "performance.md"
        doc.write_text("# Web app performance\n\nWritten by `python bench/bench_webapp.py "
                       f"--write-docs` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
                       "The machine was shared with other work: read the load average beside "
                       "the numbers.\n\n" + text + "\n")


if __name__ == "__main__":
    main()

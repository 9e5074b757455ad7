"""Benchmark: the web app holding a room, against plain Voilà serving a one-widget hello-world,
in the same run.

`python bench/bench_webapp.py [--attendees 30] [--write-docs]` (`make bench` runs it; the first
part needs Debian chromium).

1. Time to interactive of every page for one visitor in a browser (`workshop-kit serve` with its
   default pools), median of a few visits, as a ratio to the hello-world on plain Voilà.
2. A room at once, at the protocol level: for every workshop page (and the landing page), N
   attendees arrive at the same moment, each doing to the server what a browser does (the
   page's GET, the kernel websocket, and ipywidgets' state request until every widget's state
   has arrived: `bench/room_protocol.py`), with no browser on the server's cores (a room's
   devices render on their own). The same for the hello-world on plain Voilà. Per page:
   succeeded/N, p50/p95 until every widget state arrived, widget models, kernel and server MiB
   per attendee; then the kernels of the last room still alive two minutes after its attendees
   left without a word (no shutdown beacon: a crashed browser, a lid closed).
3. More arrivals than places: 2N at once at the heaviest page with `--max-attendees` 4N/3: how
   many got a working page, how many the full-house page and how fast, and how many neither.

Speed targets are ratios against the baseline measured in the same run, never absolute times.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
import room_protocol  # beside this file

REPO = Path(__file__).resolve().parents[1]
VISITS = 3
AFTER_CLOSE_SECONDS = 120
WARM_TIMEOUT = 900
PAGES = ["00_orders_compared", "01_special_guardianship", "02_convention_adoption",
         "03_viability_and_support_plans", "04_case_study_explorer", "index"]
HEAVIEST = "03_viability_and_support_plans"
LITE_SECTION = "## In-browser edition (JupyterLite)"
"""docs/performance.md's section written by bench_lite.py."""
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


async def close_browser_tabs(contexts) -> None:
    for context in contexts:
        for page in context.pages:
            await page.close(run_before_unload=True)  # as a closed tab: the shutdown beacon
        await context.close()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def start_server(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    out = open(log, "w")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()


def serve_args(port: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "workshop_kit", "serve", "--port", str(port), *extra]


def wait_warm(log: Path, seconds: float = WARM_TIMEOUT) -> float:
    """Seconds until the server said its pools were warm (it says so once)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if "kernels warm across" in log.read_text():
            return time.monotonic() - start
        time.sleep(1)
    raise SystemExit(f"the pools never warmed:\n{log.read_text()[-2000:]}")


def kernel_processes(server: subprocess.Popen) -> dict[str, psutil.Process]:
    """The server's kernels by kernel id (ipykernel's connection file names it)."""
    found = {}
    for child in psutil.Process(server.pid).children(recursive=True):
        with contextlib.suppress(psutil.Error):
            for arg in child.cmdline():
                if arg.endswith(".json") and "kernel-" in arg:
                    found[Path(arg).stem.removeprefix("kernel-")] = child
    return found


def tree_cpu_seconds(server: subprocess.Popen) -> float:
    total = 0.0
    root = psutil.Process(server.pid)
    for process in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def settle(server: subprocess.Popen, seconds: float = 240) -> None:
    """Wait until the server and its kernels are idle (the pools refilled) before the next room
    arrives, so no room is measured against another's refill."""
    deadline = time.monotonic() + seconds
    time.sleep(3)
    while time.monotonic() < deadline:
        before = tree_cpu_seconds(server)
        time.sleep(3)
        if tree_cpu_seconds(server) - before < 0.3:  # under a tenth of a core
            return
    print("warning: the server was still busy when the next room arrived", file=sys.stderr)


def measure_room(visits: list, server: subprocess.Popen, attendees: int) -> dict:
    ok = [v for v in visits if v.ok]
    times = [v.seconds for v in ok]
    kernels = kernel_processes(server)
    theirs = [kernels[v.kernel_id] for v in ok if v.kernel_id in kernels]
    return {"ok": len(ok), "of": attendees, "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95),
            "page_p50": percentile([v.page_seconds for v in ok], 0.5),
            "models": max((v.models for v in ok), default=0),
            "kernel_mib": mib(theirs) / max(1, len(theirs)),
            "server_mib": mib([psutil.Process(server.pid)]) / attendees,
            "errors": sorted({v.error for v in visits if v.error})[:3]}


async def rooms(tmp: Path, attendees: int, plain_port: int, plain: subprocess.Popen) -> dict:
    """Part 2: every page, N at once, warm pools sized by `--expect N`."""
    port = free_port()
    log = tmp / "serve-room.log"
    env = {**os.environ, "WORKSHOP_KIT_NOTEBOOKS": str(tmp / "wk")}
    server = start_server(serve_args(port, "--expect", str(attendees), "--max-attendees",
                                     str(attendees + 10)), env, log)
    out: dict = {}
    try:
        wait_for_port(port, server)
        out["warm_seconds"] = wait_warm(log)
        out["warm_kernels"] = len(kernel_processes(server))
        settle(server)
        hello = f"http://127.0.0.1:{plain_port}/voila/render/hello.ipynb"
        base = f"http://127.0.0.1:{port}"
        out["hello"] = measure_room(await room_protocol.room(hello, attendees), plain, attendees)
        hello_kernels = set(kernel_processes(plain))
        out["pages"] = {}
        for name in PAGES:
            settle(server)
            load = os.getloadavg()[0]
            visits = await room_protocol.room(f"{base}/voila/render/{name}.ipynb", attendees)
            out["pages"][name] = {**measure_room(visits, server, attendees), "load": load}
            if name == PAGES[-1]:
                silent = visits  # these leave without a word: culling must free them
            else:
                await room_protocol.close_tabs(base, visits)
        room_protocol.leave(silent)
        left_at = time.monotonic()
        await asyncio.sleep(AFTER_CLOSE_SECONDS)
        alive = kernel_processes(server)
        out["alive_after"] = sum(1 for v in silent if v.kernel_id in alive)
        out["hello_alive_after"] = len(hello_kernels & set(kernel_processes(plain)))
        out["left_seconds"] = time.monotonic() - left_at
    finally:
        stop(server)
    return out


async def overflow(tmp: Path, attendees: int) -> dict:
    """Part 3: 2N arrivals at once at the heaviest page, with room for 4N/3."""
    cap, arrivals = attendees * 4 // 3, attendees * 2
    port = free_port()
    log = tmp / "serve-overflow.log"
    env = {**os.environ, "WORKSHOP_KIT_NOTEBOOKS": str(tmp / "wk")}
    server = start_server(serve_args(port, "--expect", str(cap), "--max-attendees", str(cap)),
                          env, log)
    try:
        wait_for_port(port, server)
        wait_warm(log)
        settle(server)
        visits = await room_protocol.room(
            f"http://127.0.0.1:{port}/voila/render/{HEAVIEST}.ipynb", arrivals)
        full = [v.seconds for v in visits if v.full_house]
        ok = [v for v in visits if v.ok]
        room_protocol.leave(visits)
    finally:
        stop(server)
    return {"cap": cap, "arrivals": arrivals, "ok": len(ok),
            "ok_p95": percentile([v.seconds for v in ok], 0.95), "full_house": len(full),
            "full_house_max": max(full, default=float("nan")),
            "neither": arrivals - len(ok) - len(full),
            "errors": sorted({v.error for v in visits if v.error})[:3]}


async def run(attendees: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="wk-bench-"))
    (tmp / "wk").mkdir()
    (tmp / "plain").mkdir()
    for nb in (REPO / "notebooks").glob("*.ipynb"):
        shutil.copy(nb, tmp / "wk" / nb.name)
    hello_notebook(tmp / "plain" / "hello.ipynb")
    wk_port, plain_port = free_port(), free_port()
    env = {**os.environ, "WORKSHOP_KIT_NOTEBOOKS": str(tmp / "wk")}
    wk = start_server(serve_args(wk_port), env, tmp / "serve-tti.log")
    plain = start_server([sys.executable, "-m", "voila", "--no-browser", f"--port={plain_port}",
                          "--Voila.ip=127.0.0.1", str(tmp / "plain")], dict(os.environ),
                         tmp / "plain.log")
    out: dict = {"load_before": os.getloadavg()}
    try:
        wait_for_port(wk_port, wk)
        wait_for_port(plain_port, plain)
        wait_warm(tmp / "serve-tti.log")
        wk_url = f"http://127.0.0.1:{wk_port}/voila/render/"
        hello = f"http://127.0.0.1:{plain_port}/voila/render/hello.ipynb"
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path="/usr/bin/chromium",
                                              headless=True, args=CHROMIUM_ARGS)
            pages: dict[str, list[float]] = {"hello (plain Voilà)": []}
            for _ in range(VISITS):
                context = await browser.new_context()
                pages["hello (plain Voilà)"].append(await time_to_interactive(context, hello))
                for name in PAGES:
                    pages.setdefault(name, []).append(
                        await time_to_interactive(context, wk_url + name + ".ipynb"))
                    await asyncio.sleep(3)  # a visitor reads; the pool refills
                await close_browser_tabs([context])
            out["tti"] = {k: statistics.median(v) for k, v in pages.items()}
            await browser.close()
        stop(wk)
        settle(plain)
        out["room"] = await rooms(tmp, attendees, plain_port, plain)
        stop(plain)
        out["overflow"] = await overflow(tmp, attendees)
    finally:
        for server in (wk, plain):
            if server.poll() is None:
                stop(server)
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
    base = out["tti"]["hello (plain Voilà)"]
    lines = [f"Machine: {machine()}",
             "Load average (1/5/15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f}"
             .format(*out["load_before"], *out["load_after"]),
             "", "## One visitor in a browser", "",
             f"Time to interactive (first widget on screen), median of {VISITS} visits, "
             "`workshop-kit serve` with its default pools:", "",
             "| Page | TTI (s) | Ratio to hello-world |", "| --- | ---: | ---: |"]
    for name, seconds in out["tti"].items():
        lines.append(f"| {name} | {seconds:.2f} | {seconds / base:.2f}× |")
    r = out["room"]
    hello = r["hello"]
    lines += ["", f"## {attendees} attendees at once, every page (protocol level, no browsers)", "",
              f"`workshop-kit serve --expect {attendees}`: {r['warm_kernels']} kernels warm "
              f"{r['warm_seconds']:.0f} s after start. Time: from the page's GET until every "
              "widget's state has arrived. MiB: resident memory of each attendee's kernel, and "
              "the server's own divided by the attendees.", "",
              "| Page | Succeeded | p50 (s) | p95 (s) | p95 / hello | Widget models | "
              "Page HTML p50 (s) | Kernel MiB | / hello | Server MiB per attendee | "
              "Load before |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
              f"| hello (plain Voilà) | {hello['ok']}/{attendees} | {hello['p50']:.2f} | "
              f"{hello['p95']:.2f} | 1.00× | {hello['models']} | {hello['page_p50']:.2f} | "
              f"{hello['kernel_mib']:.0f} | 1.00× | {hello['server_mib']:.1f} | |"]
    for name, p in r["pages"].items():
        lines.append(
            f"| {name} | {p['ok']}/{attendees} | {p['p50']:.2f} | {p['p95']:.2f} | "
            f"{p['p95'] / hello['p95']:.2f}× | {p['models']} | {p['page_p50']:.2f} | "
            f"{p['kernel_mib']:.0f} | {p['kernel_mib'] / hello['kernel_mib']:.2f}× | "
            f"{p['server_mib']:.1f} | {p['load']:.2f} |")
        if p["errors"]:
            lines.append(f"|  | failures: {'; '.join(p['errors'])} | | | | | | | | | |")
    lines += ["", f"Kernels of the last room ({PAGES[-1]}) still alive {AFTER_CLOSE_SECONDS} s "
              f"after its attendees left without a word: workshop-kit {r['alive_after']} of "
              f"{attendees}; plain Voilà (hello-world) {r['hello_alive_after']} of {attendees}."]
    o = out["overflow"]
    lines += ["", f"## {o['arrivals']} arrivals at once, `--max-attendees {o['cap']}` "
              f"({HEAVIEST})", "",
              "| Working pages | p95 (s) | Full-house page | Slowest full-house page (s) | Neither |",
              "| ---: | ---: | ---: | ---: | ---: |",
              f"| {o['ok']} | {o['ok_p95']:.2f} | {o['full_house']} | {o['full_house_max']:.2f} | "
              f"{o['neither']} |"]
    if o["errors"]:
        lines.append(f"\nFailures: {'; '.join(o['errors'])}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=30)
    parser.add_argument("--write-docs", action="store_true",
                        help="also write the tables into docs/performance.md")
    args = parser.parse_args()
    text = report(asyncio.run(run(args.attendees)), args.attendees)
    print(text)
    if args.write_docs:
        doc = REPO / "docs" / "performance.md"
        # The in-browser edition's section is bench_lite.py's: kept as it is.
        old = doc.read_text(encoding="utf-8") if doc.exists() else ""
        lite = old[old.find(LITE_SECTION):] if LITE_SECTION in old else ""
        doc.write_text("# Web app performance\n\nWritten by `python bench/bench_webapp.py "
                       f"--write-docs` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
                       "Read the load average beside the numbers: the machine may have been "
                       "shared.\n\n" + text + "\n" + ("\n" + lite if lite else ""))


if __name__ == "__main__":
    main()

"""Benchmark: the in-browser edition (JupyterLite, `workshop-kit lite`) for one visitor and for a
room, beside the kernel-backed web app in the same run.

`python bench/bench_lite.py [--attendees 30] [--write-docs]` (`make bench` runs it; needs Debian
chromium, and builds the site first when `lite/_output/` is missing).

1. One visitor in headless Chromium, every request beyond loopback aborted: the site served at
   `/lite/` by `workshop-kit serve`, workshop 00 opened, Run All, until the first widget is on
   screen (it answers clicks from then on). Cold: a new browser profile. Warm: the same profile
   after the browser was closed and started again (its HTTP cache kept). MB transferred: the
   bytes `serve` sent to the browser (counted by a relay in front of it), so a file taken
   from the browser's cache counts nothing and a revalidated one only its 304.
2. A room at the protocol level (no browsers on the server's cores, as in bench_webapp.py): N
   attendees at once each fetch every file the cold visit fetched, six at a time as a browser
   does; then N kernel-backed attendees open the same notebook on the same `serve`
   (`bench/room_protocol.py`: the page, its kernel websocket, every widget's state). Server CPU
   seconds: the `serve` process and its kernels (psutil), from the arrivals until all are
   served, and for the kernel-backed room also until the server is idle again (the warm pool
   refilled: each attendee took a kernel that had run the notebook). Wall time: until the
   last attendee had everything.

Targets (issue 19): cold ≤ 15 s, warm ≤ 5 s, ≤ 40 MB, server CPU for the lite room ≤ 0.2× the
kernel-backed room's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import async_playwright
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_webapp as web  # beside this file
import room_protocol
from docs_section import write_section

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "00_orders_compared"
PER_CLIENT = 6
"""Connections a browser opens to one host at once (HTTP/1.1)."""


class CountingProxy:
    """A TCP relay in front of `serve` that counts the bytes the server sent: what the browser
    took from the network, whatever its cache, its service worker or its workers did."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.bytes = 0
        self.port = 0

    async def start(self) -> None:
        server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._server = server

    async def _relay(self, reader, writer) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1",
                                                                         self.target_port)

        async def pipe(source, sink, count: bool) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await source.read(65536):
                    if count:
                        self.bytes += len(data)
                    sink.write(data)
                    await sink.drain()
            with contextlib.suppress(Exception):
                sink.close()

        await asyncio.gather(pipe(reader, upstream_writer, False),
                             pipe(upstream_reader, writer, True))

    def close(self) -> None:
        self._server.close()


async def visit(context, url: str, proxy: CountingProxy, timeout_ms: int = 300_000) -> dict:
    """One visit: seconds until the first widget is on screen, bytes the server sent, the files
    the page asked for, and any request beyond loopback (the browser cannot resolve any other
    host: `--host-resolver-rules`; Playwright's request routing would switch its cache off)."""
    files: set[str] = set()
    beyond: list[str] = []

    def seen(request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            beyond.append(request.url)
        elif request.method == "GET" and request.service_worker is None:
            files.add(request.url)

    context.on("request", seen)
    page = await context.new_page()
    page.on("dialog", lambda dialog: asyncio.ensure_future(dialog.accept()))
    sent_before = proxy.bytes
    start = time.perf_counter()
    await page.goto(url, timeout=timeout_ms)
    await page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                                 timeout=timeout_ms)
    await page.get_by_role("menuitem", name="Run").click()
    await page.locator("li[data-command='runmenu:run-all']").click()
    await page.locator(".jupyter-widgets").first.wait_for(state="visible", timeout=timeout_ms)
    seconds = time.perf_counter() - start
    await asyncio.sleep(3)  # the last responses arrive
    return {"seconds": seconds, "bytes": proxy.bytes - sent_before, "files": sorted(files),
            "blocked": beyond}


async def one_visitor(port: int, path: str, profile: Path) -> dict:
    proxy = CountingProxy(port)
    await proxy.start()
    url = f"http://127.0.0.1:{proxy.port}{path}"
    args = [*web.CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
    try:
        async with async_playwright() as p:
            out = {}
            for kind in ("cold", "warm"):  # the same profile, the browser started again
                context = await p.chromium.launch_persistent_context(
                    str(profile), executable_path="/usr/bin/chromium", headless=True,
                    args=args, viewport={"width": 1400, "height": 1000})
                out[kind] = await visit(context, url, proxy)
                await context.close()
            return out
    finally:
        proxy.close()


async def fetch_site(files: list[str]) -> tuple[bool, float]:
    """One attendee's browser fetching `files`, PER_CLIENT at a time."""
    client = AsyncHTTPClient()
    queue = list(files)
    ok = True
    start = time.perf_counter()

    async def worker() -> None:
        nonlocal ok
        while queue:
            url = queue.pop()
            try:
                await client.fetch(HTTPRequest(url, headers={"Accept-Encoding": "gzip, deflate"},
                                               decompress_response=False, request_timeout=600))
            except Exception:
                ok = False

    await asyncio.gather(*(worker() for _ in range(PER_CLIENT)))
    return ok, time.perf_counter() - start


async def rooms(server, base: str, files: list[str], attendees: int) -> dict:
    AsyncHTTPClient.configure(None, max_clients=attendees * PER_CLIENT)
    web.settle(server)
    load = os.getloadavg()[0]
    before = web.tree_cpu_seconds(server)
    start = time.perf_counter()
    done = await asyncio.gather(*(fetch_site(files) for _ in range(attendees)))
    lite = {"ok": sum(ok for ok, _ in done), "wall": time.perf_counter() - start,
            "cpu": web.tree_cpu_seconds(server) - before, "load": load,
            "p95": web.percentile([s for _, s in done], 0.95)}
    web.settle(server)
    load = os.getloadavg()[0]
    before = web.tree_cpu_seconds(server)
    start = time.perf_counter()
    visits = await room_protocol.room(f"{base}/voila/render/{NOTEBOOK}.ipynb", attendees)
    wall = time.perf_counter() - start
    cpu = web.tree_cpu_seconds(server) - before
    web.settle(server)  # the pool refilled; the attendees' kernels still open (their CPU counts)
    refilled = web.tree_cpu_seconds(server) - before
    await room_protocol.close_tabs(base, visits)
    kernel = {"ok": sum(v.ok for v in visits), "wall": wall, "cpu": cpu, "load": load,
              "cpu_refilled": refilled,
              "p95": web.percentile([v.seconds for v in visits if v.ok], 0.95),
              "errors": sorted({v.error for v in visits if v.error})[:3]}
    return {"lite": lite, "kernel": kernel}


async def run(attendees: int) -> dict:
    from workshop_kit.faces.lite import OUTPUT_DIR, build

    if not (OUTPUT_DIR / "index.html").is_file():
        build()
    tmp = Path(tempfile.mkdtemp(prefix="wk-bench-lite-"))
    (tmp / "wk").mkdir()
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        shutil.copy(notebook, tmp / "wk" / notebook.name)
    port = web.free_port()
    log = tmp / "serve.log"
    server = web.start_server(web.serve_args(port), {**os.environ,
                                                     "WORKSHOP_KIT_NOTEBOOKS": str(tmp / "wk")}, log)
    base = f"http://127.0.0.1:{port}"
    out: dict = {"load_before": os.getloadavg(), "site_mb": sum(
        f.stat().st_size for f in OUTPUT_DIR.rglob("*") if f.is_file()) / 1e6}
    try:
        web.wait_for_port(port, server)
        web.wait_warm(log)
        if "/lite/" not in log.read_text():
            raise SystemExit(f"serve did not offer the in-browser edition:\n{log.read_text()}")
        web.settle(server)
        out["visitor"] = await one_visitor(
            port, f"/lite/notebooks/index.html?path={NOTEBOOK}.ipynb", tmp / "profile")
        files = [base + urlsplit(f).path + (f"?{urlsplit(f).query}" if urlsplit(f).query else "")
                 for f in out["visitor"]["cold"]["files"] if urlsplit(f).path.startswith("/lite/")]
        out["files"] = len(files)
        out["room"] = await rooms(server, base, files, attendees)
    finally:
        web.stop(server)
        shutil.rmtree(tmp, ignore_errors=True)
    out["load_after"] = os.getloadavg()
    return out


def report(out: dict, attendees: int) -> str:
    cold, warm = out["visitor"]["cold"], out["visitor"]["warm"]
    lite, kernel = out["room"]["lite"], out["room"]["kernel"]
    ratio = lite["cpu"] / kernel["cpu_refilled"] if kernel["cpu_refilled"] else float("nan")
    ratio_during = lite["cpu"] / kernel["cpu"] if kernel["cpu"] else float("nan")

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines = [
        f"Machine: {web.machine()}",
        "Load average (1/5/15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} {:.2f} {:.2f}"
        .format(*out["load_before"], *out["load_after"]),
        "",
        f"The site (`lite/_output/`, {out['site_mb']:.1f} MB on disk) served at `/lite/` by "
        f"`workshop-kit serve`; workshop `{NOTEBOOK}` opened in headless Chromium with no "
        "host beyond loopback resolvable, Run All, until the first widget is on screen. "
        "Transferred: the bytes `serve` sent (a relay in front of it counts them), so files "
        "from the browser's cache count nothing.", "",
        "| One visitor | First widget (s) | Transferred (MB) | Files requested | "
        "Requests blocked |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| Cold (new browser profile) | {cold['seconds']:.1f} | {cold['bytes'] / 1e6:.1f} | "
        f"{len(cold['files'])} | {len(cold['blocked'])} |",
        f"| Warm (same profile, browser restarted) | {warm['seconds']:.1f} | "
        f"{warm['bytes'] / 1e6:.1f} | {len(warm['files'])} | {len(warm['blocked'])} |",
        "",
        f"{attendees} attendees at once at the protocol level (no browsers on the server's "
        f"cores), on the same `serve`: each lite attendee fetches the {out['files']} files the "
        f"cold visit fetched, {PER_CLIENT} at a time; each kernel-backed attendee opens "
        f"`{NOTEBOOK}` (the page, its kernel websocket, every widget's state). Server CPU: the "
        "`serve` process and its kernels.", "",
        "| Room | Served | Wall time (s) | p95 per attendee (s) | Server CPU (s) | "
        "CPU until idle again (s) | Load before |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| In-browser edition (`/lite/`) | {lite['ok']}/{attendees} | {lite['wall']:.1f} | "
        f"{lite['p95']:.1f} | {lite['cpu']:.1f} | {lite['cpu']:.1f} | {lite['load']:.2f} |",
        f"| Kernel-backed web app | {kernel['ok']}/{attendees} | {kernel['wall']:.1f} | "
        f"{kernel['p95']:.1f} | {kernel['cpu']:.1f} | {kernel['cpu_refilled']:.1f} | "
        f"{kernel['load']:.2f} |",
    ]
    if kernel["errors"]:
        lines.append(f"\nKernel-backed failures: {'; '.join(kernel['errors'])}")
    lines += [
        "", f"Server CPU, lite room / kernel-backed room: **{ratio:.3f}×** (until idle again; the "
        f"kernels taken from the warm pool are replaced), {ratio_during:.3f}× counting only the "
        "arrivals.", "",
        "| Target (issue 19) | Result |", "| --- | --- |",
        f"| Cold first widget ≤ 15 s | {met(cold['seconds'] <= 15)}: {cold['seconds']:.1f} s |",
        f"| Warm first widget ≤ 5 s | {met(warm['seconds'] <= 5)}: {warm['seconds']:.1f} s |",
        f"| Transfer ≤ 40 MB | {met(cold['bytes'] <= 40e6)}: {cold['bytes'] / 1e6:.1f} MB |",
        f"| Server CPU for {attendees} lite attendees ≤ 0.2× kernel-backed | "
        f"{met(ratio <= 0.2)}: {ratio:.3f}× |",
        f"| Nothing fetched beyond this computer | "
        f"{met(not cold['blocked'] and not warm['blocked'])}: "
        f"{len(cold['blocked']) + len(warm['blocked'])} requests beyond loopback |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=30)
    parser.add_argument("--write-docs", action="store_true",
                        help="also write the tables into docs/performance.md (its in-browser "
                             "section only)")
    args = parser.parse_args()
    out = asyncio.run(run(args.attendees))
    text = report(out, args.attendees)
    print(text)
    with contextlib.suppress(KeyError):
        print("\nFiles fetched (cold):", *out["visitor"]["cold"]["files"], sep="\n  ", file=sys.stderr)
    if args.write_docs:
        write_section("bench_lite", "In-browser edition (JupyterLite)", text)


if __name__ == "__main__":
    main()

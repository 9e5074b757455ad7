"""The web app: Voilà serving the workshop notebooks to a room, offline, with code and tracebacks
hidden.

What it adds to Voilà, and why:
- content is validated before the room sees it (`serve` refuses to start on a broken file);
- the trainer's browser is told apart by a cookie from a one-run link (`faces/trainer.py`); the
  server, not the visitor, decides the view each page's kernel sees;
- warm kernels (a pool per notebook, `--expect` sizes them for a room) whose attendee page is
  built before anyone arrives; the trainer's page gets a kernel of its own; a content edit
  empties the pools, so nobody is given a page built from the old files;
- kernels that talk over IPC sockets, not TCP ports;
- a cap on attendees with a plain "room is full" page (HTTP 503, Retry-After);
- kernels of closed tabs freed within about two minutes, while open pages keep theirs;
- a kernel that dies before its page is ready gives the page a plain message, not a spinner;
- only the expected Host is served (no DNS rebinding);
- live slides of each workshop (`/present/<workshop>`, faces/present.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import socket
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from workshop_kit.core.content import REPO_ROOT
from workshop_kit.faces import trainer
from workshop_kit.faces.page_mode import SERVED_ENV
from workshop_kit.faces.present import SERVED_TEMPLATES, present_handlers

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
LANDING_PAGE = "index.ipynb"
KERNEL_CULL_SECONDS = 90
"""A kernel nobody has talked to for this long is shut down. Open pages send a heartbeat every
30 s (see the template; a hidden tab's timers may be slowed to once a minute), so only closed
tabs go quiet; the shutdown beacon usually frees them at once, and this catches the rest (a
crashed browser, a laptop lid closed) within two minutes, culled every 30 s. At 120 s, a seat
could stay taken for two and a half minutes: the N=30 bench found all thirty still alive at
two minutes."""
KERNEL_MIB = 64
"""What one attendee's kernel costs this machine: its proportional share of memory (PSS), 51 MiB
on most pages and 59 on the pages that plan timelines once warm, about 63 after a visitor has
built a timeline (measured with 18 warm kernels of `workshop-kit serve`, 2026-12-07). Resident
size (RSS, 70-82 MiB) counts the libraries all kernels share once per kernel, and so sized the
pools a sixth too small for a room of thirty."""
RETRY_AFTER_SECONDS = 60
KERNEL_WATCH_SECONDS = 1.0
"""How often a page being rendered checks that its kernel is still alive."""
KERNEL_ID_IN_PAGE = re.compile(r'"kernelId":\s*"([0-9a-f-]+)"')
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
UNTRACKED_MESSAGES = ("comm_info_request", "comm_info_reply", "shutdown_request",
                      "shutdown_reply", "interrupt_request", "interrupt_reply", "debug_request",
                      "debug_reply", "stream", "display_data", "update_display_data",
                      "execute_input", "execute_result", "error", "status", "clear_output",
                      "debug_event", "input_request", "input_reply")
"""Jupyter's list of messages that do not keep a kernel alive, less kernel_info (the heartbeat)."""


def notebooks_dir() -> Path:
    """`$WORKSHOP_KIT_NOTEBOOKS`, else the repository's `notebooks/`, else `./notebooks`."""
    if env := os.environ.get("WORKSHOP_KIT_NOTEBOOKS"):
        return Path(env)
    in_repo = REPO_ROOT / "notebooks"
    return in_repo if in_repo.is_dir() else Path.cwd() / "notebooks"


def default_max_attendees() -> int:
    """As many attendees as about two-thirds of this machine's free memory holds, at least 5."""
    return max(5, memory_kernels())


def lan_address() -> str:
    """This machine's address on the venue network. No packet is sent: connecting a UDP socket
    only asks the system which interface it would use."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("10.255.255.255", 1))
            return sock.getsockname()[0]
        except OSError:
            return "127.0.0.1"


@dataclass
class RoomSettings:
    """How `serve` runs: where, for how many, and with how many kernels kept warm."""

    port: int = 8866
    max_attendees: int = field(default_factory=default_max_attendees)
    pool_size: int = 2
    expect: int | None = None
    """Attendees expected at once (`serve --expect`): sizes the warm pools instead of
    `pool_size`, within this machine's memory."""
    room: bool = False
    open_browser: bool = False
    trainer_key: str = field(default_factory=trainer.new_key)
    open_path: str = "/"
    """What `open_browser` opens on this computer (`present` opens the trainer's slides)."""
    announce: list[str] = field(default_factory=list)
    """More lines for the start-up message (`present` prints its slides' addresses)."""
    lite: bool | None = None
    """The in-browser edition (`workshop-kit lite`) is served at /lite/ (True), is not built
    (False: the start-up message says how to build it), or is not this run's business (None)."""

    @property
    def bind_ip(self) -> str:
        return "0.0.0.0" if self.room else "127.0.0.1"

    @property
    def public_host(self) -> str:
        return lan_address() if self.room else "127.0.0.1"

    @property
    def allowed_hosts(self) -> tuple[str, ...]:
        return (*LOOPBACK_HOSTS, self.public_host) if self.room else LOOPBACK_HOSTS


def memory_kernels() -> int:
    """Kernels that about two-thirds of this machine's free memory holds."""
    try:
        info = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
        available_mib = int(info["MemAvailable"].split()[0]) // 1024
    except (OSError, KeyError, ValueError):
        return 30
    return available_mib * 2 // 3 // KERNEL_MIB


def warm_per_page(expect: int, pages: int, capacity: int | None = None) -> int:
    """Warm kernels per page for `expect` arrivals: enough for the whole room on any one page
    (a room opens the page the trainer names, all at once), as far as memory allows once the
    room's own kernels are counted; at least one."""
    capacity = memory_kernels() if capacity is None else capacity
    return max(1, min(expect, (capacity - expect) // max(1, pages)))


def pages_in(root: Path) -> list[str]:
    """The notebooks served, as Voilà names them (relative paths), lowest-numbered first."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


def kernel_pools(pages: list[str], pool_size: int) -> dict[str, dict[str, Any]]:
    """Voilà's pool configuration: every page `pool_size` kernels, each told its page so the
    pools warm lowest-numbered page first (`faces/kernels.py`)."""
    from workshop_kit.faces.kernels import PAGE_ENV

    return {"default": {"pool_size": pool_size},
            **{page: {"pool_size": pool_size, "kernel_env_variables": {PAGE_ENV: page}}
               for page in pages}}


def voila_argv(root: Path, port: int, *, open_browser: bool = False, pool_size: int = 2,
               ip: str = "127.0.0.1") -> list[str]:
    """Command-line arguments for Voilà; kept separate so tests can check the security settings."""
    return [
        str(root),
        f"--port={port}",
        f"--Voila.ip={ip}",
        "--Voila.port_retries=0",
        f"--Voila.open_browser={open_browser}",
        "--template=workshop",
        "--theme=light",
        "--show_tracebacks=False",
        "--strip_sources=True",
        f"--preheat_kernel={pool_size > 0}",
        f"--pool_size={pool_size}",
        "--VoilaKernelManager.fill_delay=0.5",
        f"--MappingKernelManager.cull_idle_timeout={KERNEL_CULL_SECONDS}",
        "--MappingKernelManager.cull_interval=30",
        # A closed tab's socket may still look connected: cull on silence alone.
        "--MappingKernelManager.cull_connected=True",
        # An open page's heartbeat is a kernel_info_request, which Jupyter does not count as
        # activity by default: count it, so only closed tabs go idle.
        *(f"--MappingKernelManager.untracked_message_types={t}" for t in UNTRACKED_MESSAGES),
        "--MappingKernelManager.kernel_manager_class="
        "workshop_kit.faces.kernels.ServedKernelManager",
        "--VoilaConfiguration.multi_kernel_manager_class="
        "workshop_kit.faces.kernels.WarmingKernelManager",
        # The server log a trainer sees: who joined, a full house, a content problem.
        f"--Voila.log_level={'DEBUG' if os.environ.get('WORKSHOP_KIT_DEBUG') else 'WARN'}",
    ]


def check_content() -> list[str]:
    """What `workshop-kit validate` prints when it fails; nothing when every file is fine."""
    from workshop_kit.core.validation import run_validation

    lines: list[str] = []
    code = run_validation([], lines.append)
    return lines if code else []


def say(line: str) -> None:
    """One short line in the trainer's terminal."""
    print(f"workshop-kit: {line}", flush=True)


def attendees_in(kernel_manager: Any) -> int:
    """Kernels that belong to someone's page: all kernels less the ones waiting in the pools.

    Counted by id: a pool being refilled holds places whose kernel has not started yet, and
    subtracting places from kernels let a burst past the cap."""
    pooled = {item.result()["kernel_id"]
              for pool in getattr(kernel_manager, "_pools", {}).values() for item in pool
              if item.done() and not item.cancelled() and item.exception() is None}
    return len(set(kernel_manager.list_kernel_ids()) - pooled)


async def empty_pools(kernel_manager: Any) -> int:
    """Shut down every warm kernel and start the pools again: their pages were built from
    content files that have changed since. Returns how many were shut down."""
    pools: dict[str, list[asyncio.Future]] = getattr(kernel_manager, "_pools", {})
    emptied = 0
    for page, pool in list(pools.items()):
        waiting, pool[:] = list(pool), []
        for item in waiting:
            try:
                kernel_id = (await item)["kernel_id"]
            except Exception:  # a kernel that failed to start has nothing to shut down
                continue
            with contextlib.suppress(Exception):
                await kernel_manager.shutdown_kernel(kernel_id, now=True)
                emptied += 1
        kernel_manager.fill_if_needed(delay=0, notebook_name=page)
    return emptied


async def report_warm_pools(kernel_manager: Any, started: float) -> None:
    """Say once in the terminal how many kernels are warm and how long warming took."""
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(0.5)
        pools = getattr(kernel_manager, "_pools", {})
        items = [item for pool in pools.values() for item in pool]
        # Warm means the page is built: the kernel started and its notebook rendered.
        if items and all(item.done() and (item.exception() is not None
                                          or item.result()["task"].done()) for item in items):
            break
    say(f"{len(items)} kernels warm across {len(pools)} pages, ready in "
        f"{loop.time() - started:.0f} s")


def full_house_page() -> str:
    return trainer.plain_page(
        "This room is full — try again in a minute",
        "Every place in this workshop's web app is taken. This page tries again by itself in "
        "a minute, or reload it then. If it keeps happening, tell the trainer.",
        extra_head=f'<meta http-equiv="refresh" content="{RETRY_AFTER_SECONDS}">')


def kernel_died_block(*, page_finished: bool = False) -> str:
    """Says what happened in place of the page (the spinner and the dead cells go), closing
    the half-rendered page first when it is cut off part-way."""
    return (("" if page_finished else "</div></div>")
            + '<main role="alert" style="max-width:40em;margin:3em auto;padding:1.2em 1.6em;'
            'border-left:8px solid #a4000f;background:#fdeeee;color:#1b1b1b;'
            'font:1.15rem/1.5 system-ui,sans-serif">'
            "<h1 style=\"font-size:1.5rem;margin-top:0\">This page stopped before it was ready</h1>"
            "<p>The part of the server that runs this page closed before it answered, so the page "
            "cannot work. Nothing you entered was sent anywhere.</p>"
            '<p><a href="" style="color:#1d4f91;font-weight:700">Reload the page</a> to start it '
            "again. If it happens again, tell the trainer.</p></main>"
            '<script>["loading", "rendered_cells", "wk-connection-lost"].forEach(function (id) {'
            ' var e = document.getElementById(id); if (e) { e.remove(); } });</script>'
            + ("" if page_finished else "</body></html>"))


def kernel_died_page() -> str:
    """The message as a whole page: the kernel died before any of its page was sent."""
    return ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            "<title>This page stopped before it was ready — Network Days</title></head><body>"
            + kernel_died_block(page_finished=True) + "</body></html>")


async def watch_kernel(pages: AsyncIterator[str], kernel_manager: Any,
                       pooled_kernel: Callable[[], str | None] = lambda: None,
                       ) -> AsyncIterator[str]:
    """Voilà's page, chunk by chunk, until the page's kernel dies: then a plain message.

    A kernel that dies part-way (out of memory, killed) otherwise leaves the page spinning:
    nbclient waits on a reply that never comes. The kernel is watched once the page names it,
    or once `pooled_kernel` does: a warm kernel that dies while its page is still being
    built has sent nothing yet that names it.
    """
    kernel_id: str | None = None
    clock = asyncio.get_running_loop().time
    finished, checked, sent = False, clock(), False
    pending = asyncio.ensure_future(anext(pages))
    try:
        while True:
            done, _ = await asyncio.wait({pending}, timeout=KERNEL_WATCH_SECONDS)
            if pending in done:
                try:
                    chunk = pending.result()
                except StopAsyncIteration:
                    finished = True
                else:
                    if kernel_id is None and (found := KERNEL_ID_IN_PAGE.search(chunk)):
                        kernel_id = found.group(1)
                    yield chunk
                    sent = True
                    pending = asyncio.ensure_future(anext(pages))
            kernel_id = kernel_id or pooled_kernel()
            # Looked at once more when the page is complete: a preheated kernel that died
            # before anyone asked has its page rendered from stored outputs.
            if kernel_id and (finished or clock() - checked >= KERNEL_WATCH_SECONDS):
                checked = clock()
                if not await kernel_alive(kernel_manager, kernel_id):
                    say("a page stopped: its kernel closed before the page was ready "
                        "(out of memory?); the attendee was asked to reload")
                    yield (kernel_died_block(page_finished=finished) if sent
                           else kernel_died_page())
                    return
            if finished:
                return
    finally:
        if not pending.done():
            pending.cancel()
            with contextlib.suppress(BaseException):
                await pending
        aclose = getattr(pages, "aclose", None)
        if aclose is not None:
            with contextlib.suppress(BaseException):
                await aclose()


class NotesPooledKernel:
    """Voilà's kernel manager as one page handler sees it: a warm kernel handed to the page is
    noted on the handler, so `watch_kernel` can watch it before the page names it."""

    def __init__(self, manager: Any, handler: Any):
        self._manager, self._handler = manager, handler

    def __getattr__(self, name: str) -> Any:
        return getattr(self._manager, name)

    async def get_rendered_notebook(self, *args: Any, **kwargs: Any) -> Any:
        render_task, rendered_cache, kernel_id = await self._manager.get_rendered_notebook(
            *args, **kwargs)
        self._handler.pooled_kernel_id = kernel_id
        return render_task, rendered_cache, kernel_id


async def kernel_alive(kernel_manager: Any, kernel_id: str) -> bool:
    try:
        kernel = kernel_manager.get_kernel(kernel_id)
    except KeyError:
        return False
    return bool(await kernel.is_alive())


def serve(settings: RoomSettings | None = None, *, root: Path | None = None,
          extra_handlers: list[tuple] | None = None) -> None:
    """Run the web app in this process until interrupted.

    `extra_handlers` (tornado rules, e.g. polls) are added before Voilà's catch-all; handlers
    that need to know the trainer call `faces.trainer.is_trainer(handler)`.
    """
    import tornado.web
    from voila.app import Voila
    from voila.static_file_handler import TemplateStaticFileHandler
    from voila.tornado.handler import TornadoVoilaHandler

    class TemplateAssetHandler(TemplateStaticFileHandler):
        """Voilà's template assets, with a 404 (not a 500) for an address of the wrong shape."""

        def parse_url_path(self, path):
            parts = path.split("/", 2)
            if len(parts) < 3 or parts[1] != "static":
                raise tornado.web.HTTPError(404)
            return super().parse_url_path(path)

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            self.finish(trainer.plain_page("Page not found", "There is no page at this address."))

    class NotFoundHandler(tornado.web.RequestHandler):
        """No accounts here (/login and /logout are plain 404s, not Voilà's 500), and no file
        listing (the tree redirects to the landing page, so it needs no contents API)."""

        def get(self) -> None:
            self.set_status(404)
            self.finish(trainer.plain_page("Page not found", "There is no page at this address."))

    room = settings or RoomSettings()
    root = root or notebooks_dir()
    if not (root / LANDING_PAGE).is_file():
        raise FileNotFoundError(f"no landing page {root / LANDING_PAGE}; "
                                "run from the workshop-kit folder or set WORKSHOP_KIT_NOTEBOOKS")
    rendering = 0  # pages admitted whose kernel may not be counted yet
    from workshop_kit.core.content import content_fingerprint

    content_seen = content_fingerprint()
    pages = pages_in(root)
    pool_size = (warm_per_page(room.expect, len(pages)) if room.expect is not None
                 else room.pool_size)

    class WorkshopPageHandler(TornadoVoilaHandler):
        """A notebook page: refused past the cap; the view decided here, from the cookie."""

        async def prepare(self):
            await super().prepare()
            self.pooled_kernel_id: str | None = None
            # Voilà's shutdown beacon reads the _xsrf cookie, which nothing set (voila#1458).
            _ = self.xsrf_token
            pairs = [(k, v) for k, v in parse_qsl(self.request.query, keep_blank_values=True)
                     if k != "view" and (k != "template" or v in SERVED_TEMPLATES)]
            if trainer.is_trainer(self):
                pairs.append(("view", "trainer"))
            # The kernel reads QUERY_STRING, which Voilà takes from here.
            self.request.query = urlencode(pairs)
            arguments: dict[str, list[bytes]] = {}
            for k, v in pairs:
                arguments.setdefault(k, []).append(v.encode())
            self.request.arguments = self.request.query_arguments = arguments

        @property
        def kernel_manager(self) -> Any:
            return NotesPooledKernel(super().kernel_manager, self)

        def should_use_rendered_notebook(self, *args: Any, **kwargs: Any) -> bool:
            """A warm kernel's page is an attendee's page: the trainer's gets a kernel of its
            own (a few seconds more for one person, never trainer text in a pool)."""
            return (not trainer.is_trainer(self)
                    and super().should_use_rendered_notebook(*args, **kwargs))

        @tornado.web.authenticated
        async def get(self, path=None):
            nonlocal rendering, content_seen
            is_trainer = trainer.is_trainer(self)
            if (now := content_fingerprint()) != content_seen:
                content_seen = now
                emptied = await empty_pools(self.kernel_manager)
                say(f"a content file changed: {emptied} warm pages built from the old files "
                    "were dropped and are being built again")
            # A page being rendered gets its kernel part-way through, so adding the two counts
            # one arrival twice during a burst and turned people away below the cap. The larger
            # of the two never does; a burst can overshoot by the pages still in flight.
            if not is_trainer and (
                    max(attendees_in(self.kernel_manager), rendering) >= room.max_attendees):
                say(f"room full ({room.max_attendees} attendees): one more was asked to try "
                    "again in a minute")
                self.set_status(503)
                self.set_header("Retry-After", str(RETRY_AFTER_SECONDS))
                self.set_header("Cache-Control", "no-store")
                self.finish(full_house_page())
                return
            if path and path.endswith(".ipynb") and path != LANDING_PAGE:
                say(f"{'the trainer' if is_trainer else 'an attendee'} opened "
                    f"{path.removesuffix('.ipynb')}")
            # Counted against the cap until its kernel exists (the page config naming the
            # kernel is written), then the kernel itself is counted: never both.
            rendering += 1
            counted = True
            try:
                async for html in watch_kernel(self.get_generator(path=path),
                                               self.kernel_manager,
                                               lambda: self.pooled_kernel_id):
                    if counted and '"kernelId"' in html:
                        rendering -= 1
                        counted = False
                    self.write(html)
                    self.flush()
            finally:
                if counted:
                    rendering -= 1

    class WorkshopVoila(Voila):
        """Voilà with `/` opening the landing page, the trainer link, and our page handler."""

        def initialize(self, argv=None):
            self.log.addFilter(QuietLog())
            for name in ("tornado.application", "tornado.general", "tornado.websocket"):
                logging.getLogger(name).addFilter(QuietLog())
            super().initialize(argv)
            self.config.VoilaKernelManager.kernel_pools_config = kernel_pools(pages, pool_size)

        def init_settings(self) -> dict:
            app_settings = super().init_settings()
            app_settings[trainer.SETTING] = room.trainer_key
            return app_settings

        def init_handlers(self):
            handlers = []
            for rule in super().init_handlers():
                if rule[1] is TornadoVoilaHandler:
                    rule = (rule[0], WorkshopPageHandler, *rule[2:])
                elif rule[1] is TemplateStaticFileHandler:
                    rule = (rule[0], TemplateAssetHandler, *rule[2:])
                handlers.append(rule)
            base = self.server_url.rstrip("/")
            landing = base + "/voila/render/" + LANDING_PAGE
            ours = [(base + "/?", tornado.web.RedirectHandler, {"url": landing}),
                    (base + "/voila/tree.*", tornado.web.RedirectHandler, {"url": landing}),
                    (base + "/(?:login|logout|voila/api/contents.*)", NotFoundHandler),
                    (base + "/trainer", trainer.TrainerLinkHandler, {"landing": landing})]
            ours += present_handlers(base, root or notebooks_dir())  # live slides: /present/…
            # Extra handlers (e.g. polls) go here, before Voilà's catch-all page handler.
            ours += extra_handlers or []
            return [*ours, *handlers]

        def launch_browser(self):
            """Open `room.open_path` (Voilà would open the landing page in attendee view)."""
            import threading
            import webbrowser

            url = f"http://127.0.0.1:{self.port}{room.open_path}"
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

        def start(self):
            """Voilà's start, with handlers bound to the expected host names only: a request
            for any other Host (DNS rebinding) matches nothing and gets a 404."""
            self.connection_dir = tempfile.mkdtemp(prefix="voila_",
                                                   dir=self.connection_dir_root)
            self.app = tornado.web.Application(**self.init_settings())
            self.app.settings.update(self.tornado_settings)
            hosts = "|".join(h.replace(".", r"\.") for h in room.allowed_hosts)
            self.app.add_handlers(rf"^({hosts})$", self.init_handlers())
            if pool_size > 0:  # runs once the loop starts, in listen()
                loop = asyncio.get_event_loop()
                self._warm_report = loop.create_task(
                    report_warm_pools(self.kernel_manager, loop.time()))
            self.listen()

    problems = check_content()
    if problems:
        raise ContentProblems(problems)

    # Voilà finds templates on the Jupyter data path; ours is put first.
    data_path = TEMPLATES_DIR / "jupyter_data"
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(data_path), os.environ.get("JUPYTER_PATH", "")) if p)
    os.environ[SERVED_ENV] = "1"  # kernels inherit it: the server decides their view
    if room.room:
        from workshop_kit.faces.room import ROOM_URL_ENV

        os.environ[ROOM_URL_ENV] = f"http://{room.public_host}:{room.port}/"
    if room.lite:
        from workshop_kit.faces.room import LITE_URL_ENV

        os.environ[LITE_URL_ENV] = lite_address(room)
    print(startup_message(room, pages=len(pages), pool_size=pool_size), flush=True)
    WorkshopVoila.launch_instance(argv=voila_argv(
        root, room.port, open_browser=room.open_browser, pool_size=pool_size,
        ip=room.bind_ip))


class QuietLog(logging.Filter):
    """Drop warnings that mean nothing to a trainer (every notebook is "not trusted": Voilà
    strips code and never shows untrusted HTML from outputs anyway), the tracebacks of a
    kernel that died (`watch_kernel` has said so in one line) and of a tab that closed while
    its page was talking to the server."""

    NOISE = ("is not trusted", "Kernel died while waiting for execute reply",
             "Kernel never reached an 'alive' state", "Uncaught exception in write_error",
             "WebSocket ping timeout")
    QUIET_ERRORS = ("DeadKernelError", "WebSocketClosedError", "StreamClosedError")
    """A kernel that died (said in one line elsewhere) or a browser tab that went away."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if type(error).__name__ in self.QUIET_ERRORS or (
                error is not None and any(n in str(error) for n in self.NOISE)):
            return False
        return not any(n in record.getMessage() for n in self.NOISE)


class ContentProblems(Exception):
    """`serve` refused to start: the lines `workshop-kit validate` prints."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def startup_message(room: RoomSettings, *, pages: int = 0, pool_size: int | None = None) -> str:
    base = f"http://{room.public_host}:{room.port}"
    lines = [f"workshop-kit: serving the web app at {base}/  (Ctrl+C to stop)",
             "  Trainer link (this run only; keep it to yourself): "
             f"http://127.0.0.1:{room.port}{trainer.trainer_path(room.trainer_key)}",
             f"  Up to {room.max_attendees} attendees at once; {warm_line(room, pages, pool_size)}",
             f"  Room polls: attendees answer at {base}/polls/ ; run them from "
             f"http://127.0.0.1:{room.port}/polls/trainer once you have opened the trainer link."]
    if room.room:
        from workshop_kit.faces.room import qr_text

        lines += [f"  Attendees open: {base}/", qr_text(f"{base}/")]
    if room.lite:
        lines.append(f"  Run in your own browser (no kernel on this laptop): {lite_address(room)}")
    elif room.lite is False:
        lines.append("  The in-browser edition (no kernel on this laptop) is not built: run "
                     f"`make lite` (or `workshop-kit lite`) and restart to offer it at {base}/lite/")
    return "\n".join([*lines, *room.announce])


def lite_address(room: RoomSettings) -> str:
    """Where the in-browser edition is served: `/lite/` on the attendees' address."""
    return f"http://{room.public_host}:{room.port}/lite/"


def warm_line(room: RoomSettings, pages: int, pool_size: int | None) -> str:
    size = room.pool_size if pool_size is None else pool_size
    if size == 0:
        return "no kernels kept warm (each page starts its own)."
    why = (f" for {room.expect} arrivals at once" if room.expect is not None else "")
    total = f" ({size * pages} in all)" if pages else ""
    return (f"{size} kernels kept warm per page{why}{total}, warming now, lowest-numbered page "
            "first; the terminal says when they are ready.")

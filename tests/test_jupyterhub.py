"""deploy/jupyterhub/jupyterhub_config.py run for real on loopback: a room of two, a trainer and two
attendees. Each reaches a workshop page through the hub with live widgets; the third person sees
the friendly "room is full" page; the idle culler frees an abandoned seat; everything stops."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from binder_build import REPO, stop, wait_for_port
from conftest import free_port, outside_requests
from test_binder import assert_workshop_template

pytestmark = [pytest.mark.deploy, pytest.mark.browser]

TIMEOUT = 120_000  # a spawn plus a first kernel on two shared cores
HUB_CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = REPO / "node_modules" / ".bin" / "configurable-http-proxy"
ROOM_SIZE = 2
IDLE_TIMEOUT = 90  # longer than it takes two people to spawn and open a page here
CULL_WAIT_SECONDS = 240
PASSWORD = "workshop-test"
SCREENSHOTS = REPO / "build" / "screenshots"

TEST_CONFIG = """
c = get_config()
load_subconfig({hub_config!r})
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {workdir!r} + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + {workdir!r} + "/hub.sqlite"
c.JupyterHub.cookie_secret_file = {workdir!r} + "/cookie_secret"
c.JupyterHub.pid_file = {workdir!r} + "/hub.pid"
# Test stand-ins for a real login and for one Unix user (or container) per attendee.
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {workdir!r} + "/home/{{username}}"
c.Spawner.ip = "127.0.0.1"
c.Spawner.args = [*c.Spawner.args, "--ServerApp.allow_root=True"]  # CI runs as root
c.JupyterHub.services = [*c.JupyterHub.services, {{"name": "observer", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [*c.JupyterHub.load_roles, {{
    "name": "observer", "scopes": ["list:users", "read:users", "read:servers", "users:activity"],
    "services": ["observer"]}}]
"""


def hub_processes(sid: int, hub_port: int) -> list[int]:
    """Processes of this hub still alive: the hub and proxy (its session) and the single-user
    servers and their kernels (their own sessions, but started with this hub's API address)."""
    marker = f"JUPYTERHUB_API_URL=http://127.0.0.1:{hub_port}/".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            if os.getsid(int(entry.name)) == sid or marker in (entry / "environ").read_bytes():
                pids.append(int(entry.name))
        except (ProcessLookupError, PermissionError, FileNotFoundError):
            continue
    return pids


@pytest.fixture(scope="module")
def hub(binder_env, tmp_path_factory):
    """A real JupyterHub from our config; single-user servers run from the Binder environment,
    as Zero to JupyterHub runs them from the image repo2docker builds."""
    if not PROXY.exists():
        pytest.fail("configurable-http-proxy is missing: run `make install` (npm ci)")
    workdir = tmp_path_factory.mktemp("hub")
    port, hub_port, api_port = free_port(), free_port(), free_port()
    token = secrets.token_hex(16)
    (workdir / "config.py").write_text(TEST_CONFIG.format(
        hub_config=str(HUB_CONFIG), port=port, hub_port=hub_port, api_port=api_port, proxy=str(PROXY),
        workdir=str(workdir), password=PASSWORD, token=token))
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update({
        "WORKSHOP_KIT_CHECKOUT": str(binder_env.checkout),
        "WORKSHOP_KIT_SINGLEUSER_BIN": str(binder_env.bin),
        "WORKSHOP_KIT_ROOM_SIZE": str(ROOM_SIZE),
        "WORKSHOP_KIT_IDLE_TIMEOUT": str(IDLE_TIMEOUT),
        "WORKSHOP_KIT_TRAINERS": "trainer",
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(16),
    })
    log = (workdir / "hub.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(workdir / "config.py")],
        cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, process, "jupyterhub")
        wait_for_port(hub_port, process, "jupyterhub's hub")
        yield {"base": base, "token": token, "process": process, "hub_port": hub_port}
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                stop(process)
        leftover = hub_processes(process.pid, hub_port)
        for pid in leftover:
            os.kill(pid, signal.SIGKILL)
        log.close()
        assert leftover == [], "the hub left processes behind when it stopped"


def api(hub, path: str):
    request = urllib.request.Request(hub["base"] + "/hub/api" + path,
                                     headers={"Authorization": f"token {hub['token']}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def running(hub, user: str) -> bool:
    return bool(api(hub, f"/users/{user}").get("servers", {}).get("", {}).get("ready"))


def report_activity(hub, user: str) -> None:
    """What an attendee's server reports while they use it (here: on their behalf), so the culler's
    choice depends on who left, not on how slow this machine is today."""
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    body = json.dumps({"last_activity": now, "servers": {"": {"last_activity": now}}}).encode()
    request = urllib.request.Request(hub["base"] + f"/hub/api/users/{user}/activity", data=body,
                                     method="POST", headers={"Authorization": f"token {hub['token']}",
                                                             "Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).close()


class ActiveUsers(threading.Thread):
    """Reports activity every few seconds for the people still in the room."""

    def __init__(self, hub):
        super().__init__(daemon=True)
        self.hub, self.users, self.done = hub, set(), threading.Event()

    def run(self):
        while not self.done.wait(5):
            for user in list(self.users):
                with contextlib.suppress(OSError):
                    report_activity(self.hub, user)


def has_server(hub, user: str) -> bool:
    """Running, starting or still stopping: a stopping server still holds its seat."""
    return bool(api(hub, f"/users/{user}").get("servers"))


def log_in(page, hub, user: str) -> None:
    page.goto(hub["base"] + "/hub/login")
    page.locator("#username_input").fill(user)
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


def open_orders_page(page) -> None:
    """From the landing page the hub opened, follow the link to a workshop page and use a widget."""
    expect(page.get_by_role("heading", name=re.compile("Network Days"))).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("link", name="Orders compared").click()
    header = page.locator(".wk-orders-comparison .wk-table thead th")
    expect(header.first).to_be_visible(timeout=TIMEOUT)
    count = header.count()
    page.get_by_label("Child Arrangements Order (lives with)", exact=True).check()
    expect(header).to_have_count(count + 1)


def test_a_room_through_the_hub(hub, browser):
    contexts = {name: browser.new_context(viewport={"width": 1280, "height": 900})
                for name in ("trainer", "alice", "bob")}
    pages = {name: ctx.new_page() for name, ctx in contexts.items()}
    requests: dict[str, str] = {}  # request -> the page that made it, to name the culprit
    for page in pages.values():
        page.on("request", lambda request, page=page: requests.setdefault(request.url, page.url))
    active = ActiveUsers(hub)
    active.start()
    try:
        # The trainer's server opens the web app in trainer view.
        trainer = pages["trainer"]
        log_in(trainer, hub, "trainer")
        trainer.wait_for_url(re.compile(r"/user/trainer/voila/render/notebooks/index\.ipynb\?view=trainer"),
                             timeout=TIMEOUT)
        active.users.add("trainer")
        open_orders_page(trainer)
        expect(trainer).to_have_url(re.compile(r"/user/trainer/voila/render/notebooks/"
                                               r"00_orders_compared\.ipynb\?view=trainer"))
        expect(trainer.get_by_text("Trainer: session timings")).to_be_visible()
        shot(trainer, "hub-trainer-00_orders_compared.png")

        # An attendee's server opens the same web app in attendee view.
        alice = pages["alice"]
        log_in(alice, hub, "alice")
        alice.wait_for_url(re.compile(r"/user/alice/voila/render/notebooks/index\.ipynb$"), timeout=TIMEOUT)
        active.users.add("alice")
        open_orders_page(alice)
        expect(alice.get_by_text("Trainer: session timings")).to_be_hidden()
        assert_workshop_template(alice.content())
        assert alice.locator("[data-mime-type*='stderr']").count() == 0
        shot(alice, "hub-attendee-00_orders_compared.png")

        # The room holds two: the third person is told so, kindly, and not left waiting.
        bob = pages["bob"]
        log_in(bob, hub, "bob")
        full = bob.get_by_role("heading", name=re.compile("This room is full"))
        expect(full).to_be_visible(timeout=TIMEOUT)
        expect(bob.get_by_role("link", name="Try again")).to_be_visible()
        shot(bob, "hub-room-full.png")
        assert not running(hub, "bob")

        # Alice leaves without logging out; the culler stops her idle server and frees the seat.
        contexts["alice"].close()
        active.users.discard("alice")
        deadline = time.monotonic() + CULL_WAIT_SECONDS
        while has_server(hub, "alice"):
            assert time.monotonic() < deadline, "the idle culler did not stop an abandoned server"
            time.sleep(3)

        bob.get_by_role("link", name="Try again").click()
        bob.wait_for_url(re.compile(r"/user/bob/voila/render/notebooks/index\.ipynb$"), timeout=TIMEOUT)
        open_orders_page(bob)
        assert running(hub, "bob")
        # What the shutdown check below looks for: servers and kernels of this hub, found now.
        assert len(hub_processes(hub["process"].pid, hub["hub_port"])) >= 4
        assert running(hub, "trainer"), "the culler must not stop a server in use"
    finally:
        active.done.set()
        for ctx in contexts.values():
            ctx.close()
    outside = {url: requests[url] for url in outside_requests(list(requests))}
    assert outside == {}, "nothing is fetched from outside this computer"

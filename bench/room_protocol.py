"""An attendee as the server sees one, without a browser: the page's HTTP GET, its kernel
websocket, and the widget-state exchange ipywidgets 8 does on page load, until every widget's
state has arrived.

A room's devices each render on their own CPU; thirty Chromium processes on the server's two cores
would measure the browsers, not the server. This client speaks the protocol Voilà's page speaks
(the `jupyter.widget.control` comm's `request_states`, as `@jupyter-widgets/base` 8 sends it), so
the bench loads the server as thirty real visitors do and nothing else.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
import uuid
from dataclasses import dataclass, field

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]+)"')
FULL_HOUSE = "This room is full"
CONTROL_PROTOCOL = "1.0.0"
"""ipywidgets 8's widget control protocol (`ipywidgets.widgets.widget.__control_protocol_version__`)."""


@dataclass
class Visit:
    """What one attendee's arrival came to."""

    ok: bool = False
    full_house: bool = False
    seconds: float = float("nan")
    """From the GET to the last widget state received (or to the full-house page)."""
    page_seconds: float = float("nan")
    """From the GET to the whole page HTML received."""
    models: int = 0
    states: str = field(default="", repr=False)
    """The widget states as received (JSON), for a test to read what the page shows."""
    error: str = ""
    kernel_id: str = ""
    xsrf: str = ""
    socket: object | None = field(default=None, repr=False)


def _message(session: str, msg_type: str, content: dict, channel: str = "shell",
             metadata: dict | None = None) -> str:
    return json.dumps({
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "bench",
                   "session": session, "date": "", "version": "5.3"},
        "parent_header": {}, "metadata": metadata or {}, "content": content, "channel": channel,
        "buffers": []})


async def visit(url: str, *, timeout: float = 420.0, keep_open: bool = True) -> Visit:
    """Open `url` as one attendee; the websocket is left open on the Visit (the page stays
    open) unless `keep_open` is False."""
    result = Visit()
    start = time.perf_counter()
    try:
        response = await AsyncHTTPClient().fetch(HTTPRequest(
            url, request_timeout=timeout, connect_timeout=timeout, follow_redirects=True))
        html = response.body.decode()
    except HTTPClientError as error:
        body = error.response.body.decode() if error.response is not None else ""
        result.seconds = time.perf_counter() - start
        if error.code == 503 and FULL_HOUSE in body:
            result.full_house = True
        else:
            result.error = f"HTTP {error.code}"
        return result
    except Exception as error:  # a refused or timed-out connection is a failed visit
        result.error = f"{type(error).__name__}: {error}"
        return result
    result.page_seconds = time.perf_counter() - start
    for cookie in response.headers.get_list("Set-Cookie"):
        if cookie.startswith("_xsrf="):
            result.xsrf = cookie.split(";", 1)[0].split("=", 1)[1]
    found = KERNEL_ID.search(html)
    if not found:
        result.error = "no kernel in the page"
        return result
    result.kernel_id = found.group(1)
    base = url.split("/voila/")[0].replace("http://", "ws://", 1)
    session = uuid.uuid4().hex
    try:
        socket = await asyncio.wait_for(websocket_connect(
            f"{base}/api/kernels/{result.kernel_id}/channels?session_id={session}"),
            timeout=max(1.0, timeout - (time.perf_counter() - start)))
        comm_id = uuid.uuid4().hex
        await socket.write_message(_message(session, "comm_open", {
            "comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}},
            metadata={"version": CONTROL_PROTOCOL}))
        await socket.write_message(_message(session, "comm_msg", {
            "comm_id": comm_id, "data": {"method": "request_states"}}))
        while True:
            remaining = timeout - (time.perf_counter() - start)
            raw = await asyncio.wait_for(socket.read_message(), timeout=max(0.1, remaining))
            if raw is None:
                raise ConnectionError("the kernel websocket closed")
            if isinstance(raw, bytes):
                continue
            message = json.loads(raw)
            data = message.get("content", {}).get("data", {})
            if (message.get("msg_type") == "comm_msg" and isinstance(data, dict)
                    and data.get("method") == "update_states"):
                result.models = len(data.get("states", {}))
                result.states = raw
                break
        result.seconds = time.perf_counter() - start
        result.ok = True
        await socket.write_message(_message(session, "comm_close", {"comm_id": comm_id,
                                                                    "data": {}}))
        if keep_open:
            result.socket = socket
        else:
            socket.close()
    except Exception as error:
        result.error = f"{type(error).__name__}: {error}"[:200]
    return result


async def room(url: str, attendees: int, **kwargs) -> list[Visit]:
    """`attendees` arrivals at the same moment."""
    AsyncHTTPClient.configure(None, max_clients=max(10, attendees * 2))
    return list(await asyncio.gather(*(visit(url, **kwargs) for _ in range(attendees))))


def leave(visits: list[Visit]) -> None:
    """Every attendee closes the tab (no shutdown beacon: a crashed browser, a lid closed)."""
    for v in visits:
        if v.socket is not None:
            v.socket.close()  # type: ignore[attr-defined]
            v.socket = None


async def close_tabs(base: str, visits: list[Visit]) -> None:
    """Every attendee closes the tab as a browser does: the page's shutdown beacon (Voilà's
    `/voila/api/shutdown/<kernel>`), then the socket."""
    client = AsyncHTTPClient()
    for v in visits:
        if v.kernel_id and v.xsrf:
            with contextlib.suppress(Exception):
                await client.fetch(HTTPRequest(
                    f"{base}/voila/api/shutdown/{v.kernel_id}", method="POST", body="",
                    headers={"Cookie": f"_xsrf={v.xsrf}", "X-XSRFToken": v.xsrf}))
    leave(visits)

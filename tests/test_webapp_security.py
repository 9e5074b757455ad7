"""What a browser (or a script pretending to be one) cannot do to the web app: run code, read
sources or content, open a kernel socket from another site, reach it under another host name, or
break a kernel with hostile widget messages. Loopback only."""

from __future__ import annotations

import contextlib
import json
import re
import urllib.error
import urllib.request
import uuid

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from workshop_kit.faces.quiet_errors import PLAIN

pytestmark = pytest.mark.browser  # needs a served app, which takes the browser tests' time


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=120) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def kernel_of_a_page(base: str) -> str:
    status, html = get(f"{base}/voila/render/00_orders_compared.ipynb")
    assert status == 200
    return re.search(r'"kernelId": "([0-9a-f-]+)"', html).group(1)


def message(msg_type: str, content: dict, channel: str = "shell") -> str:
    return json.dumps({
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "",
                   "session": "test", "version": "5.3", "date": "2026-11-23T00:00:00Z"},
        "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
        "buffers": []})


def channels(base: str, kernel: str, **kwargs):
    ws = base.replace("http://", "ws://")
    return connect(f"{ws}/api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}",
                   open_timeout=30, max_size=None, **kwargs)


def replies_until(socket, msg_type: str, timeout: float = 60) -> list[dict]:
    """Every message up to and including the first of `msg_type`."""
    seen = []
    while True:
        raw = socket.recv(timeout=timeout)
        msg = json.loads(raw)
        seen.append(msg)
        if msg["header"]["msg_type"] == msg_type:
            return seen


def test_the_browser_cannot_execute_code(served_app, tmp_path):
    marker = tmp_path / "ran"
    with channels(served_app, kernel_of_a_page(served_app)) as socket:
        socket.send(message("execute_request", {
            "code": f"open({str(marker)!r}, 'w').write('x')", "silent": False,
            "store_history": False, "user_expressions": {}, "allow_stdin": False}))
        socket.send(message("kernel_info_request", {}))
        seen = replies_until(socket, "kernel_info_reply")
    assert not marker.exists(), "code sent from the browser ran"
    assert not any(m["header"]["msg_type"] == "execute_reply" for m in seen)


@pytest.mark.parametrize("path", [
    "/api/contents", "/api/contents/00_orders_compared.ipynb", "/tree", "/lab", "/files/",
    "/voila/files/00_orders_compared.ipynb", "/voila/files/index.ipynb",
    "/voila/api/contents/", "/api/kernels", "/api/sessions",
    "/voila/files/../case_studies/leo-and-his-aunt-in-spain.yaml",
    "/voila/files/../src/workshop_kit/content/orders.yaml",
])
def test_sources_content_and_jupyter_apis_are_not_served(served_app, path):
    status, body = get(served_app + path)
    assert status in {301, 302, 403, 404}, path
    assert "OrdersComparison" not in body and "last_reviewed" not in body


@pytest.mark.parametrize("path", ["/logout", "/login", "/voila/templates/nope/x.js",
                                  "/voila/templates/workshop/index.html.j2", "/no-such-page"])
def test_unknown_addresses_are_404_not_500(served_app, path):
    assert get(served_app + path)[0] == 404


def test_the_file_tree_sends_visitors_to_the_landing_page(served_app):
    status, _ = get(served_app + "/voila/tree")
    assert status in {301, 302}


def test_a_foreign_host_header_gets_no_page_and_no_kernel(served_app):
    port = served_app.rsplit(":", 1)[1]
    status, body = get(f"{served_app}/voila/render/00_orders_compared.ipynb",
                       headers={"Host": f"rebind.example:{port}"})
    assert status == 404
    assert "kernelId" not in body


def test_a_foreign_origin_cannot_open_a_kernel_socket(served_app):
    kernel = kernel_of_a_page(served_app)
    with pytest.raises(InvalidStatus), channels(served_app, kernel, origin="http://evil.example"):
        pass
    with channels(served_app, kernel) as socket:  # the same request from the page's own origin
        socket.send(message("kernel_info_request", {}))
        assert replies_until(socket, "kernel_info_reply")


def widget_update(comm_id: str, value) -> str:
    return message("comm_msg", {"comm_id": comm_id, "data": {
        "method": "update", "state": {"value": value, "index": value}, "buffer_paths": []}})


def test_hostile_widget_messages_leave_the_kernel_running_and_say_nothing_technical(served_app):
    kernel = kernel_of_a_page(served_app)
    with channels(served_app, kernel) as socket:
        socket.send(message("comm_info_request", {"target_name": "jupyter.widget"}))
        comms = list(replies_until(socket, "comm_info_reply")[-1]["content"]["comms"])[:40]
    assert comms, "the page has widgets"
    # 10 MB: the server may refuse it as too big (1009) or reset the connection; either way the
    # kernel must still answer on a new socket below.
    with contextlib.suppress(ConnectionClosed), channels(served_app, kernel) as socket:
        socket.send(widget_update(comms[0], "x" * 10_000_000))
        socket.send(message("kernel_info_request", {}))
        replies_until(socket, "kernel_info_reply", timeout=120)
    with channels(served_app, kernel) as socket:
        for comm_id in comms:
            for value in ['<img src=x onerror="alert(1)"><script>alert(1)</script>', -1e308,
                          10**30, None, ["not", "a", "value"], "9999-12-31"]:
                socket.send(widget_update(comm_id, value))
        socket.send(message("kernel_info_request", {}))
        seen = replies_until(socket, "kernel_info_reply", timeout=120)
    text = json.dumps([m.get("content") for m in seen])
    assert "Traceback" not in text and "/work/" not in text and "site-packages" not in text
    errors = [m["content"] for m in seen if m["header"]["msg_type"] == "error"]
    assert all(e["traceback"] == [PLAIN] and e["evalue"] == PLAIN for e in errors)

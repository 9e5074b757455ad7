"""Waiting, in a preheated kernel, for the visitor the page is for.

The same protocol as `voila.utils.wait_for_request` (one websocket message from Voilà's
`/voila/query/<kernel_id>` carrying the request's environment), without importing `voila`:
`voila.utils` pulls jupyter_server, jupyterlab_server and nbconvert into the kernel, about
47 MiB in every attendee's kernel for one function.
"""

from __future__ import annotations

import json
import os
import sys


def wait_for_request() -> None:
    """Block until Voilà hands this pooled kernel to a visitor, then put the visitor's request
    (QUERY_STRING and friends) in `os.environ`. Returns at once in a kernel that is not
    preheated."""
    if os.environ.get("VOILA_PREHEAT", "False") == "False":
        return
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    url = f"{protocol}://{host}:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID')}"
    try:
        with connect(url, open_timeout=5, max_size=2**20) as socket:
            request_info = socket.recv()
    except (OSError, TimeoutError, WebSocketException) as error:
        print(f"workshop-kit: a preheated page could not read its visitor's request: {error}",
              file=sys.__stderr__, flush=True)
        return
    for key, value in json.loads(request_info).items():
        os.environ[key] = value

"""`serve --room`: the address attendees type, and a QR code for it, made offline (segno).

The address is the trainer's machine on the venue network; the QR code is printed in the
terminal and shown on the landing page in trainer view, so the trainer can put it on the screen.
"""

from __future__ import annotations

import io
import os

ROOM_URL_ENV = "WORKSHOP_KIT_ROOM_URL"
"""Set by `serve --room` for its kernels: the attendees' address."""
LITE_URL_ENV = "WORKSHOP_KIT_LITE_URL"
"""Set by `serve` for its kernels when the in-browser edition is built (`workshop-kit lite`):
its address, `/lite/` on the address the attendees open."""


def qr_text(url: str) -> str:
    """The QR code as text for a terminal (dark on light, two rows per character)."""
    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def qr_svg(url: str) -> str:
    """The QR code as inline SVG (about 350 px: scannable from the back of a room when the
    trainer's screen is projected), with its address in words beside it for anyone who cannot
    scan it."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=12, border=2, xmldecl=False,
                                     svgns=True, title=f"QR code for {url}")
    return out.getvalue().decode()


def room_url() -> str | None:
    return os.environ.get(ROOM_URL_ENV) or None


def lite_url() -> str | None:
    """The in-browser edition's address when `serve` hands it out; None when it is not built,
    or the page is not served by workshop-kit (JupyterLab, Binder, the in-browser edition)."""
    return os.environ.get(LITE_URL_ENV) or None

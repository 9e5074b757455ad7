"""Who is the trainer: the browser that opened the trainer link `serve` printed.

`serve` makes a random key for this run. Opening `/trainer?key=KEY` sets a cookie on that browser
for as long as the server runs; `is_trainer(handler)` is the one check every handler uses (pages,
and handlers plugged in later such as polls). Restarting the server makes a new key, so an old
link or cookie stops working.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from html import escape
from typing import Any

from tornado.web import RequestHandler

COOKIE = "workshop_kit_trainer"
SETTING = "workshop_kit_trainer_key"
"""Where the key lives in the tornado application's settings."""
KEY_ENV = "WORKSHOP_KIT_TRAINER_KEY"


def new_key() -> str:
    """A fresh random key, unless `$WORKSHOP_KIT_TRAINER_KEY` fixes one (tests, or a trainer who
    wants the same link after a restart)."""
    return os.environ.get(KEY_ENV) or secrets.token_urlsafe(24)


def _cookie_value(key: str) -> str:
    """The cookie holds a digest, not the key: the key in the link is shown only once."""
    return hmac.new(key.encode(), b"workshop-kit trainer", hashlib.sha256).hexdigest()


def is_trainer(handler: RequestHandler) -> bool:
    """True when this request comes from the trainer's browser (it carries the cookie)."""
    key = handler.settings.get(SETTING)
    cookie = handler.get_cookie(COOKIE)
    if not isinstance(key, str) or not key or not cookie:
        return False
    return hmac.compare_digest(cookie, _cookie_value(key))


def trainer_path(key: str, next_path: str = "") -> str:
    """The trainer link; with `next_path`, it opens that page instead of the landing page."""
    return f"/trainer?key={key}" + (f"&next={next_path}" if next_path else "")


class TrainerLinkHandler(RequestHandler):
    """`/trainer?key=…`: the right key makes this browser the trainer's, then opens the landing
    page; a wrong or missing key gets a plain 404, saying nothing about what would have worked."""

    def initialize(self, landing: str) -> None:
        self.landing = landing

    def get(self) -> None:
        key = self.settings.get(SETTING, "")
        given = self.get_query_argument("key", "")
        if not (key and given and hmac.compare_digest(given, key)):
            self.set_status(404)
            self.finish(plain_page("Page not found", "There is no page at this address."))
            return
        self.set_cookie(COOKIE, _cookie_value(key), httponly=True, samesite="Lax", path="/")
        self.redirect(local_path(self.get_query_argument("next", "")) or self.landing)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish(plain_page("Something went wrong", "Reload the page, or ask the trainer."))


def local_path(path: str) -> str:
    """`path` if it is a page of this server (`/present/01_special_guardianship`), else "": the
    trainer link's `next` must never send the trainer's browser to another site."""
    if re.fullmatch(r"/[A-Za-z0-9_./-]*", path) and not path.startswith("//") and ".." not in path:
        return path
    return ""


def plain_page(title: str, message: str, *, extra_head: str = "") -> str:
    """A small accessible page in words (no scripts): for errors and a full room."""
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} — Network Days</title>{extra_head}"
        "<style>body{font-family:system-ui,sans-serif;font-size:1.25rem;line-height:1.5;"
        "max-width:36em;margin:3em auto;padding:0 1em;color:#1b1b1b;background:#fff}"
        "h1{font-size:1.8rem}</style></head><body><main>"
        f"<h1>{escape(title)}</h1><p>{escape(message)}</p>"
        "<p>Training material, not legal advice.</p></main></body></html>"
    )

"""The page mode: attendee view or trainer view, the one thing "view" means in the pages.

Attendee view is the default. Trainer view adds timings, trainer notes and model answers.

- Served by `workshop-kit serve` (the kernel's environment has `WORKSHOP_KIT_SERVED=1`), the
  *server* decides the view: it rewrites the page's query string from the trainer's cookie (see
  `faces/trainer.py`), and the kernel reads `QUERY_STRING` only. The view is then locked: there is
  no switch, and in attendee view trainer-only widgets are never built, so their text is in no
  HTML, widget state or websocket message a visitor receives.
- In JupyterLab or on Binder (no server of ours) the switch at the top of each page changes the
  view; it is a presentation mode there, not access control.

A preheated (pooled) Voilà kernel runs the whole notebook before anyone asks for it, in attendee
view: the server hands pooled kernels to attendees only (the trainer's page starts a kernel of its
own, `faces/webapp.py`), so an arriving attendee receives a page that is already built. Never
`VOILA_REQUEST_URL`: in a pooled kernel it holds the *previous* visitor's address.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from urllib.parse import parse_qs

import ipywidgets as widgets
import traitlets

ATTENDEE, TRAINER = "attendee", "trainer"
SERVED_ENV = "WORKSHOP_KIT_SERVED"
"""Set to "1" by `workshop-kit serve` in its environment, which its kernels inherit."""


def mode_from_query(query: str | None) -> str:
    values = parse_qs(query or "").get("view", [])
    return TRAINER if values and values[-1].lower() == TRAINER else ATTENDEE


def served_by_workshop_kit() -> bool:
    return os.environ.get(SERVED_ENV) == "1"


class PageMode(traitlets.HasTraits):
    """The one mode of this kernel's page (attendee or trainer view); every trainer-only block
    follows it."""

    mode = traitlets.Enum([ATTENDEE, TRAINER], default_value=ATTENDEE)
    locked = traitlets.Bool(False, help="The server decided the view; no switch can change it.")
    resolved = traitlets.Bool(False, help="The visitor's request has been read.")

    @traitlets.observe("mode")
    def _set_by_hand(self, _change) -> None:
        self.resolved = True


PAGE_MODE = PageMode()


def before_visitor() -> None:
    """Work a preheated kernel can do before anyone asks for the page: load the content every
    page reads, so the visitor does not wait for it. A broken file is left for the part that
    needs it to report."""
    from workshop_kit.core import content
    from workshop_kit.core.loading import ContentError

    for load in (content.orders_chart, content.countries, content.timescales,
                 content.viability_framework, content.workshop_plans,
                 content.readable_case_studies):
        with contextlib.suppress(ContentError):
            load()
    import workshop_kit.faces.widgets  # noqa: F401  (imports the widgets a page builds next)


def visitor_mode() -> str:
    """The view of the person this page is for, read once, from `QUERY_STRING` only; attendee
    view in a pooled kernel (only attendees are given one)."""
    if not PAGE_MODE.resolved:
        query = os.environ.get("QUERY_STRING")
        if served_by_workshop_kit():
            from workshop_kit.faces.quiet_errors import quiet_tracebacks

            quiet_tracebacks()
            if os.environ.get("VOILA_PREHEAT") == "True":
                before_visitor()
                query = ""  # built before its visitor: always an attendee's page
            PAGE_MODE.locked = True
        PAGE_MODE.mode = mode_from_query(query)
        PAGE_MODE.resolved = True
    return PAGE_MODE.mode


def may_show_trainer_text() -> bool:
    """False when trainer-only text must not even be sent to the browser."""
    return visitor_mode() == TRAINER or not PAGE_MODE.locked


def mode_switch() -> widgets.Widget:
    """The page-view switch, or in the served web app a plain line saying which view this is."""
    visitor_mode()
    if PAGE_MODE.locked:
        if PAGE_MODE.mode == TRAINER:
            return widgets.HTML('<p class="wk-note"><strong>Trainer view</strong> — timings, '
                                "trainer notes and model answers are shown on this browser "
                                "only.</p>")
        return widgets.HTML("")
    switch = widgets.ToggleButtons(
        options=[("Attendee view", ATTENDEE), ("Trainer view", TRAINER)],
        value=PAGE_MODE.mode,
        description="Page view:",
        tooltips=["What everyone sees", "Adds timings, trainer notes and model answers"],
        style={"description_width": "initial"},
    )
    traitlets.link((PAGE_MODE, "mode"), (switch, "value"))
    return switch


Children = Sequence[widgets.Widget] | Callable[[], Sequence[widgets.Widget]]


class TrainerOnly(widgets.VBox):
    """Children shown in trainer view only.

    Pass a function that builds the children: in the served attendee view it is never called,
    because creating a widget already sends its text to the browser.
    """

    def __init__(self, children: Children, **kwargs):
        built = (children() if may_show_trainer_text() else []) if callable(children) else children
        super().__init__(list(built), **kwargs)
        self.add_class("wk-trainer-only")
        PAGE_MODE.observe(self._follow, names="mode")
        self._follow()

    @property
    def shown(self) -> bool:
        return self.layout.display != "none"

    def _follow(self, _change=None) -> None:
        # "flex" (a VBox's own display), not None: a None (null) sent by the Pyodide kernel left the
        # box hidden in the in-browser edition, though the kernel had it shown (issue 19).
        self.layout.display = "flex" if PAGE_MODE.mode == TRAINER else "none"

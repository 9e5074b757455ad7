"""Attendee view and trainer view.

Attendee view is the default. Trainer view adds timings, trainer notes and model answers. In the
web app a trainer opens a page with `?view=trainer` on its address (Voilà passes the query string
to the kernel as QUERY_STRING); in JupyterLab or on Binder the switch at the top of each page does
the same. It is a presentation mode, not access control: the notes are in the repository anyway.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs

import ipywidgets as widgets
import traitlets

ATTENDEE, TRAINER = "attendee", "trainer"


def view_from_query(query: str | None) -> str:
    values = parse_qs(query or "").get("view", [])
    return TRAINER if values and values[-1].lower() == TRAINER else ATTENDEE


class ViewState(traitlets.HasTraits):
    """The one view of this kernel's page; every trainer-only block follows it."""

    mode = traitlets.Enum([ATTENDEE, TRAINER], default_value=ATTENDEE)


VIEW = ViewState(mode=view_from_query(os.environ.get("QUERY_STRING")))


def view_switch() -> widgets.ToggleButtons:
    switch = widgets.ToggleButtons(
        options=[("Attendee view", ATTENDEE), ("Trainer view", TRAINER)],
        value=VIEW.mode,
        description="Page view:",
        tooltips=["What everyone sees", "Adds timings, trainer notes and model answers"],
        style={"description_width": "initial"},
    )
    traitlets.link((VIEW, "mode"), (switch, "value"))
    return switch


class TrainerOnly(widgets.VBox):
    """Children shown in trainer view only."""

    def __init__(self, children, **kwargs):
        super().__init__(children, **kwargs)
        self.add_class("wk-trainer-only")
        VIEW.observe(self._follow, names="mode")
        self._follow()

    @property
    def shown(self) -> bool:
        return self.layout.display != "none"

    def _follow(self, _change=None) -> None:
        self.layout.display = None if VIEW.mode == TRAINER else "none"

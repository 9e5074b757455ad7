"""Static snapshots of widgets, for faces without a live kernel (slides, reports).

A slide deck cannot run widgets; it shows the `text/html` a widget offers beside its live view.
Trainer-only blocks are left out, since slides are shown to the room.
"""

from __future__ import annotations

import ipywidgets as widgets

from workshop_kit.faces.views import TrainerOnly


def static_html(widget: widgets.Widget) -> str:
    if isinstance(widget, TrainerOnly):
        return ""
    if isinstance(widget, widgets.HTML):
        return widget.value
    if isinstance(widget, widgets.Box):
        return "".join(static_html(child) for child in widget.children)
    return ""


class StaticBox(widgets.VBox):
    """A VBox that also offers its static HTML to renderers without a widget manager."""

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/html"] = static_html(self)
        return bundle

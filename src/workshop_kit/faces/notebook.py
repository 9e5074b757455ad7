"""What every notebook shows first, so no notebook re-states the disclaimer or styles."""

from __future__ import annotations

from IPython.display import HTML, display

from workshop_kit.faces.html import STYLE, disclaimer_banner


def page_setup() -> None:
    """Show the training-material notice and load the shared styles."""
    display(HTML(STYLE + disclaimer_banner()))

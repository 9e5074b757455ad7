"""What every workshop widget shares: a static snapshot for faces without a kernel, its result as
a trait, and errors in its callbacks said in words inside the widget.

A widget subclasses `WorkshopWidget`, builds its controls, wires them with `react()` (or
`on_click()`), and after every update sets `self.results`. Slides and reports never build a
widget: they call the renderers in `faces/render/` that the widget calls too.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any, ClassVar

import ipywidgets as widgets
import traitlets
from IPython.display import HTML

from workshop_kit.faces.page_mode import TrainerOnly


class StaticHTML(HTML):
    """A page part that never changes once shown, as one HTML output rather than widgets: it
    opens no widget model, so nothing of it goes over the websocket (issue 16)."""

    def static_html(self) -> str:
        return str(self.data or "")


def static_html(widget: widgets.Widget | StaticHTML) -> str:
    """The HTML a widget shows, frozen: HTML children in order, trainer-only blocks left out
    (a snapshot is shown to the room)."""
    if isinstance(widget, StaticHTML):
        return widget.static_html()
    if isinstance(widget, TrainerOnly):
        return ""
    if isinstance(widget, widgets.HTML):
        return widget.value
    if isinstance(widget, widgets.Box):
        return "".join(static_html(child) for child in widget.children)
    return ""


class StaticBox(widgets.VBox):
    """A VBox that also offers a static HTML copy (`text/html`) beside its live view, so a
    notebook converted without a widget manager (slides, nbconvert) still shows it."""

    def static_html(self) -> str:
        return static_html(self)

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/html"] = self.static_html()
        return bundle


def alert_html(part_name: str, what_to_try: str) -> str:
    """What could not be done and what to try, in words; never the error's own text, which may
    name server paths."""
    return (f'<div class="wk wk-widget-alert" role="alert"><p><strong>{escape(part_name)} could '
            f"not do that.</strong> {escape(what_to_try)}</p></div>")


ALERT_STYLE = """
<style>
.wk.wk-widget-alert { border-left: 6px solid #a4000f; background: #fdeeee; color: #1b1b1b;
                      padding: .3em 1em; margin: .4em 0; }
.wk.wk-widget-alert p { margin: .2em 0; }
</style>
"""


class WorkshopWidget(StaticBox):
    """The base of every widget in `faces.widgets`.

    - `results`: what the widget currently shows, as plain data (ids, counts, ISO dates), updated
      after every change, so widgets can be observed or `traitlets.link`ed. Not synced to the
      browser.
    - `react(controls, handler)` / `on_click(button, handler)`: wire a callback so that an error
      inside it (a date of 9999-12-31, an index out of range) is caught and said in the widget's
      alert line (`role="alert"`), the details going to the server's terminal only; the widget
      stays usable and the next valid change clears the line.
    """

    part_name: ClassVar[str] = "This part of the page"
    """What a page calls this widget when its content cannot be shown, and in its alert line."""

    what_to_try: ClassVar[str] = "Undo your last change or try another value."
    """The advice the alert line gives after an error in a callback."""

    results = traitlets.Dict(help="What the widget currently shows, as plain data.")

    def __init__(self, children: Sequence[widgets.Widget] = (), *, alert_at: int | None = None,
                 **kwargs: Any):
        shown = list(children)
        alert = self.alert  # created on first use; a subclass may already have placed it
        if alert not in shown:
            shown.insert(len(shown) if alert_at is None else alert_at, alert)
        super().__init__(shown, **kwargs)
        self.add_class("wk-widget")

    @property
    def alert(self) -> widgets.HTML:
        """The widget's alert line: hidden until a callback fails."""
        line = self.__dict__.get("_alert_line")
        if line is None:
            line = widgets.HTML(layout=widgets.Layout(display="none"))
            line.add_class("wk-alert-line")
            self.__dict__["_alert_line"] = line
        return line

    @classmethod
    def slide_html(cls, *args: Any, **kwargs: Any) -> str:
        """The widget as it first shows, frozen for a slide, from renderers only: a slide never
        builds a widget. `faces/deck.py` uses it for a widget without a design of its own, with
        the arguments the notebook passes to the widget."""
        raise NotImplementedError(
            f"{cls.__name__} has no slide: give it a `slide_html` classmethod that calls its "
            "renderers, or a design in faces/deck.py")

    def guarded(self, handler: Callable[..., Any]) -> Callable[..., None]:
        """`handler`, with any exception caught and said in the alert line instead of raised.

        A method of this widget is looked up when called, not when wired, so a subclass's
        override (or a test's stand-in) is the one that runs."""
        name = getattr(handler, "__name__", "")
        own = getattr(handler, "__self__", None) is self

        def run(*args: Any) -> None:
            try:
                (getattr(self, name) if own else handler)(*args)
            except Exception as error:  # said in words; details to the terminal
                self.show_problem(error)
            else:
                self.clear_problem()
        return run

    def react(self, controls: Iterable[widgets.Widget], handler: Callable[..., Any],
              names: str = "value") -> None:
        """Call `handler` whenever one of `controls` changes, guarded."""
        run = self.guarded(handler)
        for control in controls:
            control.observe(run, names=names)

    def on_click(self, button: widgets.Button, handler: Callable[[], Any]) -> None:
        button.on_click(self.guarded(lambda _button: handler()))

    def show_problem(self, error: BaseException) -> None:
        last = traceback.format_exception_only(type(error), error)[-1].strip()
        print(f"workshop-kit: {self.part_name} could not handle a change: {last}",
              file=sys.__stderr__, flush=True)
        self.alert.value = ALERT_STYLE + alert_html(self.part_name, self.what_to_try)
        # "flex" (an HTML widget's own display), not None: a null display sent by the Pyodide
        # kernel leaves the line hidden in the in-browser edition (issue 19).
        self.alert.layout.display = "flex"

    def clear_problem(self) -> None:
        if self.alert.value:
            self.alert.value = ""
            self.alert.layout.display = "none"

    @property
    def problem(self) -> str:
        """The alert line's text as shown ('' when all is well)."""
        return self.alert.value


_SHARED: dict[tuple[Any, ...], widgets.Widget] = {}


def _shared(kind: type[widgets.Widget], **traits: Any) -> Any:
    """One model per kind and settings in this kernel, reused by every widget that asks for it:
    each widget would otherwise open its own Layout and Style model, each sent to the browser
    (issue 16). Only for widgets whose layout or style is never changed at run time (so never
    the alert line, a TrainerOnly block or a control hidden by `layout.display`). Made again if
    closed (`Widget.close_all()` in tests)."""
    key = (kind, tuple(sorted(traits.items())))
    model = _SHARED.get(key)
    if model is None or getattr(model, "comm", None) is None:
        model = _SHARED[key] = kind(**traits)
    return model


def shared_layout(**traits: Any) -> widgets.Layout:
    """A Layout that never changes, shared by every widget with the same settings."""
    return _shared(widgets.Layout, **traits)


def shared_style(control: type[widgets.DOMWidget], **traits: Any) -> Any:
    """The Style model for a kind of control (`widgets.Dropdown` gives a DescriptionStyle),
    shared by every control with that kind of style and the same settings."""
    return _shared(control.style.klass, **traits)


def fixed_html(value: str = "", **kwargs: Any) -> widgets.HTML:
    """An HTML widget whose layout and style never change: one shared Layout and HTMLStyle for
    all of them. Its value may still change."""
    kwargs.setdefault("layout", shared_layout())
    return widgets.HTML(value, style=shared_style(widgets.HTML), **kwargs)

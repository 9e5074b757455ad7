"""What every workshop widget shares: a static snapshot for faces without a kernel, its result as
a trait, and errors in its callbacks said in words inside the widget.

A widget subclasses `WorkshopWidget`, builds its controls, wires them with `react()` (or
`on_click()`), and after every update sets `self.results`. Slides and reports never build a
widget: they call the renderers in `faces/render/` that the widget calls too.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, ClassVar, Generic, TypeVar

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


@dataclass
class HTMLPart:
    """One part of what a widget shows (a status line, a table), not a widget of its own: parts
    that change together and sit together are shown as one HTML widget, since every model's
    state goes over the websocket when a page opens (issue 16)."""

    value: str = ""


W = TypeVar("W", bound=widgets.Widget)


class BuiltOnFirstUse(Mapping[str, W], Generic[W]):
    """A widget's controls by name, each built the first time it is asked for (shown, or set
    by a program): a page opens with the controls it shows, and the rest cost nothing until
    they are needed (issue 16). `built` holds the ones made so far."""

    def __init__(self, names: Iterable[str], build: Callable[[str], W]):
        self._names = tuple(names)
        self._build = build
        self.built: dict[str, W] = {}

    def __getitem__(self, name: str) -> W:
        if name not in self._names:
            raise KeyError(name)
        if name not in self.built:
            self.built[name] = self._build(name)
        return self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


DISCLOSURE_STYLE = """
<style>
.jupyter-widgets.wk-disclosure-toggle { margin: .6em 0 .2em 0; font-weight: bold;
                                        align-self: flex-start; }
</style>
"""
"""How a disclosure's button looks: in a widget's stylesheet, so the button shares one Layout and
one Style model with every other plain button."""


class Disclosure:
    """A part of a widget behind a button that shows or hides it. Closed at first: its widgets are
    built the first time it is opened, and placed just after the button in the box that holds
    it (issue 16: a page opens with the models it shows; a disclosure is no box of its own). The
    button stays where it is, so it keeps the keyboard's focus, and its label says what pressing
    it does; Tab then goes on into what it opened. Put `toggle` in a box, then `place_in` it."""

    def __init__(self, show_words: str, hide_words: str,
                 build: Callable[[], Sequence[widgets.Widget]], *, tooltip: str = ""):
        self.show_words, self.hide_words = show_words, hide_words
        self._build = build
        self._box: widgets.Box | None = None
        self.body: widgets.VBox | None = None
        self.toggle = widgets.Button(
            description=show_words, icon="chevron-right", tooltip=tooltip or show_words,
            layout=shared_layout(width="auto"), style=shared_style(widgets.Button),
        )
        self.toggle.add_class("wk-disclosure-toggle")
        self.toggle.on_click(lambda _button: self.expand(not self.is_open))

    def place_in(self, box: widgets.Box) -> None:
        """The box whose children hold `toggle`: what is opened goes in just after it."""
        self._box = box

    @property
    def is_open(self) -> bool:
        return self.body is not None and self.body.layout.display != "none"

    def expand(self, is_open: bool = True) -> None:
        """Show (building it the first time) or hide what is behind the button."""
        if is_open and self.body is None:
            if self._box is None:
                raise RuntimeError("a Disclosure opens inside a box: call place_in(box) first")
            self.body = widgets.VBox(list(self._build()), layout=widgets.Layout())
            children = list(self._box.children)
            at = children.index(self.toggle) + 1
            self._box.children = (*children[:at], self.body, *children[at:])
        if self.body is not None:
            self.body.layout.display = None if is_open else "none"
        self.toggle.description = self.hide_words if is_open else self.show_words
        self.toggle.icon = "chevron-down" if is_open else "chevron-right"


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
        # The alert line is built the first time a callback fails (most pages never need it, and
        # an unbuilt line sends nothing: issue 16); it then goes where `alert_at` says, before
        # the child that is there now. A subclass may place it itself (`_place_alert`).
        if alert_at is not None and -len(shown) <= alert_at < len(shown):
            self._alert_before: widgets.Widget | None = shown[alert_at]
        else:
            self._alert_before = None
        kwargs.setdefault("layout", shared_layout())  # the widget's own box never changes
        super().__init__(shown, **kwargs)
        self.add_class("wk-widget")

    @property
    def alert(self) -> widgets.HTML:
        """The widget's alert line, built and placed on first use: hidden until a callback
        fails."""
        line = self.__dict__.get("_alert_line")
        if line is None:
            line = widgets.HTML(layout=widgets.Layout(display="none"))
            line.add_class("wk-alert-line")
            self.__dict__["_alert_line"] = line
            self._place_alert(line)
        return line

    def _place_alert(self, line: widgets.HTML) -> None:
        """Put the new alert line in this widget: before the child `alert_at` named, else last."""
        children: list[widgets.Widget] = list(self.children)  # type: ignore[has-type]
        before = self._alert_before
        at = children.index(before) if before in children else len(children)
        self.children = (*children[:at], line, *children[at:])

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
        if "_alert_line" in self.__dict__ and self.alert.value:
            self.alert.value = ""
            self.alert.layout.display = "none"

    @property
    def problem(self) -> str:
        """The alert line's text as shown ('' when all is well)."""
        line = self.__dict__.get("_alert_line")
        return line.value if line is not None else ""


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

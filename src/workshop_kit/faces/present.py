"""Live slides: a workshop notebook served by the web app as reveal.js slides with live widgets.

`workshop-kit present WORKSHOP` (or the *Present* link a trainer sees on each workshop page)
opens `/present/<workshop>`, which is the same Voilà page in our `workshop_reveal` template. So it
has everything `serve` gives a page: content checked first, the trainer's cookie deciding the
view in the server, the cap, the host check, IPC kernels, and nothing fetched from outside —
reveal.js comes from the copy npm installed (`faces/slides.reveal_source()`), served from the web
app's own origin.

Slides come from the notebook's shape, not from cell metadata a trainer would have to edit: each
heading (a workshop plan's section, or the introduction, discussion, knowledge check, summary)
starts a slide group; a widget shown with `page.show(...)` shares the heading's slide or gets one of
its own, and its key points follow on the next (reveal.js's vertical slides, walked through in
order with → and Space; ↓ and ↑ scroll a slide taller than the screen).

Speaker notes are the trainer-only parts of the page (trainer notes, timings, model answers).
They exist only in the trainer's page — attendee kernels never build them — and `S` opens a
speaker window that the presenting page fills itself, without loading the presentation again
(reveal.js's own notes plugin loads it in two iframes: two more kernels, the notebook run twice).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workshop_kit.core.ids import UnknownId

TEMPLATE = "workshop_reveal"
"""The Voilà template of live slides (beside our `workshop` template)."""
SERVED_TEMPLATES = ("workshop", TEMPLATE)
"""The only templates a visitor may ask for with `?template=` (Voilà's own ones load CDNs)."""
REVEAL_URL = "/present-assets/reveal.js/"
"""Where the web app serves reveal.js's `dist/` folder."""
PRESENT_URL = "/present/"

SECTION, PART, SAME = "section", "part", ""
"""A cell starts a new slide group (a section), a new slide within it, or joins the slide."""
SLIDE_MARK = "wk_slide"
"""The cell metadata key the template reads, set on the server's copy by
`faces.present_template.SectionSlides` (kept apart: kernels import this module, not nbconvert)."""

_WORKSHOP_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def starts_section(cell: Mapping[str, Any]) -> bool:
    """A markdown cell opening with a `#` or `##` heading: a section of the workshop plan (or the
    title, discussion, knowledge check, summary, reading)."""
    if cell.get("cell_type") != "markdown":
        return False
    text = _source(cell).lstrip()
    return bool(re.match(r"#{1,2}\s", text))


def _calls(cell: Mapping[str, Any], method: str) -> list[ast.Call]:
    """The calls of `….method(...)` in a code cell (none in markdown or non-Python cells)."""
    if cell.get("cell_type") != "code":
        return []
    try:
        tree = ast.parse(_source(cell))
    except SyntaxError:
        return []
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute) and node.func.attr == method]


def _first_text_argument(calls: list[ast.Call]) -> str | None:
    for call in calls:
        if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
            return call.args[0].value
    return None


def shows_widget(cell: Mapping[str, Any]) -> bool:
    """A code cell that shows a widget with `page.show(...)` (an interactive tool: its own slide)."""
    return bool(_calls(cell, "show"))


def shown_section(cell: Mapping[str, Any]) -> str | None:
    """The plan section a cell shows with `page.key_points("<id>")`, if any."""
    return _first_text_argument(_calls(cell, "key_points"))


def opened_plan(cells: Sequence[Mapping[str, Any]]) -> str | None:
    """The workshop plan a notebook opens with `WorkshopPage("<id>")`."""
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        found = re.search(r"""WorkshopPage\(\s*["']([^"']+)["']""", _source(cell))
        if found:
            return found.group(1)
    return None


def slide_marks(cells: Sequence[Mapping[str, Any]],
                notes_only: Callable[[str], bool] = lambda section: False) -> list[str]:
    """Where each cell goes: SECTION, PART or SAME.

    The first cell and every heading open a section. A widget joins its section's heading when
    only words are on that slide so far (the question stays above the tool), else it starts a
    slide of its own; whatever follows a widget (its key points) starts the next slide — unless
    the plan gives that section only trainer notes (`notes_only(section_id)`), which go to the
    speaker notes and would leave the room a blank slide."""
    marks: list[str] = []
    after_widget = has_output = False
    for index, cell in enumerate(cells):
        widget = shows_widget(cell)
        section = shown_section(cell)
        if index > 0 and section is not None and notes_only(section) and not starts_section(cell):
            marks.append(SAME)
            continue
        if index == 0 or starts_section(cell):
            mark, has_output = SECTION, False
        elif widget:
            mark = PART if has_output else SAME
        elif after_widget:
            mark, has_output = PART, False
        else:
            mark = SAME
        after_widget = widget
        has_output = has_output or cell.get("cell_type") == "code"
        marks.append(mark)
    return marks


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def workshop_notebook(name: str, notebooks: Path) -> Path:
    """The notebook a trainer means by `01_special_guardianship`, `01_special_guardianship.ipynb`
    or `notebooks/01_special_guardianship.ipynb`; `UnknownId` lists the ones there are."""
    stem = Path(name).name.removesuffix(".ipynb")
    path = notebooks / f"{stem}.ipynb"
    if _WORKSHOP_ID.fullmatch(stem) and path.is_file():
        return path
    known = sorted(p.stem for p in notebooks.glob("*.ipynb"))
    raise UnknownId("workshop", name, known, f"in {notebooks}")


def presentation_path(notebook: Path | str) -> str:
    """The address (path) of a notebook's live slides."""
    return PRESENT_URL + Path(notebook).name.removesuffix(".ipynb")


def page_path(stem: str) -> str:
    return f"/voila/render/{stem}.ipynb?template={TEMPLATE}"


def present_handlers(base: str, notebooks: Path) -> list[tuple]:
    """Tornado rules for `serve`: reveal.js from the npm copy, and `/present/<workshop>`.

    Without reveal.js installed (a wheel without `npm ci`), the rules are left out and
    `/present/...` is a plain 404: `workshop-kit present` says what to install."""
    import tornado.web

    from workshop_kit.faces import trainer
    from workshop_kit.faces.slides import reveal_source

    class PresentHandler(tornado.web.RequestHandler):
        """`/present/<workshop>`: that workshop's page in the live-slides template."""

        def get(self, stem: str) -> None:
            if not (_WORKSHOP_ID.fullmatch(stem) and (notebooks / f"{stem}.ipynb").is_file()):
                self.set_status(404)
                self.finish(trainer.plain_page("Page not found",
                                               "There is no workshop at this address."))
                return
            self.redirect(base + page_path(stem))

    try:
        reveal = reveal_source() / "dist"
    except FileNotFoundError:
        return []
    return [(base + REVEAL_URL + "(.*)", tornado.web.StaticFileHandler, {"path": str(reveal)}),
            (base + PRESENT_URL + "([^/]+)/?", PresentHandler)]

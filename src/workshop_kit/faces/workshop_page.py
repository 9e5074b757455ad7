"""What a workshop notebook shows, built from its plan in `content/workshops/`.

A notebook calls these in order (header, key points per section, discussion, knowledge check,
reading); it never states a legal point itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial, wraps
from html import escape
from typing import Any

import ipywidgets as widgets
from IPython.display import HTML

from workshop_kit.core.content import workshop_plan, workshop_plans
from workshop_kit.core.workshop_plan import WorkshopPlan
from workshop_kit.faces.content_notice import shown_or_notice
from workshop_kit.faces.event_day import served_programme_html
from workshop_kit.faces.html import STYLE, disclaimer_banner, fact_cell
from workshop_kit.faces.page_mode import (
    PAGE_MODE,
    TRAINER,
    TrainerOnly,
    mode_switch,
    served_by_workshop_kit,
    visitor_mode,
)
from workshop_kit.faces.present import TEMPLATE as PRESENT_TEMPLATE
from workshop_kit.faces.render.workshop import (
    further_reading_html,
    lite_offer_html,
    workshop_index_html,
)
from workshop_kit.faces.room import lite_url, qr_svg, room_url
from workshop_kit.faces.widgets.base import StaticBox, StaticHTML


def _html(markup: str) -> widgets.HTML:
    return widgets.HTML(STYLE + f'<div class="wk">{markup}</div>')


PART_STYLE = """
<style>
/* A page part in an HTML output looks as it did as a widget: undo the output area's own type
   scale (JupyterLab's .jp-RenderedHTMLCommon), back to the browser's defaults a widget shows. */
.jp-RenderedHTMLCommon:has(> .wk-page-part) { padding: 0; }
/* One column whose blocks keep their margins inside, 2px apart, as a box of widgets does. */
.jp-RenderedHTMLCommon > .wk-page-part { display: flex; flex-direction: column; margin: 0; }
.jp-RenderedHTMLCommon .wk-page-part > .wk { margin: 2px; }
.jp-RenderedHTMLCommon .wk-page-part :is(h2, h3, h4) { line-height: inherit; font-weight: bold; }
.jp-RenderedHTMLCommon .wk-page-part h2 { font-size: 1.5em; margin: .83em 0; }
.jp-RenderedHTMLCommon .wk-page-part h3 { font-size: 1.17em; margin: 1em 0; }
.jp-RenderedHTMLCommon .wk-page-part h4 { font-size: 1em; margin: 1.33em 0; }
.jp-RenderedHTMLCommon .wk-page-part :is(ul, ol) { padding-left: 40px; margin: 1em 0; }
.jp-RenderedHTMLCommon .wk-page-part :is(ul, ol) :is(ul, ol) { margin: 0; }
.wk-page-part p { margin: 1em 0; }
.jp-RenderedHTMLCommon > .wk-page-part.wk-header { padding-top: 4px; } /* the switch's place */
</style>
"""
"""Before `STYLE`, so the kit's own rules (e.g. `.wk-source p`) still win over it."""


def _static(markup: list[str], kind: str = "") -> StaticHTML:
    """A page part as one HTML output: served, the view is locked, so nothing in it changes
    after the page opens and no widget model (nor its websocket traffic) is needed (issue 16)."""
    parts = "".join(f'<div class="wk">{m}</div>' for m in markup if m)
    return StaticHTML(PART_STYLE + STYLE + f'<div class="wk-page-part {kind}">{parts}</div>')


def _for_the_room() -> bool:
    """Served attendee view: the view is locked, so a page part never changes and can be one HTML
    output. Served trainer view keeps widgets: the present link must open in place (a link in an
    HTML output opens a new tab and a new kernel) and live slides move `.wk-trainer-only` blocks
    to the speaker notes. Unlocked (JupyterLab, Binder), the view switch flips trainer blocks."""
    return visitor_mode() != TRAINER and PAGE_MODE.locked


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _index(mode: str) -> str:
    # Served by workshop-kit, the trainer's cookie carries the view from page to page.
    offer = lite_offer_html(lite_url(), hint=mode == TRAINER and served_by_workshop_kit())
    return offer + served_programme_html() + workshop_index_html(
        workshop_plans(), trainer_links=mode == TRAINER and not PAGE_MODE.locked)


def workshop_index() -> widgets.HTML:
    """The landing page's table of workshops: link, what it covers, time, audience.

    A widget, not an HTML output: the browser's output renderer opens links from outputs in a new
    tab (and a new kernel), while a widget's links open in place like a markdown link. In trainer
    view the links open each workshop in trainer view too.
    """
    def build() -> widgets.Widget:
        index = widgets.HTML(_index(visitor_mode()))
        PAGE_MODE.observe(lambda change: setattr(index, "value", _index(change["new"])),
                          names="mode")
        url = room_url()
        if url is None:
            return index
        return StaticBox([TrainerOnly(lambda: [_html(
            f"<h2>Attendees: open {escape(url)}</h2><p>Or scan this code with a phone or "
            f"tablet on the venue network.</p>{qr_svg(url)}")]), index])

    return shown_or_notice(build, "The list of workshops")


def _part(what: str) -> Callable:
    """A page part that says so in words when the content it reads is broken."""
    def wrap(method: Callable) -> Callable:
        @wraps(method)
        def guarded(self, *args, **kwargs):
            return shown_or_notice(lambda: method(self, *args, **kwargs), what)
        return guarded
    return wrap


class WorkshopPage:
    """One workshop notebook's plan, rendered piece by piece where the notebook asks for it."""

    def __init__(self, plan: WorkshopPlan | str):
        self._plan = plan

    @cached_property
    def plan(self) -> WorkshopPlan:
        """Read on first use, so a broken plan file breaks the parts that need it, not the page."""
        return workshop_plan(self._plan) if isinstance(self._plan, str) else self._plan

    def show(self, part: Callable[..., Any], *args: Any, what: str = "This part",
             **kwargs: Any) -> Any:
        """A widget on this page, e.g. `page.show(CaseStudyExplorer)`: if a content file it needs
        is broken, a plain-words notice takes its place and the rest of the page still works."""
        return shown_or_notice(lambda: part(*args, **kwargs), getattr(part, "part_name", what))

    @_part("The introduction to this workshop")
    def header(self) -> StaticBox | StaticHTML:
        """Notice, view switch, objectives, time, prerequisites; timings for the trainer."""
        plan = self.plan
        about_html = (
            disclaimer_banner()
            + f"<p><strong>For:</strong> {escape(plan.audience)} · "
            f"<strong>Time to teach:</strong> about {plan.minutes} minutes</p>"
            + "<h2>Learning objectives</h2>" + _list(plan.objectives)
            + ("<h2>Prerequisites</h2>" + _list(plan.prerequisites) if plan.prerequisites else "")
        )
        def timings_html() -> str:
            timings = "".join(
                f'<tr><th scope="row">{escape(s.title)}</th><td>{s.minutes} min</td></tr>'
                for s in plan.sections
            )
            return ('<table class="wk wk-table wk-narrow"><caption>Trainer: session timings'
                    '</caption><thead><tr><th scope="col">Section</th><th scope="col">Minutes'
                    f"</th></tr></thead><tbody>{timings}</tbody></table>")

        if _for_the_room():  # one output, the timings never built
            return _static([about_html], "wk-header")
        trainer_box = TrainerOnly(lambda: [_html(timings_html())])
        return StaticBox([mode_switch(), *present_link(plan.notebook), _html(about_html),
                          trainer_box])

    @_part("This section's key points")
    def key_points(self, section_id: str) -> StaticBox | StaticHTML:
        """A section's sourced key points for everyone, and its notes for the trainer."""
        section = self.plan.section(section_id)
        points = "".join(f'<li class="wk-point">{fact_cell(f)}</li>' for f in section.key_points)

        def notes_html() -> str:
            return (f"<p><strong>Trainer notes ({section.minutes} min):</strong></p>"
                    + _list(section.trainer_notes))

        if _for_the_room():  # the trainer's notes are never built
            return _static([f"<ul>{points}</ul>" if points else ""])
        shown = [_html(f"<ul>{points}</ul>")] if points else []
        if section.trainer_notes:
            shown.append(TrainerOnly(lambda: [_html(notes_html())]))
        return StaticBox(shown)

    @_part("The discussion prompts")
    def discussion(self) -> StaticBox | StaticHTML:
        if _for_the_room():  # model answers are never built
            return _static([f"<p><strong>{number}.</strong> {escape(item.prompt)}</p>"
                            for number, item in enumerate(self.plan.discussion, start=1)])
        blocks: list[widgets.Widget] = []
        for number, item in enumerate(self.plan.discussion, start=1):
            blocks.append(_html(f"<p><strong>{number}.</strong> {escape(item.prompt)}</p>"))
            if item.model_answer:
                blocks.append(TrainerOnly(partial(_model_answer, item.model_answer)))
        return StaticBox(blocks)

    @_part("Sources and further reading")
    def further_reading(self) -> HTML:
        return HTML(further_reading_html(self.plan))

    @_part("The knowledge check")
    def knowledge_check(self) -> widgets.Widget:
        from workshop_kit.faces.widgets.knowledge_check import KnowledgeCheck

        if not self.plan.quiz:
            return widgets.HTML("<p>This workshop has no knowledge check.</p>")
        # The notebook gives the heading and the instructions; the widget does not repeat them.
        return KnowledgeCheck(self.plan.quiz, heading=False)


def present_link(notebook: str) -> list[widgets.Widget]:
    """In the served trainer view, a link to present this page as live slides (each opening starts
    a kernel, so attendees are not offered it)."""
    markup = present_link_html(notebook)
    return [_html(markup)] if markup else []


def present_link_html(notebook: str) -> str:
    """The present link's markup, or '' where it is not offered."""
    if not (PAGE_MODE.locked and visitor_mode() == TRAINER):
        return ""
    href = f"{escape(notebook)}?template={PRESENT_TEMPLATE}"
    return (f'<p class="wk-present-link"><a href="{href}">Present this workshop as live '
            "slides</a> — → and Space move on, S opens the speaker notes.</p>")


def _model_answer_html(answer: str) -> str:
    return f'<p class="wk-note"><strong>Model answer:</strong> {escape(answer)}</p>'


def _model_answer(answer: str) -> list[widgets.Widget]:
    """Built only for the trainer: attendee pages never hold model answers."""
    return [_html(_model_answer_html(answer))]

"""Choose a fictional case study and walk a room through it: who the child and carers are, which
routes are open and why, the statutory timeline, the viability evidence, the balance sheet of the
realistic options, and questions to discuss, with the trainer's notes and model answers shown in
trainer view only."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as widgets

from workshop_kit.core.balance_sheet import balance_sheet
from workshop_kit.core.case_study import CaseStudy
from workshop_kit.core.content import countries as load_countries
from workshop_kit.core.content import orders_chart, readable_case_studies
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.loading import ContentError
from workshop_kit.core.routes import RouteAssessment, find_routes
from workshop_kit.faces.content_notice import log_problems, notice_html
from workshop_kit.faces.event_day import days_cases_first
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.page_mode import TrainerOnly, may_show_trainer_text
from workshop_kit.faces.render.balance_sheet import balance_sheet_html
from workshop_kit.faces.render.case_card import (
    case_card_html,
    case_timeline_html,
    case_viability_html,
    discussion_html,
    trainer_notes_html,
)
from workshop_kit.faces.render.routes import route_verdicts_html
from workshop_kit.faces.widgets.base import (
    WorkshopWidget,
    fixed_html,
    shared_layout,
    shared_style,
)

TAB_STYLE = """
<style>
.wk-case-explorer .wk-tabs.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab { color: #1b1b1b;
    font-size: 1em; }
.wk-case-explorer .wk-tabs.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab.lm-mod-current {
    font-weight: 700; }
.wk-case-explorer .wk-tabs.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab:focus-visible {
    outline: 3px solid #1d4f91; outline-offset: -3px; }
</style>
"""
"""The default tab labels are grey on grey (about 4.4:1), short of WCAG AA's 4.5:1: make them
dark, and the current one bold as well as white, so it is not told by colour alone."""

SECTION_TITLES = {
    "routes": "Routes and why",
    "timeline": "Timeline",
    "viability": "Viability",
    "balance_sheet": "Balance sheet",
    "discussion": "Discussion",
}
"""The parts after the case card, in the order a session usually takes them; each is a tab."""


def _section(title: str, body: str) -> str:
    return STYLE + f'<div class="wk"><h3>{escape(title)}</h3></div>' + body


class CaseStudyExplorer(WorkshopWidget):
    """The case-study explorer: a labelled case select, the case card (always first, so the trainer
    can introduce the case), then the parts as tabs a trainer moves through with the room.

    `today` decides which Conventions are in force for the route verdicts (default: the real today).
    """

    part_name = "The case-study explorer"
    what_to_try = "Choose another case study, or reload the page."

    def __init__(self, case_id: str | None = None, today: dt.date | None = None, **kwargs):
        cases, problems = readable_case_studies()
        if problems and not cases:
            raise ContentError(list(problems))
        self.cases = {c.id: c for c in days_cases_first(cases)}  # served event's cases first
        if not self.cases:
            raise ValueError("there are no case studies to explore: add a YAML file to case_studies/")
        if case_id is not None and case_id not in self.cases:
            raise UnknownId("case study", case_id, self.cases)
        self.today = today
        self.dropdown = widgets.Dropdown(
            options=[(c.title, c.id) for c in self.cases.values()],
            value=case_id or next(iter(self.cases)),
            description="Case study",
            style=shared_style(widgets.Dropdown, description_width="initial"),
            layout=shared_layout(width="44em", max_width="100%"),
        )
        self.card = fixed_html()
        self.sections: dict[str, widgets.HTML] = {key: fixed_html() for key in SECTION_TITLES}
        self.trainer_notes = fixed_html()
        self.trainer = TrainerOnly(lambda: [self.trainer_notes])
        self.assessments: list[RouteAssessment] = []
        pages = [widgets.VBox([self.sections[key]], layout=shared_layout()) for key in SECTION_TITLES]
        pages[-1].children = (self.sections["discussion"], self.trainer)
        self.tabs = widgets.Tab(children=pages, titles=list(SECTION_TITLES.values()))
        self.tabs.add_class("wk-tabs")
        self.react([self.dropdown], self._update)
        intro = fixed_html(
            STYLE + TAB_STYLE + '<div class="wk"><p><strong>Explore a case study.</strong> Every case is '
            "fictional. Choose a case: its card comes first, then the routes, the timeline, the "
            "viability evidence, the balance sheet and questions, each under its own tab (use Tab "
            "to reach the tabs and the arrow keys to move between them).</p></div>"
        )
        shown: list[widgets.Widget] = [intro, self.dropdown, self.card, self.tabs]
        if problems:  # a file broken while serving: the other cases still open
            files = {p.file for p in problems}
            what = "One case study" if len(files) == 1 else f"{len(files)} case studies"
            log_problems("the case-study explorer", problems)
            shown.insert(1, widgets.HTML(notice_html(what, problems, rest_shown=True)))
        super().__init__(shown, alert_at=shown.index(self.dropdown) + 1, **kwargs)
        self.add_class("wk-case-explorer")
        self._update()

    @property
    def case(self) -> CaseStudy:
        return self.cases[self.dropdown.value]

    def select(self, case_id: str) -> None:
        if case_id not in self.cases:
            raise UnknownId("case study", case_id, self.cases)
        self.dropdown.value = case_id

    def _update(self, _change: object = None) -> None:
        case = self.case
        self.assessments = find_routes(case, load_countries(), today=self.today)
        sheet = balance_sheet(case, self.assessments, orders_chart())
        bodies = {
            "routes": route_verdicts_html(self.assessments),
            "timeline": case_timeline_html(case),
            "viability": case_viability_html(case),
            "balance_sheet": balance_sheet_html(sheet),
            "discussion": discussion_html(case),
        }
        self.card.value = case_card_html(case)
        for key, body in bodies.items():
            self.sections[key].value = _section(SECTION_TITLES[key], body)
        if may_show_trainer_text():  # never sent to an attendee's browser in the web app
            self.trainer_notes.value = trainer_notes_html(case)
        self.results = {"case": case.id,
                        "verdicts": {a.route.value: a.verdict.value for a in self.assessments}}

    def static_html(self) -> str:
        """The whole case frozen, every part in order, for slides and reports: no trainer notes or
        model answers, since a static copy is shown to the room."""
        return self.card.value + "".join(w.value for w in self.sections.values())

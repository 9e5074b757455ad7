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
from workshop_kit.core.case_timeline import plan_case_timeline
from workshop_kit.core.content import countries as load_countries
from workshop_kit.core.content import orders_chart, readable_case_studies, viability_framework
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.loading import ContentError
from workshop_kit.core.routes import RouteAssessment, find_routes
from workshop_kit.core.viability import outline_support_plan, summarise_viability
from workshop_kit.faces.content_notice import log_problems, notice_html
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.routes_view import balance_sheet_html, case_card_html, route_verdicts_html
from workshop_kit.faces.timeline_view import (
    delay_flags_html,
    missing_dates_html,
    timeline_chart_html,
    timeline_table,
)
from workshop_kit.faces.viability_view import (
    evidence_table_html,
    support_plan_html,
    viability_summary_html,
)
from workshop_kit.faces.views import TrainerOnly, may_show_trainer_text

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


def timeline_section(case: CaseStudy) -> str:
    """The chosen route's milestones from the case's own dates. Nothing is judged overdue: a case's
    dates are fictional, and 'overdue' against the real today would only distract."""
    if case.chosen_route is None:
        return ('<div class="wk"><p>No route abroad is chosen in this case, so there is no '
                "timeline to plan. Which route, if any, could be made to work?</p></div>")
    timeline = plan_case_timeline(case, load_countries())
    assert timeline is not None  # a chosen route always gives a timeline
    return (timeline_chart_html(timeline, known=case.timeline_dates) + timeline_table(timeline)
            + delay_flags_html(timeline) + missing_dates_html(timeline))


def viability_section(case: CaseStudy) -> str:
    framework = viability_framework()
    evidence = case.viability_evidence
    return (viability_summary_html(summarise_viability(evidence, framework))
            + support_plan_html(outline_support_plan(evidence, framework))
            + evidence_table_html(evidence, framework))


def discussion_html(case: CaseStudy) -> str:
    items = "".join(f"<li>{escape(q)}</li>" for q in case.discussion_questions)
    return f'<div class="wk"><p>Questions for your group:</p><ol>{items}</ol></div>'


def trainer_html(case: CaseStudy) -> str:
    """For the trainer's eyes only: what to draw out, and the model answers by question."""
    notes = "".join(f"<li>{escape(n)}</li>" for n in case.trainer_notes)
    answers = "".join(
        f"<li><strong>Question {a.question}:</strong> {escape(a.answer)}</li>"
        for a in sorted(case.model_answers, key=lambda a: a.question)
    )
    body = f"<h4>Trainer notes (trainer view only)</h4><ul>{notes}</ul>"
    if answers:
        body += f"<h4>Model answers</h4><ul>{answers}</ul>"
    return (STYLE + '<div class="wk wk-trainer" style="border-left:6px solid #1d4f91;'
            f'padding:.2em 1em;background:#eef3fa">{body}</div>')


class CaseStudyExplorer(widgets.VBox):
    """The case-study explorer: a labelled case select, the case card (always first, so the trainer
    can introduce the case), then the parts as tabs a trainer moves through with the room.

    `today` decides which Conventions are in force for the route verdicts (default: the real today).
    """

    part_name = "The case-study explorer"
    """What a page calls this widget when its content cannot be shown."""

    def __init__(self, case_id: str | None = None, today: dt.date | None = None, **kwargs):
        cases, problems = readable_case_studies()
        if problems and not cases:
            raise ContentError(list(problems))
        self.cases = {c.id: c for c in cases}
        if not self.cases:
            raise ValueError("there are no case studies to explore: add a YAML file to case_studies/")
        if case_id is not None and case_id not in self.cases:
            raise UnknownId("case study", case_id, self.cases)
        self.today = today
        self.dropdown = widgets.Dropdown(
            options=[(c.title, c.id) for c in self.cases.values()],
            value=case_id or next(iter(self.cases)),
            description="Case study", style={"description_width": "initial"},
            layout=widgets.Layout(width="44em", max_width="100%"),
        )
        self.card = widgets.HTML()
        self.sections: dict[str, widgets.HTML] = {key: widgets.HTML() for key in SECTION_TITLES}
        self.trainer_notes = widgets.HTML()
        self.trainer = TrainerOnly(lambda: [self.trainer_notes])
        self.assessments: list[RouteAssessment] = []
        pages = [widgets.VBox([self.sections[key]]) for key in SECTION_TITLES]
        pages[-1].children = (self.sections["discussion"], self.trainer)
        self.tabs = widgets.Tab(children=pages, titles=list(SECTION_TITLES.values()))
        self.tabs.add_class("wk-tabs")
        self.dropdown.observe(self._update, names="value")
        intro = widgets.HTML(
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
        super().__init__(shown, **kwargs)
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
            "timeline": timeline_section(case),
            "viability": viability_section(case),
            "balance_sheet": balance_sheet_html(sheet),
            "discussion": discussion_html(case),
        }
        self.card.value = case_card_html(case)
        for key, body in bodies.items():
            self.sections[key].value = _section(SECTION_TITLES[key], body)
        if may_show_trainer_text():  # never sent to an attendee's browser in the web app
            self.trainer_notes.value = trainer_html(case)

    def static_html(self) -> str:
        """The whole case frozen, every part in order, for slides and reports: no trainer notes or
        model answers, since a static copy is shown to the room."""
        return self.card.value + "".join(w.value for w in self.sections.values())

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/html"] = self.static_html()
        return bundle

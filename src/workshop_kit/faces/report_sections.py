"""The two kinds of printed document a client receives, assembled from the shared renderers:

- a *training pack*: the chosen workshops, the orders compared and the chosen case studies;
- a *case briefing*: one case worked up as a written options response.

Each is the same HTML the live pages show, arranged as a document (faces/document.py); no legal
point is stated here.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from html import escape
from pathlib import Path

from workshop_kit.core.balance_sheet import balance_sheet
from workshop_kit.core.case_study import CaseStudy, Verdict, load_case_study
from workshop_kit.core.case_timeline import plan_case_timeline
from workshop_kit.core.content import (
    case_study,
    countries,
    orders_chart,
    provider,
    viability_framework,
    workshop_plan,
)
from workshop_kit.core.routes import RouteAssessment, find_routes
from workshop_kit.core.timeline import Timeline
from workshop_kit.core.viability import outline_support_plan, summarise_viability
from workshop_kit.core.workshop_plan import ReadingKind, WorkshopPlan
from workshop_kit.faces.document import Document
from workshop_kit.faces.render.balance_sheet import balance_sheet_html
from workshop_kit.faces.render.case_card import case_card_html
from workshop_kit.faces.render.orders import chart_tables
from workshop_kit.faces.render.routes import route_verdicts_html
from workshop_kit.faces.render.timeline import (
    DATE_LABELS,
    delay_flags_html,
    missing_dates_html,
    timeline_table,
)
from workshop_kit.faces.render.viability import (
    evidence_table_html,
    support_plan_html,
    viability_summary_html,
)

TRAINING_PACK = "Training pack"
CASE_BRIEFING = "Case briefing: the options"


def _list(items: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


# --- a training pack ------------------------------------------------------------------------------


def module_html(plan: WorkshopPlan) -> str:
    """One workshop as read after the day: what it covers, objectives, every sourced key point,
    and the prompts discussed (never the trainer's model answers)."""
    sections = "".join(
        f"<h4>{escape(s.title)}</h4><ul>"
        + "".join(f'<li class="wk-point">{_fact(f)}</li>' for f in s.key_points) + "</ul>"
        for s in plan.sections if s.key_points
    )
    prompts = _list([d.prompt for d in plan.discussion], "ol") if plan.discussion else ""
    return (f'<div class="wk"><p>{escape(plan.summary)} <em>(about {plan.minutes} minutes; for '
            f"{escape(plan.audience.lower())})</em></p>"
            f"<h3>Learning objectives</h3>{_list(plan.objectives)}"
            + (f"<h3>Key points</h3>{sections}" if sections else "")
            + (f"<h3>Discussed on the day</h3>{prompts}" if prompts else "") + "</div>")


def _fact(fact) -> str:
    from workshop_kit.faces.html import fact_cell

    return fact_cell(fact)


def _reading(plans: list[WorkshopPlan]) -> list[str]:
    seen: list[str] = []
    for plan in plans:
        for kind in ReadingKind:  # statute, regulations, case law, guidance: the pages' order
            for item in plan.further_reading:
                if item.kind is kind and item.citation not in seen:
                    seen.append(item.citation)
    return seen


def training_pack(client: str, course_date: str, modules: list[str], cases: list[str],
                  provider_file: str | None = None, room_answers_file: str | None = None) -> str:
    """The whole training pack as one HTML body: the report notebook shows this. With
    `room_answers_file` (counts written by `workshop-kit report --room-answers`), a part on what
    the room answered follows the case studies."""
    day = dt.date.fromisoformat(course_date)
    who = provider(Path(provider_file) if provider_file else None)
    doc = Document("Permanence with family and friends overseas", client, day, who)
    plans = [workshop_plan(m) for m in modules]
    for plan in plans:
        def render_module(_printing: object, plan: WorkshopPlan = plan) -> str:
            return module_html(plan)

        doc.add(f"module-{plan.id}", plan.title, render_module)
    doc.add("orders-compared", "The orders compared", lambda _p: (
        "<p>The features of the orders that can make a placement permanent, side by side.</p>"
        + chart_tables(orders_chart())))
    for case_id in cases:
        case = case_study(case_id)
        doc.add(f"case-{case.id}", f"Case study: {case.title}", partial(case_html, case))
    if room_answers_file:
        from workshop_kit.faces.render.room_answers import add_room_answers

        add_room_answers(doc, Path(room_answers_file), modules, cases)
    doc.add_unsettled_summary()
    doc.add_ending(list(who.next_steps), [*_reading(plans), *who.further_reading])
    return doc.html("Network Days: bespoke training", subtitle=TRAINING_PACK)


# --- a case, worked through -----------------------------------------------------------------------


def _assess(case: CaseStudy, today: dt.date | None = None) -> list[RouteAssessment]:
    return find_routes(case, countries(), today=today)


def case_timeline(case: CaseStudy) -> Timeline | None:
    """The chosen route's milestones from the case's own dates (none if no route is chosen), with
    the rules and risks that apply to this case (Art 33 only in a 1996 Convention country, Welsh
    review dates to be confirmed, no dates asked for that the case does not need)."""
    return plan_case_timeline(case, countries())


def _register_unsettled(printing, assessments, timeline: Timeline | None, sheet) -> None:
    """Feed the 'to be confirmed' summary with what the routes, timeline and sheet mark."""
    for a in assessments:
        for reason in (*a.reasons, *a.conditions, *a.steps):
            if reason.to_be_confirmed:
                printing.unsettled(reason.text, f"{a.route.label}: {reason.citation}")
    if timeline is not None:
        for m in timeline.milestones:
            if m.to_be_confirmed:
                printing.unsettled(m.label, m.caveat)
        for flag in timeline.flags:
            if flag.to_be_confirmed:
                printing.unsettled(flag.text, flag.source)
    for option in sheet.options:
        for point in (*option.positives, *option.negatives):
            if point.to_be_confirmed:
                printing.unsettled(point.text, point.source)


def _timeline_html(timeline: Timeline | None) -> str:
    if timeline is None:
        return ("<p>No route abroad is chosen in this case, so there is no timeline to plan.</p>")
    return timeline_table(timeline) + delay_flags_html(timeline) + missing_dates_html(timeline)


def _viability_html(case: CaseStudy) -> str:
    framework = viability_framework()
    evidence = case.viability_evidence
    return (viability_summary_html(summarise_viability(evidence, framework))
            + support_plan_html(outline_support_plan(evidence, framework))
            + evidence_table_html(evidence, framework))


def case_html(case: CaseStudy, printing) -> str:
    """A case study in a training pack: card, routes, timeline, viability, balance sheet and the
    questions for discussion (never the trainer's notes or model answers)."""
    assessments = _assess(case)
    timeline = case_timeline(case)
    sheet = balance_sheet(case, assessments, orders_chart())
    _register_unsettled(printing, assessments, timeline, sheet)
    questions = _list(list(case.discussion_questions), "ol")
    return (case_card_html(case)
            + "<h3>Routes and why</h3>" + route_verdicts_html(assessments)
            + "<h3>Timeline</h3>" + _timeline_html(timeline)
            + "<h3>Viability</h3>" + _viability_html(case)
            + "<h3>Balance sheet</h3>" + balance_sheet_html(sheet)
            + f"<h3>Questions for discussion</h3>{questions}")


def questions_to_resolve(case: CaseStudy, assessments: list[RouteAssessment],
                         timeline: Timeline | None) -> list[str]:
    """What the case cannot answer yet: each open route's conditions, the missing dates, and the
    viability domains with no evidence."""
    questions = [f"{a.route.label}: {c.text}" for a in assessments
                 if a.verdict is not Verdict.NOT_AVAILABLE for c in a.conditions]
    if timeline is not None:
        questions += [f"When is (or was) the {DATE_LABELS.get(m.date_id, m.date_id).lower()}? "
                      f"It would date: {', '.join(m.would_plan)}." for m in timeline.missing]
    framework = viability_framework()
    summary = summarise_viability(case.viability_evidence, framework)
    questions += [f"Viability: no evidence yet on {framework.domain(d).label.lower()}."
                  for d in summary.unknown]
    return questions


def case_briefing(client: str, course_date: str, case_file: str,
                  provider_file: str | None = None) -> str:
    """One case file as a written options response; the case is read from `case_file` here, in
    the kernel, so no detail of it is ever a papermill parameter (papermill#416)."""
    day = dt.date.fromisoformat(course_date)
    who = provider(Path(provider_file) if provider_file else None)
    case = load_case_study(Path(case_file), countries())
    assessments = _assess(case)
    timeline = case_timeline(case)
    sheet = balance_sheet(case, assessments, orders_chart())
    doc = Document(case.title, client, day, who)

    def routes(p) -> str:
        _register_unsettled(p, assessments, timeline, sheet)
        return "<h3>Each route, its verdict and why</h3>" + route_verdicts_html(assessments)

    doc.add("situation", "The situation in brief", lambda _p: case_card_html(case))
    doc.add("routes", "The routes: verdicts and reasons", routes)
    doc.add("timeline", "Timeline and risks of delay",
            lambda _p: "<h3>The statutory milestones</h3>" + _timeline_html(timeline))
    doc.add("viability", "Viability: evidence and gaps",
            lambda _p: "<h3>What the evidence shows</h3>" + _viability_html(case))
    doc.add("balance-sheet", "Balance sheet of the realistic options",
            lambda _p: "<h3>The options weighed</h3>" + balance_sheet_html(sheet))
    doc.add("questions", "Questions to resolve next", lambda _p: (
        _list(questions_to_resolve(case, assessments, timeline), "ol")
        + "<h3>For discussion</h3>" + _list(list(case.discussion_questions), "ol")))
    doc.add_unsettled_summary()
    doc.add_ending(list(who.briefing_next_steps), list(who.further_reading))
    return doc.html(CASE_BRIEFING, subtitle="A fictional case, worked through as a written options "
                    "response")

"""A workshop's plan as static HTML: the list of workshops, the further reading, the programme a
report prints. The workshop page (`faces/workshop_page.py`) shows them live with the page mode;
the slides and reports show them frozen."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from workshop_kit.core.content import workshop_plan
from workshop_kit.core.workshop_plan import ReadingKind, WorkshopPlan
from workshop_kit.faces.html import STYLE, fact_cell

READING_HEADINGS = {
    ReadingKind.STATUTE: "Statute",
    ReadingKind.REGULATIONS: "Regulations",
    ReadingKind.CASE: "Case law",
    ReadingKind.GUIDANCE: "Guidance and practice",
}



def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def workshop_index_html(plans: Sequence[WorkshopPlan], *, trainer_links: bool = False) -> str:
    """The landing page's table of workshops: link, what it covers, time, audience; with
    `trainer_links`, each link opens the workshop in trainer view."""
    suffix = "?view=trainer" if trainer_links else ""
    rows = "".join(
        f'<tr><th scope="row"><a href="{escape(p.notebook)}{suffix}">{escape(p.title)}</a></th>'
        f'<td>{escape(p.summary)}</td><td class="wk-nowrap">{p.minutes} min</td>'
        f"<td>{escape(p.audience)}</td></tr>"
        for p in plans
    )
    return (
        STYLE + '<table class="wk wk-table"><caption>The workshops</caption><thead><tr>'
        '<th scope="col">Workshop</th><th scope="col">What it covers</th>'
        '<th scope="col">Time</th><th scope="col">For</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def lite_offer_html(url: str | None, *, hint: bool = False) -> str:
    """The landing page's offer of the in-browser edition (`workshop-kit lite`): the workshops
    running in the attendee's own browser, no kernel on the trainer's laptop. With no `url` and
    `hint` (trainer view of a served page), how to build it; otherwise nothing."""
    if url:
        return (STYLE + '<div class="wk wk-lite-offer"><p><strong>Run in your own browser</strong> '
                f'(no kernel on this laptop): <a href="{escape(url)}">{escape(url)}</a> — '
                "the same workshops in JupyterLab, with Python running in your browser; once it "
                "has loaded it needs no connection. Choose <em>Run → Run All Cells</em>.</p></div>")
    if hint:
        return (STYLE + '<div class="wk wk-trainer-only wk-lite-offer"><p>The in-browser edition '
                "(the workshops running in each attendee's own browser, no kernel on this "
                "laptop) is not built: run <code>make lite</code> (or <code>workshop-kit "
                "lite</code>) and restart <code>workshop-kit serve</code> to offer it at "
                "<code>/lite/</code>.</p></div>")
    return ""


def further_reading_html(plan: WorkshopPlan) -> str:
    groups = []
    for kind, heading in READING_HEADINGS.items():
        items = [r for r in plan.further_reading if r.kind is kind]
        if items:
            groups.append(f"<h3>{heading}</h3><ul>" + "".join(
                f"<li>{escape(r.citation)}" + (f" — {escape(r.why)}" if r.why else "") + "</li>"
                for r in items) + "</ul>")
    return STYLE + '<div class="wk">' + "".join(groups) + "</div>"


def programme_html(plan_ids: list[str]) -> str:
    """The chosen workshops for a printed report: objectives and every sourced key point, with
    sources written out (a folded source cannot be opened on paper)."""
    parts = []
    for plan in (workshop_plan(i) for i in plan_ids):
        sections = "".join(
            f"<h4>{escape(s.title)}</h4><ul>"
            + "".join(f"<li>{fact_cell(f, inline_sources=True)}</li>" for f in s.key_points)
            + "</ul>"
            for s in plan.sections if s.key_points
        )
        parts.append(
            f'<div class="wk-module"><h3>{escape(plan.title)}</h3>'
            f"<p>{escape(plan.summary)} <em>(about {plan.minutes} minutes; for "
            f"{escape(plan.audience.lower())})</em></p>"
            f"<p><strong>Learning objectives</strong></p>{_list(plan.objectives)}{sections}</div>"
        )
    return STYLE + '<div class="wk">' + "".join(parts) + "</div>"

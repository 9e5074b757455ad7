"""A viability summary, an outline support plan and a case's evidence as static HTML.

The viability builder widget shows these live; the case-study explorer, the slides and the client reports
show them frozen. The outcome and its reasons come from `core.viability`; this module only says
them in words, naming the domains that decided it, so nobody has to read a colour or a score.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from workshop_kit.core.viability import (
    Evidence,
    Outcome,
    Rating,
    SupportPlanOutline,
    ViabilityFramework,
    ViabilitySummary,
    read_evidence,
)
from workshop_kit.faces.html import fact_cell

RATING_WORDS = {
    Rating.POSITIVE: "Positive",
    Rating.CONCERN: "Concern",
    Rating.SERIOUS_CONCERN: "Serious concern",
    Rating.UNKNOWN: "Not yet known",
}

VIABILITY_STYLE = """
<style>
.wk-outcome { border-left: 6px solid #5f5f5f; background: #f6f6f6; padding: .5em 1em; margin: .4em 0; }
.wk-outcome.wk-realistic_option { border-left-color: #1e6b35; background: #edf7ef; }
.wk-outcome.wk-not_realistic { border-left-color: #a4000f; background: #fdeeee; }
.wk-outcome.wk-more_information_needed { border-left-color: #8a4b00; background: #fff4e0; }
.wk-outcome p { margin: .2em 0; }
.wk-plan h5 { margin: .6em 0 .2em; font-size: 1em; }
.wk-plan ul { margin: .2em 0 .4em; }
</style>
"""

def viability_summary_html(summary: ViabilitySummary) -> str:
    """The outcome in words, then each domain that decided it and why, with the assessor's note."""
    reasons = "".join(
        f"<li><strong>{escape(r.label)}</strong>: {escape(r.why)}."
        + (f' <span class="wk-note">Note: {escape(r.note)}</span>' if r.note else "") + "</li>"
        for r in summary.reasons
    )
    if summary.outcome is Outcome.REALISTIC_OPTION and not summary.reasons:
        reasons_html = "<p>No domain is rated a concern.</p>"
    else:
        heading = ("Concerns that support could address" if summary.outcome is Outcome.REALISTIC_OPTION
                   else "Why")
        reasons_html = f"<p><strong>{heading}:</strong></p><ul>{reasons}</ul>"
    unknown = ""
    if summary.unknown:
        unknown = (f'<p class="wk-note">{len(summary.unknown)} domain(s) not yet known. The summary '
                   "follows three simple rules to structure discussion; it does not replace the "
                   "assessor's weighing of the evidence.</p>")
    return (
        VIABILITY_STYLE
        + f'<div class="wk wk-outcome wk-{summary.outcome.value}" role="status">'
        + f"<p><strong>Outcome: {escape(summary.headline)}.</strong></p>"
        + reasons_html + unknown + "</div>"
    )


def support_plan_html(plan: SupportPlanOutline) -> str:
    """Support items under the SGO support plan headings: what a concern could turn into."""
    if not plan.items:
        return (VIABILITY_STYLE + '<div class="wk wk-plan"><h4>Outline support plan</h4><p>No domain is '
                "rated a concern yet, so there is nothing to plan support for.</p></div>")
    sections = []
    for heading, items in plan.by_heading().items():
        entries = []
        for item in items:
            entry = (f"<li><strong>{escape(item.domain_label)}</strong> "
                     f"({escape(RATING_WORDS[item.rating].lower())}): {escape(item.suggestion)}")
            if item.note:
                entry += f' <span class="wk-note">Assessor\'s note: {escape(item.note)}</span>'
            if item.legal_basis is not None:
                entry += f"<br>{fact_cell(item.legal_basis)}"
            entries.append(entry + "</li>")
        sections.append(f"<h5>{escape(heading)}</h5><ul>{''.join(entries)}</ul>")
    return (VIABILITY_STYLE + '<div class="wk wk-plan"><h4>Outline support plan</h4>'
            + "".join(sections) + "</div>")


def evidence_table_html(evidence: Mapping[str, Evidence | Mapping[str, Any] | Any],
                        framework: ViabilityFramework) -> str:
    """Every domain with its rating in words and the assessor's note; essential ones say so."""
    rows = []
    for group, overseas in (("General factors", False), ("Overseas factors", True)):
        rows.append(f'<tr><th scope="colgroup" colspan="3">{group}</th></tr>')
        for domain in (d for d in framework.domains if d.overseas is overseas):
            found = read_evidence(evidence.get(domain.id))
            rating, note = found.rating, found.note
            label = escape(domain.label) + (" (essential)" if domain.essential else "")
            rows.append(f'<tr><th scope="row">{label}</th><td>{RATING_WORDS[rating]}</td>'
                        f"<td>{escape(note) if note else ''}</td></tr>")
    return (
        VIABILITY_STYLE
        + '<table class="wk wk-table"><caption>Viability evidence by domain</caption>'
        + '<thead><tr><th scope="col">Domain</th><th scope="col">Rating</th>'
        + '<th scope="col">Assessor\'s note</th></tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table>"
    )


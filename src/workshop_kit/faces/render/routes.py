"""Route verdicts as static HTML: every route at a glance, then each with its reasons.

The route finder and the case-study explorer show these live; the slides and the client reports
show them frozen. Every verdict, reason and citation comes from `core.routes`; this module only
says them in words. A verdict is carried by its words and a symbol, never by colour alone (WCAG
2.2 SC 1.4.1), and whatever the core marks unsettled is shown "⚠ To be confirmed". Every piece of
content text is escaped here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from workshop_kit.core.case_study import Verdict
from workshop_kit.core.routes import Effect, Reason, RouteAssessment
from workshop_kit.faces.html import STYLE, tbc_badge

VERDICT_SYMBOLS = {
    Verdict.REALISTIC: "✓",
    Verdict.CONDITIONAL: "?",
    Verdict.NOT_AVAILABLE: "✗",
}
"""A symbol of a different shape for each verdict, beside the words, so the verdict never rests on
colour: a tick, a question mark, a cross."""

EFFECT_WORDS = {
    Effect.SUPPORTS: "In favour",
    Effect.CLOSES: "Rules it out",
    Effect.CONDITION: "To resolve",
    Effect.STEP: "Step",
    Effect.NOTE: "Note",
}

ROUTES_STYLE = """
<style>
.wk.wk-table.wk-verdicts tbody th { width: auto; }
.wk-verdict { display: inline-block; padding: .05em .5em; border: 2px solid #5f5f5f;
              font-weight: 700; white-space: nowrap; }
.wk-verdict-realistic { border-color: #1e6b35; background: #edf7ef; color: #14482a; }
.wk-verdict-conditional { border-color: #8a4b00; background: #fff4e0; color: #5c3b00;
                          border-style: dashed; }
.wk-verdict-not_available { border-color: #a4000f; background: #fdeeee; color: #7a000b;
                            border-style: double; border-width: 3px; }
.wk-route { border: 1px solid #8a8a8a; border-left: 8px solid #5f5f5f; padding: .4em 1em;
            margin: .8em 0; }
.wk-route.wk-route-realistic { border-left-color: #1e6b35; }
.wk-route.wk-route-conditional { border-left-color: #8a4b00; }
.wk-route.wk-route-not_available { border-left-color: #a4000f; }
.wk-route h4 { margin: .3em 0; font-size: 1.05em; }
.wk-route h5 { margin: .6em 0 .2em; font-size: .95em; }
.wk-route ul, .wk-sheet ul { margin: .2em 0 .4em; padding-left: 1.3em; }
.wk-route li, .wk-sheet li { margin-bottom: .25em; }
.wk-cite { display: block; font-size: .85em; color: #333333; }
.wk-caveat { font-size: .9em; margin: .4em 0 0; }
.wk.wk-table.wk-card-table { margin-bottom: .8em; }
.wk.wk-table.wk-card-table tbody th { width: 16em; }
</style>
"""


def verdict_badge(verdict: Verdict) -> str:
    """The verdict in words with a symbol; the symbol is decoration for screen readers."""
    return (f'<span class="wk-verdict wk-verdict-{verdict.value}">'
            f'<span aria-hidden="true">{VERDICT_SYMBOLS[verdict]} </span>{escape(verdict.label)}</span>')


def _reason_item(reason: Reason, word: str | None = None) -> str:
    lead = f"<strong>{escape(word)}:</strong> " if word else ""
    return (f"<li>{lead}{escape(reason.text)}{tbc_badge(reason.to_be_confirmed)}"
            f'<span class="wk-cite">{escape(reason.citation)}</span></li>')


def _route_block(assessment: RouteAssessment) -> str:
    """One route: its label and verdict, then why, what to resolve, and the steps it needs."""
    # What rules a route out comes first: a room reading "Not available" looks for why.
    reasons = [_reason_item(f.reason, EFFECT_WORDS[f.effect])
               for effect in (Effect.CLOSES, Effect.SUPPORTS)
               for f in assessment.findings if f.effect is effect]
    conditions = [_reason_item(r) for r in assessment.conditions]
    steps = [_reason_item(f.reason, EFFECT_WORDS[f.effect]) for f in assessment.findings
             if f.effect in (Effect.STEP, Effect.NOTE)]
    parts = [f"<h4>{escape(assessment.route.label)}: {verdict_badge(assessment.verdict)}</h4>"]
    for heading, items in (("Why", reasons), ("Conditions to resolve", conditions),
                           ("What the route needs in any case", steps)):
        if items:
            parts.append(f"<h5>{heading}</h5><ul>{''.join(items)}</ul>")
    return (f'<div class="wk-route wk-route-{assessment.verdict.value}" '
            f'data-route="{assessment.route.value}" data-verdict="{assessment.verdict.value}">'
            + "".join(parts) + "</div>")


def route_verdicts_html(assessments: Sequence[RouteAssessment]) -> str:
    """Every route at a glance (a table a room can read from the back), then each route with its
    reasons, conditions and steps, each citing where the rule comes from."""
    rows = "".join(
        f'<tr data-route="{a.route.value}"><th scope="row">{escape(a.route.label)}</th>'
        f"<td>{verdict_badge(a.verdict)}{tbc_badge(a.to_be_confirmed)}</td></tr>"
        for a in assessments
    )
    table = ('<table class="wk wk-table wk-narrow wk-verdicts"><caption>Routes at a glance</caption><thead>'
             '<tr><th scope="col">Route</th><th scope="col">Verdict</th></tr></thead>'
             f"<tbody>{rows}</tbody></table>")
    blocks = "".join(_route_block(a) for a in assessments)
    return STYLE + ROUTES_STYLE + f'<div class="wk wk-routes">{table}{blocks}</div>'


def verdict_summary_html(assessments: Sequence[RouteAssessment]) -> str:
    """How many routes have each verdict, in one line a screen reader announces on change."""
    counts = Counter(a.verdict for a in assessments)
    words = "; ".join(f"{counts[v]} {v.label.lower()}" for v in Verdict if counts[v])
    return (f'<div class="wk" role="status"><p><strong>{len(assessments)} routes:</strong> '
            f"{words}.</p></div>")

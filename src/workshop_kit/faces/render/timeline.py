"""A planned timeline as static HTML: a table of dated milestones, the delay flags, the dates that
would add more, and a Gantt-style chart with a text alternative.

The timeline planner widget shows these live; the case-study explorer, the slides and the client reports
show them frozen. Every date and rule comes from `core.timeline`; nothing here states law.
Meaning is carried by words (severity, kind, "⚠ To be confirmed") and marker shape, never by
colour alone (WCAG 2.2 SC 1.4.1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape

from workshop_kit.core.case_study import Route
from workshop_kit.core.timeline import (
    Milestone,
    Timeline,
    proceedings_window,
    proceedings_window_name,
)
from workshop_kit.core.timescales import DelaySeverity, TimescaleKind
from workshop_kit.faces.html import fact_cell, tbc_badge
from workshop_kit.faces.render.timeline_chart import timeline_svg

DATE_LABELS: dict[str, str] = {
    "became_looked_after": "Child became looked after",
    "proceedings_issued": "Care proceedings issued",
    "sgo_notice_given": "SGO notice given to the local authority",
    "placement_began": "Child began living with the applicants",
    "adm_decision": "Agency decision: should be placed for adoption",
}
"""Plain-English names for the dates a case records (the keys of `KNOWN_DATES`), used on the
date pickers and in the "add this date" hints so both say the same thing."""

SEVERITY_WORDS = {
    DelaySeverity.URGENT: "Urgent",
    DelaySeverity.WARNING: "Warning",
    DelaySeverity.INFO: "For information",
}

KIND_WORDS = {
    TimescaleKind.DEADLINE: "Deadline",
    TimescaleKind.MINIMUM_PERIOD: "Earliest date allowed",
    TimescaleKind.REVIEW_INTERVAL: "Review",
    TimescaleKind.EXTENSION: "Extension",
}

TIMELINE_STYLE = """
<style>
.wk-flags { list-style: none; padding-left: 0; margin: .4em 0; }
.wk-flags li { border-left: 6px solid #5f5f5f; background: #f6f6f6; padding: .4em .8em;
               margin: 0 0 .5em; }
.wk-flags li.wk-urgent { border-left-color: #a4000f; background: #fdeeee; }
.wk-flags li.wk-warning { border-left-color: #8a4b00; background: #fff4e0; }
.wk-flags .wk-flag-source { display: block; font-size: .85em; color: #333333; margin-top: .2em; }
.wk-hints { border-left: 6px solid #1d4f91; background: #eef3fa; padding: .4em 1em; margin: .4em 0; }
.wk-hints ul { margin: .2em 0; }
.wk-chart { margin: .5em 0; }
.wk-chart svg { max-width: 100%; height: auto; border: 1px solid #8a8a8a; background: #ffffff; }
.wk-chart figcaption { font-size: .9em; color: #333333; margin-top: .3em; }
.wk-nowrap { white-space: nowrap; }
</style>
"""


def route_label(route: str) -> str:
    return Route(route).label if route in Route._value2member_map_ else route


def short_date(day: dt.date) -> str:
    """'Fri 20 Mar 2026': the weekday matters when a deadline falls on a weekend."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def timeline_table(timeline: Timeline) -> str:
    """Every milestone in date order, with its rule and source: the full text alternative to the
    chart, and what a report prints."""
    caption = (f"Statutory milestones: {escape(route_label(timeline.route))} "
               f"({len(timeline.milestones)} dated)")
    if not timeline.milestones:
        return (TIMELINE_STYLE + f'<table class="wk wk-table"><caption>{caption}</caption><tbody><tr>'
                '<td class="wk-note">No milestones can be dated yet: add the dates below.</td>'
                "</tr></tbody></table>")
    rows = "".join(_milestone_row(m) for m in timeline.milestones)
    return (
        TIMELINE_STYLE
        + f'<table class="wk wk-table wk-timeline"><caption>{caption}</caption>'
        + '<thead><tr><th scope="col">Date</th><th scope="col">Milestone</th>'
        + '<th scope="col">Kind</th><th scope="col">Rule</th><th scope="col">Source</th></tr></thead>'
        + f"<tbody>{rows}</tbody></table>"
    )


def _milestone_row(m: Milestone) -> str:
    label = escape(m.label)
    if m.to_be_confirmed:
        label += "<br>" + tbc_badge().strip()
    source = escape(m.source)
    if m.caveat:
        source += f'<br><span class="wk-note">{escape(m.caveat)}</span>'
    return (f'<tr data-milestone="{escape(m.id)}">'
            f'<td class="wk-nowrap">{short_date(m.due)}</td><th scope="row">{label}</th>'
            f"<td>{escape(KIND_WORDS.get(m.kind, str(m.kind)))}</td><td>{escape(m.rule)}</td>"
            f"<td>{source}</td></tr>")


def delay_flags_html(timeline: Timeline) -> str:
    """Where the case is likely to slip, most urgent first, the severity said in words."""
    if not timeline.flags:
        return ""
    items = []
    for flag in timeline.flags:
        words = SEVERITY_WORDS[flag.severity]
        title = f" <strong>{escape(flag.label)}.</strong>" if flag.label else ""
        tbc = tbc_badge(flag.to_be_confirmed)
        items.append(
            f'<li class="wk-{flag.severity.value}"><strong>{words}:</strong>{title} '
            f"{escape(flag.text)}{tbc}"
            f'<span class="wk-flag-source">Source: {escape(flag.source)}</span></li>'
        )
    return (TIMELINE_STYLE + '<div class="wk"><h4>Where delay is likely</h4>'
            f'<ul class="wk-flags">{"".join(items)}</ul></div>')


def missing_dates_html(timeline: Timeline) -> str:
    """Which dates the case has not given, and what each would put on the timeline ('' if none)."""
    if not timeline.missing:
        return ""
    items = "".join(
        f"<li>Add <strong>{escape(DATE_LABELS.get(m.date_id, m.date_id))}</strong> to unlock: "
        f"{escape(', '.join(m.would_plan))}.</li>"
        for m in timeline.missing
    )
    return (TIMELINE_STYLE + '<div class="wk wk-hints" role="note"><strong>Dates that would add more '
            f"to this timeline</strong><ul>{items}</ul></div>")


def reference_rules_html(timeline: Timeline) -> str:
    """Rules for the route that cannot be put on a calendar (extensions, rules that depend on who
    the applicants are): shown beside the timeline so nobody mistakes their absence for none."""
    if not timeline.reference:
        return ""
    items = "".join(f"<li><strong>{escape(rule.label)}.</strong> {fact_cell(rule)}</li>"
                    for rule in timeline.reference)
    return (TIMELINE_STYLE + '<div class="wk"><h4>Rules not on the calendar</h4>'
            f"<ul>{items}</ul></div>")


# --- the chart ----------------------------------------------------------------------------------


def timeline_chart_html(timeline: Timeline, *, today: dt.date | None = None,
                        known: Mapping[str, dt.date | None] | None = None,
                        table_follows: bool = True) -> str:
    """A Gantt-style chart (inline SVG) in a <figure>, its description summarising it.

    `today` draws a line; with `known`, the 26-week band starts at `proceedings_issued`. The
    table from `timeline_table` is the full text alternative; without it beside the chart
    (`table_follows=False`: a handout page), the chart does not point to it.
    """
    milestones = timeline.milestones
    if not milestones:
        return ('<figure class="wk wk-chart"><figcaption>No chart yet: no milestone can be dated '
                "from the dates given.</figcaption></figure>")
    band = proceedings_window(timeline, known or {})
    band_name = proceedings_window_name() if band else ""
    first, last = milestones[0], milestones[-1]
    summary = (f"Timeline chart for {route_label(timeline.route)}: {len(milestones)} milestones, "
               f"from {first.label} on {short_date(first.due)} to {last.label} on "
               f"{short_date(last.due)}.")
    if band:
        summary += f" The {band_name} for care proceedings is shaded."
    if today is not None:
        summary += f" Today, {short_date(today)}, is marked with a dashed line."
    caption = ("Timeline chart. Diamonds are deadlines, triangles the earliest date something is "
               "allowed, circles reviews; milestones marked ⚠ are to be confirmed.")
    if table_follows:
        summary += " Every date is listed in the table beside the chart."
        caption += " The table lists every date."
    svg = timeline_svg(milestones, title=f"Milestones: {route_label(timeline.route)}",
                       description=summary, today=today, band=band, band_name=band_name)
    return (TIMELINE_STYLE + f'<figure class="wk wk-chart">{svg}'
            f"<figcaption>{escape(caption)}</figcaption></figure>")

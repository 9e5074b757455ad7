"""A planned timeline as static HTML: a table of dated milestones, the delay flags, the dates that
would add more, and a Gantt-style chart with a text alternative.

The timeline planner widget shows these live; the case-study explorer, the slides and the client reports
show them frozen. Every date and rule comes from `core.timeline`; nothing here states law.
Meaning is carried by words (severity, kind, "⚠ To be confirmed") and marker shape, never by
colour alone (WCAG 2.2 SC 1.4.1).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from workshop_kit.core.case_study import Route
from workshop_kit.core.timeline import (
    PROCEEDINGS_DEADLINE,
    Milestone,
    Timeline,
    proceedings_window,
    proceedings_window_name,
)
from workshop_kit.core.timescales import DelaySeverity, TimescaleKind
from workshop_kit.faces.html import fact_cell, tbc_badge

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn (page start-up time)
    import matplotlib.pyplot as plt
    from matplotlib.artist import Artist

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

# Marker shape and hatching tell the kinds apart; colours (all 4.5:1 or more on white) only add.
_KIND_STYLE = {
    TimescaleKind.DEADLINE: {"marker": "D", "color": "#1d4f91", "legend": "Deadline (diamond)"},
    TimescaleKind.MINIMUM_PERIOD: {"marker": ">", "color": "#8a4b00",
                                   "legend": "Earliest date allowed (triangle)"},
    TimescaleKind.REVIEW_INTERVAL: {"marker": "o", "color": "#3b3b3b", "legend": "Review (circle)"},
}

_LABEL_BOX = {"boxstyle": "square,pad=0.15", "facecolor": "#ffffff", "edgecolor": "none"}

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
.wk-chart img { max-width: 100%; height: auto; border: 1px solid #8a8a8a; }
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
                        known: Mapping[str, dt.date | None] | None = None) -> str:
    """A Gantt-style chart as an embedded PNG in a <figure>, with alt text summarising it.

    `today` draws a line; with `known`, the 26-week band starts at `proceedings_issued`. The
    table from `timeline_table` is the full text alternative.
    """
    milestones = timeline.milestones
    if not milestones:
        return ('<figure class="wk wk-chart"><figcaption>No chart yet: no milestone can be dated '
                "from the dates given.</figcaption></figure>")
    png = _chart_png(timeline, today, {k: v for k, v in (known or {}).items() if v is not None})
    first, last = milestones[0], milestones[-1]
    alt = (f"Timeline chart for {route_label(timeline.route)}: {len(milestones)} milestones, from "
           f"{first.label} on {short_date(first.due)} to {last.label} on {short_date(last.due)}.")
    if any(m.id == PROCEEDINGS_DEADLINE for m in milestones):
        alt += f" The {proceedings_window_name()} for care proceedings is shaded."
    if today is not None:
        alt += f" Today, {short_date(today)}, is marked with a dashed line."
    alt += " Every date is listed in the table beside the chart."
    caption = ("Timeline chart. Diamonds are deadlines, triangles the earliest date something is "
               "allowed, circles reviews; milestones marked ⚠ are to be confirmed. The table lists "
               "every date.")
    return (TIMELINE_STYLE + f'<figure class="wk wk-chart"><img src="data:image/png;base64,{png}" '
            f'alt="{escape(alt)}"><figcaption>{escape(caption)}</figcaption></figure>')


def _chart_png(timeline: Timeline, today: dt.date | None, known: dict[str, dt.date]) -> str:
    # Imported here, not at the top: a printed report uses the table only and is spared
    # matplotlib's start-up (about a second).
    import matplotlib

    matplotlib.use("Agg")  # no display at a venue or on Binder; set before pyplot is imported

    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    milestones = list(timeline.milestones)
    rows = len(milestones)
    height = 2.0 + 0.42 * rows
    fig, ax = plt.subplots(figsize=(10, height), dpi=100)
    try:
        ax.set_ylim(rows - 0.4, -0.9)  # first milestone at the top, room for the band's label
        days = [m.due for m in milestones]
        if today:
            days.append(today)
        band = proceedings_window(timeline, known)
        band_name = proceedings_window_name()
        if band:
            days += list(band)
            ax.axvspan(band[0], band[1], facecolor="#eef3fa", edgecolor="#9db3d6", hatch="/",
                       linewidth=0.8, zorder=0)
            ax.text(band[0], -0.7, f" {band_name} for care proceedings", fontsize=9.5,
                    color="#1b1b1b", va="center", ha="left", bbox=_LABEL_BOX)
        lo, hi = min(days), max(days)
        pad = dt.timedelta(days=max(7, (hi - lo).days // 12))
        ax.set_xlim(lo - pad, hi + pad * 3)
        for row, m in enumerate(milestones):
            style = _KIND_STYLE.get(m.kind, _KIND_STYLE[TimescaleKind.DEADLINE])
            ax.hlines(row, lo - pad, m.due, color="#c8c8c8", linewidth=1, zorder=1)
            ax.plot(m.due, row, marker=style["marker"], markersize=9, color=style["color"],
                    markeredgecolor="#000000", linestyle="none", zorder=3)
            ax.text(m.due + pad / 4, row, f"{m.due.day} {m.due:%b}", va="center", fontsize=9.5,
                    color="#1b1b1b", bbox=_LABEL_BOX, zorder=4)
        if today:
            ax.axvline(today, color="#a4000f", linestyle="--", linewidth=1.6, zorder=2)
            ax.text(today, rows - 0.45, f" Today {today.day} {today:%b %Y}", color="#a4000f",
                    fontsize=9.5, va="bottom", ha="left", fontweight="bold", bbox=_LABEL_BOX,
                    zorder=4)
        ax.set_yticks(range(rows))
        ax.set_yticklabels([m.label + (" ⚠" if m.to_be_confirmed else "") for m in milestones],
                           fontsize=10)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=10))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.tick_params(axis="x", labelsize=9.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(f"Milestones: {route_label(timeline.route)}", loc="left", fontsize=11.5)
        handles: list[Artist] = [
            Line2D([], [], marker=s["marker"], color=s["color"], markeredgecolor="#000000",
                   linestyle="none", markersize=8, label=s["legend"])
            for kind, s in _KIND_STYLE.items() if any(m.kind is kind for m in milestones)]
        if band:
            handles.append(Patch(facecolor="#eef3fa", edgecolor="#9db3d6", hatch="/",
                                 label=band_name))
        if today:
            handles.append(Line2D([], [], color="#a4000f", linestyle="--", label="Today"))
        fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 3),
                   fontsize=9.5, frameon=False)
        _fit_margins(fig, ax, height)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", pil_kwargs={"compress_level": 3})
    finally:
        plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _fit_margins(fig: plt.Figure, ax: plt.Axes, height: float) -> None:
    """Room for the longest milestone name on the left and the legend below: measured once,
    which is several times faster than `tight_layout` and keeps the chart under ~0.3 s."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg canvas has it; FigureCanvasBase does not declare it
    widest = max((t.get_window_extent(renderer).width for t in ax.get_yticklabels()), default=0)
    width_px = fig.get_figwidth() * fig.dpi
    fig.subplots_adjust(left=min(0.6, (widest + 16) / width_px), right=0.96,
                        top=1 - 0.45 / height, bottom=1.0 / height)


"""The timeline chart, drawn as inline SVG.

SVG rather than a plotting library: the chart is a few lines, markers and words, and drawing it
by hand keeps matplotlib and numpy (about 45 MiB and a second of start-up) out of every attendee's
kernel. The text stays text — crisp on a projector, searchable, readable by a screen reader —
and the same markup works in the web app, the slides and a printed report.

Meaning is carried by words and marker shape, never by colour alone (WCAG 2.2 SC 1.4.1); every
colour is at least 4.5:1 on white. The timeline table beside the chart is the full text
alternative.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from workshop_kit.core.calendar import add_months
from workshop_kit.core.timeline import Milestone
from workshop_kit.core.timescales import TimescaleKind

WIDTH = 1000
ROW = 30
TOP = 64
"""Room above the first row for the title and the proceedings window's label."""
LEGEND = 64
FONT = "font-family:system-ui,'Segoe UI',Arial,sans-serif"
CHAR_WIDTH = 7.4
"""Average width of a 13 px character: enough to leave room for the longest milestone name."""
_CHART_NUMBERS = itertools.count(1)
"""Ids inside a chart are numbered: a page or report may hold several charts."""
INK, RULE, TODAY, BAND, BAND_EDGE = "#1b1b1b", "#c8c8c8", "#a4000f", "#eef3fa", "#6f8fc0"


@dataclass(frozen=True)
class KindStyle:
    marker: str
    colour: str
    legend: str


KIND_STYLE = {
    TimescaleKind.DEADLINE: KindStyle("diamond", "#1d4f91", "Deadline (diamond)"),
    TimescaleKind.MINIMUM_PERIOD: KindStyle("triangle", "#8a4b00",
                                            "Earliest date allowed (triangle)"),
    TimescaleKind.REVIEW_INTERVAL: KindStyle("circle", "#3b3b3b", "Review (circle)"),
}


def chart_height(rows: int) -> int:
    return TOP + ROW * rows + LEGEND


def timeline_svg(milestones: Sequence[Milestone], *, title: str, description: str,
                 today: dt.date | None = None, band: tuple[dt.date, dt.date] | None = None,
                 band_name: str = "") -> str:
    """A Gantt-style chart: one row per milestone, a marker on its date, the proceedings window
    shaded and today's date as a dashed line."""
    rows = len(milestones)
    height = chart_height(rows)
    names = [m.label + (" ⚠" if m.to_be_confirmed else "") for m in milestones]
    left = min(430, 24 + CHAR_WIDTH * max((len(n) for n in names), default=10))
    right = WIDTH - 44  # room for the last month's label
    days = [m.due for m in milestones] + ([today] if today else []) + list(band or ())
    lo, hi = min(days), max(days)
    pad = dt.timedelta(days=max(7, (hi - lo).days // 12))
    start, end = lo - pad, hi + pad * 3
    span = max(1, (end - start).days)

    def x(day: dt.date) -> float:
        return round(left + (right - left) * (day - start).days / span, 1)

    def y(row: int) -> float:
        return TOP + ROW * row + ROW / 2

    bottom = TOP + ROW * rows
    n = next(_CHART_NUMBERS)
    hatch = f"url(#wk-hatch-{n})"
    parts = [f'<title id="wk-chart-title-{n}">{escape(title)}</title>',
             f'<desc id="wk-chart-desc-{n}">{escape(description)}</desc>',
             f'<defs><pattern id="wk-hatch-{n}" width="8" height="8" patternUnits="userSpaceOnUse" '
             f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{BAND}"/>'
             f'<line x1="0" y1="0" x2="0" y2="8" stroke="{BAND_EDGE}" stroke-width="1.5"/>'
             "</pattern></defs>",
             f'<text x="8" y="22" font-size="15" font-weight="600" fill="{INK}">'
             f"{escape(title)}</text>"]
    if band:
        parts.append(f'<rect x="{x(band[0])}" y="{TOP - 22}" width="{x(band[1]) - x(band[0])}" '
                     f'height="{bottom - TOP + 22}" fill="{hatch}" stroke="{BAND_EDGE}"/>')
        parts.append(_label(x(band[0]) + 4, TOP - 8, f"{band_name} for care proceedings"))
    for tick in month_ticks(start, end):
        parts.append(f'<line x1="{x(tick)}" y1="{bottom}" x2="{x(tick)}" y2="{bottom + 5}" '
                     f'stroke="{INK}"/>')
        parts.append(f'<text x="{x(tick)}" y="{bottom + 19}" font-size="12" fill="{INK}" '
                     f'text-anchor="middle">{tick:%b %Y}</text>')
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{INK}"/>')
    for row, (m, name) in enumerate(zip(milestones, names, strict=True)):
        style = KIND_STYLE.get(m.kind, KIND_STYLE[TimescaleKind.DEADLINE])
        parts.append(f'<text x="{left - 8}" y="{y(row) + 4.5}" font-size="13" fill="{INK}" '
                     f'text-anchor="end">{escape(name)}</text>')
        parts.append(f'<line x1="{left}" y1="{y(row)}" x2="{x(m.due)}" y2="{y(row)}" '
                     f'stroke="{RULE}"/>')
        parts.append(marker(style, x(m.due), y(row)))
        parts.append(_label(x(m.due) + 11, y(row) + 4.5, f"{m.due.day} {m.due:%b}"))
    if today:
        parts.append(f'<line x1="{x(today)}" y1="{TOP - 36}" x2="{x(today)}" y2="{bottom}" '
                     f'stroke="{TODAY}" stroke-width="2" stroke-dasharray="6 4"/>')
        # Above the rows, where it covers no milestone; right-aligned near the right edge.
        words = f"Today {today.day} {today:%b %Y}"
        near_edge = x(today) + 4 + CHAR_WIDTH * len(words) > WIDTH
        parts.append(_label(x(today) - 4 if near_edge else x(today) + 4, TOP - 28, words,
                            colour=TODAY, bold=True, anchor="end" if near_edge else "start"))
    parts.append(legend([KIND_STYLE[k] for k in KIND_STYLE if any(m.kind is k for m in milestones)],
                        band_name if band else "", bool(today), bottom + 34, hatch))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" aria-labelledby="wk-chart-title-{n} wk-chart-desc-{n}" '
            f'style="max-width:100%;height:auto;{FONT}">' + "".join(parts) + "</svg>")


def marker(style: KindStyle, cx: float, cy: float) -> str:
    paint = f'fill="{style.colour}" stroke="#000000" stroke-width="1"'
    if style.marker == "circle":
        return f'<circle cx="{cx}" cy="{cy}" r="6" {paint}/>'
    if style.marker == "triangle":
        return f'<path d="M{cx - 6},{cy - 7} L{cx + 7},{cy} L{cx - 6},{cy + 7} Z" {paint}/>'
    return f'<path d="M{cx},{cy - 7} L{cx + 7},{cy} L{cx},{cy + 7} L{cx - 7},{cy} Z" {paint}/>'


def _label(x: float, y: float, text: str, *, colour: str = INK, bold: bool = False,
           anchor: str = "start") -> str:
    """Text with a white halo, readable where it crosses a line or the shaded window."""
    weight = ' font-weight="700"' if bold else ""
    return (f'<text x="{x}" y="{y}" font-size="12.5" fill="{colour}"{weight} stroke="#ffffff" '
            f'stroke-width="4" paint-order="stroke" text-anchor="{anchor}">{escape(text)}</text>')


def legend(kinds: list[KindStyle], band_name: str, today: bool, top: float, hatch: str) -> str:
    items: list[tuple[str, str]] = [(marker(k, 0, 0), k.legend) for k in kinds]
    if band_name:
        items.append((f'<rect x="-7" y="-7" width="14" height="14" fill="{hatch}" '
                      f'stroke="{BAND_EDGE}"/>', band_name))
    if today:
        items.append((f'<line x1="-8" y1="0" x2="8" y2="0" stroke="{TODAY}" stroke-width="2" '
                      'stroke-dasharray="4 3"/>', "Today"))
    out, x = [], 16.0
    for symbol, words in items:
        out.append(f'<g transform="translate({x},{top})">{symbol}'
                   f'<text x="14" y="4.5" font-size="12.5" fill="{INK}">{escape(words)}</text></g>')
        x += 40 + CHAR_WIDTH * len(words)
    return "".join(out)


def month_ticks(start: dt.date, end: dt.date, most: int = 10) -> list[dt.date]:
    """First days of months between start and end, every 1, 2, 3, 6 or 12 months: at most
    `most` ticks, so the labels never collide."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= most), 120)
    first = dt.date(start.year, start.month, 1)
    if first < start:
        first = add_months(first, 1)
    ticks, index = [], 0
    while (tick := add_months(first, index)) <= end:
        if (tick.month - 1) % step == 0 and (step < 12 or tick.year % (step // 12) == 0):
            ticks.append(tick)
        index += 1
    return ticks


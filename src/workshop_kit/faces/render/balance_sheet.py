"""The options balance sheet as static HTML: each realistic option with what weighs for and
against it (Re B-S), the routes not available listed with why. Everything comes from
`core.balance_sheet`; this module only says it in words."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from workshop_kit.core.balance_sheet import BalanceSheet, OptionSheet, Point
from workshop_kit.core.routes import Effect
from workshop_kit.faces.html import STYLE, tbc_badge
from workshop_kit.faces.render.routes import ROUTES_STYLE, verdict_badge


def _point_item(point: Point) -> str:
    return (f"<li>{escape(point.text)}{tbc_badge(point.to_be_confirmed)}"
            f'<span class="wk-cite">{escape(point.source)}</span></li>')


def _points(points: Sequence[Point], empty: str) -> str:
    if not points:
        return f'<p class="wk-note">{empty}</p>'
    return f"<ul>{''.join(_point_item(p) for p in points)}</ul>"


def _option_row(option: OptionSheet) -> str:
    order = (f'<br><span class="wk-note">General points from: {escape(option.order_name)}</span>'
             if option.order_name else "")
    return (f'<tr data-route="{option.route.value}"><th scope="row">{escape(option.route.label)}'
            f"<br>{verdict_badge(option.verdict)}{order}</th>"
            f"<td>{_points(option.positives, 'Nothing recorded.')}</td>"
            f"<td>{_points(option.negatives, 'Nothing recorded.')}</td></tr>")


def balance_sheet_html(sheet: BalanceSheet) -> str:
    """The realistic and conditional options side by side, each with what weighs for and against
    it; the routes not available are listed with why, not weighed (Re R). The principles the
    sheet carries (Re B-S, Re G, Re R, and Re B where adoption lacks consent) head it."""
    principles = "".join(_point_item(p) for p in sheet.principles)
    parts = [f"<h4>How to weigh the options</h4><ul>{principles}</ul>"]
    if sheet.options:
        rows = "".join(_option_row(o) for o in sheet.options)
        parts.append(
            '<table class="wk wk-table wk-sheet"><caption>Options balance sheet: each realistic '
            "option, what weighs for it and what weighs against it</caption><thead><tr>"
            '<th scope="col">Option</th><th scope="col">Weighs for</th>'
            f'<th scope="col">Weighs against</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    else:
        parts.append("<p><strong>No route is realistic or possible on these facts, so there is no "
                     "option to weigh.</strong></p>")
    if sheet.not_weighed:
        items = "".join(
            f"<li><strong>{escape(a.route.label)}</strong> ({escape(a.verdict.label.lower())}): "
            + " ".join(escape(f.reason.text) for f in a.findings if f.effect is Effect.CLOSES)
            + "</li>"
            for a in sheet.not_weighed
        )
        parts.append(f"<h4>Not weighed: not available on these facts</h4><ul>{items}</ul>")
    return STYLE + ROUTES_STYLE + f'<div class="wk wk-sheet">{"".join(parts)}</div>'


def balance_sheet_summary_html(sheet: BalanceSheet) -> str:
    """The balance sheet at a glance, for a slide: each option weighed with its verdict and how
    many points weigh for and against it, and the routes not weighed. The points themselves are
    in `balance_sheet_html` (the live page and the client's training pack)."""
    if sheet.options:
        rows = "".join(
            f'<tr data-route="{o.route.value}"><th scope="row">{escape(o.route.label)}</th>'
            f"<td>{verdict_badge(o.verdict)}</td><td>{len(o.positives)}</td>"
            f"<td>{len(o.negatives)}</td></tr>"
            for o in sheet.options)
        body = ('<table class="wk wk-table wk-sheet"><caption>Options balance sheet at a glance: '
                "the points for and against each option are on the live page and in the "
                'training pack</caption><thead><tr><th scope="col">Option</th>'
                '<th scope="col">Verdict</th><th scope="col">Points for</th>'
                f'<th scope="col">Points against</th></tr></thead><tbody>{rows}</tbody></table>')
    else:
        body = ("<p><strong>No route is realistic or possible on these facts, so there is no "
                "option to weigh.</strong></p>")
    if sheet.not_weighed:
        names = ", ".join(escape(a.route.label) for a in sheet.not_weighed)
        body += f"<p>Not weighed (not available on these facts): {names}.</p>"
    return STYLE + ROUTES_STYLE + f'<div class="wk">{body}</div>'

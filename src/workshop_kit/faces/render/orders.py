"""The orders chart as static HTML: orders side by side, feature by feature, each cell a sourced
fact. The orders widget shows it live; the slides and the client reports show it frozen."""

from __future__ import annotations

from html import escape

from workshop_kit.core.orders import MIN_COMPARED, Comparison, OrdersChart, compare
from workshop_kit.faces.html import STYLE, fact_cell


def comparison_table(comparison: Comparison, *, with_style: bool = True,
                     inline_sources: bool = False) -> str:
    names = ", ".join(o.name for o in comparison.orders)
    head = "".join(f'<th scope="col">{escape(o.short_name)}</th>' for o in comparison.orders)
    if comparison.rows:
        body = "".join(
            f'<tr><th scope="row">{escape(row.feature.label)}</th>'
            + "".join(f"<td>{fact_cell(cell, inline_sources=inline_sources)}</td>" for cell in row.cells)
            + "</tr>"
            for row in comparison.rows
        )
    else:
        span = len(comparison.orders) + 1
        body = (f'<tr><td colspan="{span}" class="wk-note">These orders do not differ on any '
                "feature in the chart.</td></tr>")
    table = (
        f'<table class="wk wk-table"><caption>Features of orders compared: {escape(names)}</caption>'
        f'<thead><tr><th scope="col">Feature</th>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
    return (STYLE if with_style else "") + table


def chart_tables(chart: OrdersChart, *, per_table: int = 3, inline_sources: bool = True) -> str:
    """The whole chart for a printed page: every order, a few per table so columns stay legible."""
    ids = [o.id for o in chart.orders]
    groups = [ids[i:i + per_table] for i in range(0, len(ids), per_table)]
    if len(groups) > 1 and len(groups[-1]) < MIN_COMPARED:
        groups[-2:] = [groups[-2][:-1], [groups[-2][-1], *groups[-1]]]
    return STYLE + "".join(
        comparison_table(compare(chart, group), with_style=False, inline_sources=inline_sources)
        for group in groups
    )

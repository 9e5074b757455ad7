"""Pick two to four orders and see them side by side."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from workshop_kit.core.content import orders_chart
from workshop_kit.core.orders import (
    DEFAULT_SELECTION,
    MAX_COMPARED,
    MIN_COMPARED,
    OrdersChart,
    compare,
)
from workshop_kit.faces.render.orders import comparison_table
from workshop_kit.faces.widgets.base import (
    HTMLPart,
    WorkshopWidget,
    fixed_html,
    shared_layout,
    shared_style,
)


class OrdersComparison(WorkshopWidget):
    """The Features of Orders Comparison Chart as a widget a trainer can drive in front of a room.

    Checkboxes rather than a multi-select list: each has its own visible label and is reachable
    with Tab and toggled with Space, which a multi-select is not for many keyboard users.
    """

    part_name = "The orders comparison"
    what_to_try = "Untick the order you just ticked, or choose other orders."

    def __init__(self, chart: OrdersChart | None = None,
                 selected: Sequence[str] = DEFAULT_SELECTION, **kwargs):
        self.chart = chart or orders_chart()
        self._boxes = {
            order.id: widgets.Checkbox(
                value=order.id in selected, description=order.name, indent=False,
                layout=shared_layout(width="auto", margin="0 1.5em 0 0"),
                style=shared_style(widgets.Checkbox),
            )
            for order in self.chart.orders
        }
        self.only_differences = widgets.Checkbox(
            value=False, description="Show only the rows where they differ", indent=False,
            layout=shared_layout(width="auto"), style=shared_style(widgets.Checkbox),
        )
        self.status, self.table = HTMLPart(), HTMLPart()
        self.shown = fixed_html()  # the status line above the table, one widget
        self.react([*self._boxes.values(), self.only_differences], self._update)
        legend = fixed_html(
            f"<strong>Choose {MIN_COMPARED} to {MAX_COMPARED} orders to compare</strong>"
        )
        choices = widgets.HBox(list(self._boxes.values()),
                               layout=shared_layout(flex_flow="row wrap"))
        super().__init__([legend, choices, self.only_differences, self.shown],
                         alert_at=3, **kwargs)
        self.add_class("wk-orders-comparison")
        self._update()

    @property
    def selected(self) -> list[str]:
        """Selected order ids, in the chart's order."""
        return [order_id for order_id, box in self._boxes.items() if box.value]

    def select(self, order_ids: Sequence[str]) -> None:
        for order_id, box in self._boxes.items():
            box.value = order_id in order_ids

    def _update(self, _change=None) -> None:
        chosen = self.selected
        full = len(chosen) >= MAX_COMPARED
        for box in self._boxes.values():
            box.disabled = full and not box.value
        if len(chosen) < MIN_COMPARED:
            self.status.value = (f'<span role="status">Choose at least {MIN_COMPARED} orders to see '
                                 "them side by side.</span>")
            self.table.value = ""
            self._show()
            self.results = {"selected": chosen, "rows": 0}
            return
        self.status.value = (
            f'<span role="status">Showing {len(chosen)} orders. Untick one to choose another '
            f"(at most {MAX_COMPARED}).</span>" if full else
            f'<span role="status">Showing {len(chosen)} orders.</span>'
        )
        comparison = compare(self.chart, chosen, only_differences=self.only_differences.value)
        self.table.value = comparison_table(comparison)
        self._show()
        self.results = {"selected": chosen, "rows": len(comparison.rows)}

    def _show(self) -> None:
        self.shown.value = (f'<div style="min-height:1.5em;margin-bottom:4px">'
                            f"{self.status.value}</div>{self.table.value}")

    def static_html(self) -> str:
        """The table as it stands, for slides and reports."""
        return self.table.value or self.status.value

"""The orders comparison widget, driven in Python as a trainer would drive it in the room."""

from __future__ import annotations

from workshop_kit.faces.widgets import OrdersComparison

CONTRACT = {
    "widget": "OrdersComparison",
    "build": OrdersComparison,
    "change": lambda w: w.select(["adoption", "sgo", "cao"]),
    "again": lambda w: w.select(["adoption", "cao"]),
}
"""How `test_widget_contract.py` builds this widget, one change a person makes, and a second
valid change after a failed one."""


def test_starts_with_two_orders_side_by_side():
    widget = OrdersComparison()
    assert widget.selected == ["adoption", "sgo"]
    assert "<th scope=\"col\">SGO</th>" in widget.table.value


def test_ticking_an_order_adds_its_column():
    widget = OrdersComparison()
    widget._boxes["care_order"].value = True
    assert "<th scope=\"col\">Care Order</th>" in widget.table.value


def test_fewer_than_two_orders_shows_a_prompt_not_a_table():
    widget = OrdersComparison()
    widget.select(["sgo"])
    assert widget.table.value == ""
    assert "Choose at least 2" in widget.status.value


def test_four_orders_disable_the_other_choices():
    widget = OrdersComparison()
    chosen = [o.id for o in widget.chart.orders][:4]
    widget.select(chosen)
    others = [box for oid, box in widget._boxes.items() if oid not in chosen]
    assert all(box.disabled for box in others)
    widget.select(chosen[:3])
    assert not any(box.disabled for box in widget._boxes.values())


def test_only_differences_hides_rows_the_orders_share():
    widget = OrdersComparison(selected=["sgo", "cao"])
    assert "Effect on nationality" in widget.table.value
    widget.only_differences.value = True
    assert "Effect on nationality" not in widget.table.value


def test_uncertain_facts_are_marked_in_words_not_only_colour():
    widget = OrdersComparison(selected=["adoption", "sgo"])
    assert "⚠ To be confirmed" in widget.table.value


def test_static_copy_is_offered_for_slides_and_reports():
    bundle = OrdersComparison()._repr_mimebundle_()
    assert "Features of orders compared" in bundle["text/html"]

"""The Features of Orders Comparison Chart: orders, the features they are compared on, and the
comparison itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import Field, ValidationInfo, field_validator

from workshop_kit.core.facts import SourcedFact, StrictModel
from workshop_kit.core.ids import find_by_id, require_unique
from workshop_kit.core.text import Identifier, Line, Text

MIN_COMPARED, MAX_COMPARED = 2, 4
"""Two to four orders side by side: fewer is no comparison, more does not fit a projector."""
DEFAULT_SELECTION = ("adoption", "sgo")
"""The orders a comparison starts with, live or on a slide: the two a room most often weighs."""


class Feature(StrictModel):
    """A row of the chart: one question asked of every order."""

    id: Identifier
    label: Line
    question: Text


class Order(StrictModel):
    """A legal order that can make a child's placement permanent."""

    id: Identifier
    name: Line
    short_name: Line = Field(description="Used in column headings")
    legislation: Line
    summary: Text
    features: dict[Identifier, SourcedFact]
    advantages: list[SourcedFact] = []
    disadvantages: list[SourcedFact] = []


class OrdersChart(StrictModel):
    """The whole chart, as in `content/orders.yaml`."""

    features: list[Feature] = Field(min_length=1)
    orders: list[Order] = Field(min_length=2)

    @field_validator("features")
    @classmethod
    def _feature_ids_unique(cls, features: list[Feature]) -> list[Feature]:
        require_unique("features", [f.id for f in features])
        return features

    @field_validator("orders")
    @classmethod
    def _orders_unique_and_complete(cls, orders: list[Order], info: ValidationInfo) -> list[Order]:
        """A field validator, not a model one, so the error points at the `orders:` line."""
        require_unique("orders", [o.id for o in orders])
        if "features" not in info.data:  # the features list is itself broken; reported there
            return orders
        feature_ids = [f.id for f in info.data["features"]]
        for order in orders:
            missing = [f for f in feature_ids if f not in order.features]
            unknown = [f for f in order.features if f not in feature_ids]
            if missing:
                raise ValueError(f"order '{order.id}' has no entry for feature(s) {missing}")
            if unknown:
                raise ValueError(f"order '{order.id}' has unknown feature(s) {unknown}; "
                                 f"known features are {feature_ids}")
        return orders

    def order(self, order_id: str) -> Order:
        return find_by_id(self.orders, order_id, "order")

    def summary(self) -> dict[str, int]:
        """Counts for the `workshop-kit validate` summary line."""
        return {"orders": len(self.orders), "features": len(self.features)}

    def all_facts(self) -> list[tuple[str, SourcedFact]]:
        """Every fact in the chart with a readable location, for validation."""
        facts = []
        for order in self.orders:
            facts += [(f"orders.{order.id}.features.{k}", v) for k, v in order.features.items()]
            facts += [(f"orders.{order.id}.advantages[{i}]", v)
                      for i, v in enumerate(order.advantages)]
            facts += [(f"orders.{order.id}.disadvantages[{i}]", v)
                      for i, v in enumerate(order.disadvantages)]
        return facts


@dataclass(frozen=True)
class ComparisonRow:
    feature: Feature
    cells: tuple[SourcedFact, ...]

    @property
    def differs(self) -> bool:
        return len({" ".join(c.text.lower().split()) for c in self.cells}) > 1


@dataclass(frozen=True)
class Comparison:
    orders: tuple[Order, ...]
    rows: tuple[ComparisonRow, ...]


def compare(chart: OrdersChart, order_ids: Sequence[str], *,
            only_differences: bool = False) -> Comparison:
    """Lay the chosen orders side by side, feature by feature."""
    if not MIN_COMPARED <= len(order_ids) <= MAX_COMPARED:
        raise ValueError(f"choose between {MIN_COMPARED} and {MAX_COMPARED} orders to compare "
                         f"(got {len(order_ids)})")
    if len(set(order_ids)) != len(order_ids):
        raise ValueError("each order can be compared only once")
    orders = tuple(chart.order(i) for i in order_ids)
    rows = tuple(ComparisonRow(f, tuple(o.features[f.id] for o in orders)) for f in chart.features)
    if only_differences:
        rows = tuple(r for r in rows if r.differs)
    return Comparison(orders, rows)

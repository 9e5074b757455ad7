"""Where the shipped content lives, and loading it once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from workshop_kit.core.loading import load
from workshop_kit.core.orders import OrdersChart

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@cache
def orders_chart(path: Path | None = None) -> OrdersChart:
    return load(path or CONTENT_DIR / "orders.yaml", OrdersChart)

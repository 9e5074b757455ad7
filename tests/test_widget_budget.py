"""Every workshop page, served in attendee view, opens few widget models: thirty attendees open a
page at once and every model's state goes over the websocket (issue 16).

Each page runs in a kernel as `workshop-kit serve` runs it (`bench/widget_count.py`), and the
models alive at the end are counted.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "widget_count.py"
ROOM_BUDGET = 60
"""The most widget models a page may open in served attendee view (issue 16)."""

CEILING: dict[str, int] = {}
"""Pages still over the budget, at what they open now: they may not grow while the rest of issue
16 (building closed parts when first opened) is decided. Lower a number when a page gets smaller;
drop the page when it is within the budget."""

PAGES = sorted(p.stem for p in BENCH.parents[1].joinpath("notebooks").glob("*.ipynb"))


@cache
def _bench():
    spec = importlib.util.spec_from_file_location("widget_count", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def attendee_models(page: str) -> int:
    return _bench().widget_count(page, "")


@pytest.mark.parametrize("page", PAGES)
def test_a_served_attendee_page_opens_no_more_models_than_it_did(page):
    assert attendee_models(page) <= CEILING.get(page, ROOM_BUDGET)


@pytest.mark.parametrize("page", [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="issue 16: still over budget"))
    if p in CEILING else p for p in PAGES
])
def test_a_served_attendee_page_opens_at_most_60_models(page):
    assert attendee_models(page) <= ROOM_BUDGET

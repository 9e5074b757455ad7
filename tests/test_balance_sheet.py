"""The options balance sheet: only realistic options, each with its own positives and negatives
(Re B-S [2013] EWCA Civ 1146; Re G [2013] EWCA Civ 965; Re R [2014] EWCA Civ 1625)."""

from __future__ import annotations

import datetime as dt

from test_routes import COUNTRIES, TODAY, make_case
from workshop_kit.core.balance_sheet import ROUTE_ORDER, Origin, balance_sheet
from workshop_kit.core.content import case_studies, countries, orders_chart
from workshop_kit.core.orders import OrdersChart
from workshop_kit.core.routes import Route, Verdict, find_routes


def _fact(text: str) -> dict:
    return {"text": text, "source": "Test source", "confidence": "secondary",
            "last_reviewed": "2026-11-01"}


def make_chart() -> OrdersChart:
    """A chart with an SGO and a care order only, so the other routes show the gap."""
    orders = [{"id": order_id, "name": name, "short_name": order_id, "legislation": "Test Act",
               "summary": "An order.", "features": {"f": _fact("x")},
               "advantages": [_fact(f"{name} advantage")],
               "disadvantages": [_fact(f"{name} disadvantage")]}
              for order_id, name in (("sgo", "Special guardianship order"), ("care_order", "Care order"))]
    return OrdersChart.model_validate({"features": [{"id": "f", "label": "F", "question": "F?"}],
                                       "orders": orders})


def sheet_for(case, chart=None):
    return balance_sheet(case, find_routes(case, COUNTRIES, today=TODAY), chart or make_chart())


def test_only_realistic_or_conditional_options_are_weighed():
    """Re R [2014] EWCA Civ 1625: only realistic options need evaluating."""
    sheet = sheet_for(make_case())
    weighed = {o.route for o in sheet.options}
    assert Route.S84_ADOPTION not in weighed
    assert [a.route for a in sheet.not_weighed] == [Route.S84_ADOPTION]
    assert all(o.verdict is not Verdict.NOT_AVAILABLE for o in sheet.options)


def test_each_option_carries_its_orders_advantages_and_disadvantages():
    """Re B-S [2013] EWCA Civ 1146: the arguments for and against each option."""
    sgo = next(o for o in sheet_for(make_case()).options if o.route is Route.SGO_ABROAD)
    assert sgo.order_id == "sgo" and sgo.order_name == "Special guardianship order"
    assert any(p.origin is Origin.ORDER and "advantage" in p.text for p in sgo.positives)
    assert any(p.origin is Origin.ORDER and "disadvantage" in p.text for p in sgo.negatives)


def test_an_order_missing_from_the_chart_leaves_the_option_without_general_points():
    cao = next(o for o in sheet_for(make_case()).options if o.route is Route.CAO_ABROAD)
    assert cao.order_name is None
    assert not any(p.origin is Origin.ORDER for p in cao.positives + cao.negatives)


def test_route_conditions_and_viability_concerns_count_against_an_option():
    case = make_case(art33_consent="requested", viability_evidence={
        "accommodation": {"rating": "concern", "note": "A small flat."},
        "relationship_with_child": {"rating": "positive", "note": "Close."},
        "art33_consent": {"rating": "unknown"}})
    sheet = sheet_for(case)
    sgo = next(o for o in sheet.options if o.route is Route.SGO_ABROAD)
    assert any(p.origin is Origin.ROUTE and "Art 33" in p.source for p in sgo.negatives)
    assert any(p.origin is Origin.VIABILITY and "A small flat" in p.text for p in sgo.negatives)
    assert any(p.origin is Origin.VIABILITY and "Close" in p.text for p in sgo.positives)
    adoption = next(o for o in sheet.options if o.route is Route.CONVENTION_ADOPTION)
    assert not any("art33 consent" in p.source or "Art 33" in p.source
                   for p in adoption.positives + adoption.negatives), "Art 33 has no bearing on adoption"


def test_the_principles_cite_re_b_s_re_g_and_re_r():
    """Re B-S, Re G, Re R: holistic, not linear; the balance sheet; only realistic options."""
    sources = {p.source for p in sheet_for(make_case()).principles}
    assert {"Re B-S [2013] EWCA Civ 1146", "Re G [2013] EWCA Civ 965",
            "Re R [2014] EWCA Civ 1625"} <= sources


def test_re_b_is_added_when_adoption_is_weighed_without_the_parents_consent():
    """Re B [2013] UKSC 33: nothing else will do."""
    with_consent = {p.source for p in sheet_for(make_case()).principles}
    without = {p.source for p in sheet_for(make_case(**{"consents.adoption": "refused"})).principles}
    assert "Re B [2013] UKSC 33" not in with_consent
    assert "Re B [2013] UKSC 33" in without


def test_every_shipped_case_gives_a_balance_sheet_with_the_shipped_orders_chart():
    chart = orders_chart()
    day = dt.date(2026, 11, 23)
    for case in case_studies():
        assessments = find_routes(case, countries(), today=day)
        sheet = balance_sheet(case, assessments, chart)
        assert len(sheet.options) + len(sheet.not_weighed) == len(Route)
        for option in sheet.options:
            assert option.order_id == ROUTE_ORDER[option.route]

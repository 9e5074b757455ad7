"""The route, balance-sheet, country and case-card renderers: what the widgets, slides and reports
print. Verdicts must read in words with a symbol, never by colour alone; uncertain facts say so."""

from __future__ import annotations

import re

import pytest

from test_routes import COUNTRIES, TODAY, make_case
from workshop_kit.core.balance_sheet import balance_sheet
from workshop_kit.core.case_study import Route, Verdict
from workshop_kit.core.content import case_studies, case_study, countries, orders_chart
from workshop_kit.core.routes import find_routes
from workshop_kit.faces.html import TBC
from workshop_kit.faces.render.balance_sheet import balance_sheet_html
from workshop_kit.faces.render.case_card import case_card_html
from workshop_kit.faces.render.country import country_status_html
from workshop_kit.faces.render.routes import route_verdicts_html

VERDICT_WORDS = {"Realistic", "Possible with conditions", "Not available"}


def route_section(html: str, route: Route) -> str:
    # Blocks are <div>s (a <section> would become a reveal.js slide): a route's block runs to
    # the next route's block.
    found = re.search(rf'<div [^>]*data-route="{route.value}"[^>]*>(.*?)(?=<div [^>]*data-route=|$)',
                      html, re.S)
    assert found, f"no section for {route}"
    return found.group(0)


def test_every_route_is_listed_with_its_verdict_in_words():
    html = route_verdicts_html(find_routes(make_case(), COUNTRIES, today=TODAY))
    for route in Route:
        section = route_section(html, route)
        assert route.label in section
        assert any(words in section for words in VERDICT_WORDS)


def test_a_verdict_has_a_symbol_as_well_as_a_colour():
    case = make_case(**{"carers.right_of_child_to_enter": "refused"})
    html = route_verdicts_html(find_routes(case, COUNTRIES, today=TODAY))
    assert html.count('<span aria-hidden="true">✗ </span>Not available') >= len(Route)
    assert "Realistic" not in re.sub(r"<style>.*?</style>", "", html, flags=re.S)


def test_reasons_carry_their_citations():
    assessments = find_routes(make_case(), COUNTRIES, today=TODAY)
    html = route_verdicts_html(assessments)
    sgo = route_section(html, Route.SGO_ABROAD)
    assert "CA 1989 s14C(4)" in sgo
    assert "What the route needs in any case" in sgo


def test_open_conditions_are_listed_as_conditions_to_resolve():
    case = make_case(**{"carers.right_of_child_to_enter": "unknown"})
    html = route_verdicts_html(find_routes(case, COUNTRIES, today=TODAY))
    section = route_section(html, Route.CAO_ABROAD)
    assert "Conditions to resolve" in section
    assert "Possible with conditions" in section


def test_an_unsettled_reason_is_shown_to_be_confirmed():
    case = make_case(**{"carers.country": "newland"})
    html = route_verdicts_html(find_routes(case, COUNTRIES, today=TODAY))
    assert TBC in route_section(html, Route.CONVENTION_ADOPTION)


def test_content_text_is_escaped():
    case = make_case(**{"summary": "Seen < 3 times & \"settled\"", "child.first_name": "Zoë&Co"})
    html = case_card_html(case, COUNTRIES)
    assert "Seen &lt; 3 times &amp; &quot;settled&quot;" in html
    verdicts = route_verdicts_html(find_routes(case, COUNTRIES, today=TODAY))
    assert "Zoë&amp;Co" in verdicts and "Zoë&Co" not in verdicts


def test_balance_sheet_weighs_only_realistic_and_conditional_options():
    case = case_study("amira-and-grandparents-in-ghana")
    assessments = find_routes(case, countries(), today=TODAY)
    html = balance_sheet_html(balance_sheet(case, assessments, orders_chart()))
    rows = re.findall(r'<tr data-route="([a-z0-9_]+)"', html)
    assert rows == [a.route.value for a in assessments if a.verdict is not Verdict.NOT_AVAILABLE]
    assert "Not weighed: not available on these facts" in html
    assert Route.S84_ADOPTION.label in html.split("Not weighed")[1]


def test_balance_sheet_cites_the_case_law_on_weighing_options():
    case = case_study("amira-and-grandparents-in-ghana")
    html = balance_sheet_html(balance_sheet(case, find_routes(case, countries(), today=TODAY),
                                            orders_chart()))
    for authority in ("Re B-S [2013] EWCA Civ 1146", "Re G [2013] EWCA Civ 965",
                      "Re R [2014] EWCA Civ 1625", "Re B [2013] UKSC 33"):
        assert authority in html
    assert '<th scope="col">Weighs for</th>' in html and '<th scope="col">Weighs against</th>' in html


def test_balance_sheet_with_nothing_to_weigh_says_so():
    case = make_case(**{"carers.right_of_child_to_enter": "refused"})
    html = balance_sheet_html(balance_sheet(case, find_routes(case, COUNTRIES, today=TODAY),
                                            orders_chart()))
    assert "no option to weigh" in html
    assert "<table" not in html


def test_country_status_gives_dates_in_words():
    html = country_status_html(countries().country("australia"))
    assert "In force from 1 December 1998" in html
    assert TBC not in html


def test_a_computed_date_is_to_be_confirmed_against_the_hcch_status_table_in_plain_view():
    lithuania = countries().country("lithuania")
    assert lithuania.adoption_1993.to_be_confirmed
    html = country_status_html(lithuania)
    assert TBC in html
    visible = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    assert "HCCH status table" in visible


def test_a_country_outside_a_convention_is_not_a_party():
    html = country_status_html(countries().country("nigeria"))
    assert html.count("Not a party") == 2


@pytest.mark.parametrize("case", case_studies(), ids=lambda c: c.id)
def test_case_card_shows_child_carers_status_consents_and_dates(case):
    html = case_card_html(case)
    assert case.child.first_name in html
    assert f'<th scope="row">Age</th><td>{case.child.age}</td>' in html
    assert countries().country(case.country_id).name in html
    for person in case.carers.people:
        assert person.name in html
    assert "Legal status" in html and "Parents&#x27; consent to adoption" in html
    for day in case.timeline_dates.values():
        if day is not None:
            assert f"{day.day} {day:%B %Y}" in html


def test_case_card_says_the_case_is_fictional():
    assert "A fictional case study" in case_card_html(make_case(), COUNTRIES)



def test_the_country_factsheet_says_whether_its_law_has_adoption():
    """ACA 2002 s84(1): kafala is not adoption, so Morocco shows guardianship only."""
    html = country_status_html(countries().country("morocco"))
    assert 'data-adoption-in-law="guardianship_only"' in html and "Guardianship only" in html


def test_another_country_factsheet_says_what_to_find_out_and_where():
    html = country_status_html(countries().country("another_country"))
    assert html.count("Not known") >= 3
    assert "HCCH status table" in html and "CFAB" in html and "Central Authority" in html

"""The Convention status widget: a labelled country select and each Convention's status."""

from __future__ import annotations

import re

import pytest

from workshop_kit.core.content import countries
from workshop_kit.core.countries import DateBasis
from workshop_kit.core.ids import UnknownId
from workshop_kit.faces.widgets import CountryConventions

CONTRACT = {
    "widget": "CountryConventions",
    "build": CountryConventions,
    "change": lambda w: w.select(w.dropdown.options[1][1]),
    "again": lambda w: w.select(w.dropdown.options[-1][1]),
}
"""How `test_widget_contract.py` builds this widget, one change a person makes, and a second
valid change after a failed one."""


def test_countries_are_listed_by_name_with_a_visible_label():
    widget = CountryConventions()
    names = [label for label, _ in widget.dropdown.options]
    assert names[-1] == "Another country (not listed)"  # a country not listed comes last
    assert names[:-1] == sorted(names[:-1], key=str.casefold)
    assert len(names) == len(countries().countries)
    assert widget.dropdown.description and widget.dropdown.style.description_width == "initial"


def test_choosing_a_country_shows_its_status_under_both_conventions():
    widget = CountryConventions()
    widget.select("australia")
    html = widget.output.value
    assert "Australia: Hague Convention status" in html
    assert "1993 Hague Adoption Convention" in html and "1996 Hague Child Protection Convention" in html
    assert "In force from 1 December 1998" in html and "In force from 1 August 2003" in html


@pytest.mark.parametrize("country", [c for c in countries().countries
                                     if c.adoption_1993.date_basis is DateBasis.COMPUTED_FROM_DEPOSIT],
                         ids=lambda c: c.id)
def test_a_computed_date_shows_to_be_confirmed_against_the_hcch_status_table(country):
    widget = CountryConventions(country.id)
    html = widget.output.value
    assert "⚠ To be confirmed" in html
    visible = re.sub(r"<details.*?</details>", "", html, flags=re.S)
    assert "HCCH status table" in visible


def test_a_read_date_is_not_flagged():
    assert "To be confirmed" not in CountryConventions("australia").output.value


def test_an_unknown_country_is_an_error_naming_the_known_ones():
    with pytest.raises(UnknownId, match="known: australia"):
        CountryConventions("atlantis")


def test_static_html_follows_the_choice_and_shows_sources_inline():
    widget = CountryConventions("ghana")
    html = widget._repr_mimebundle_()["text/html"]
    assert "Ghana: Hague Convention status" in html
    assert "<details" not in html and "Source:" in html

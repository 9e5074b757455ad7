"""Choose a country and see its status under the 1993 and 1996 Hague Conventions, with the dates
and whatever is still to be confirmed against the HCCH status table."""

from __future__ import annotations

import ipywidgets as widgets

from workshop_kit.core.content import countries as load_countries
from workshop_kit.core.countries import ANOTHER_COUNTRY_ID, Countries, Country
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.routes_view import country_status_html


def countries_by_name(table: Countries) -> list[Country]:
    """Sorted by name, as a room looks for them, not by id; "another country" last."""
    return sorted(table.countries, key=lambda c: (c.id == ANOTHER_COUNTRY_ID, c.name.casefold()))


def option_label(country: Country) -> str:
    """A country as a select lists it: "Another country (not listed)" starts with a capital."""
    if country.id == ANOTHER_COUNTRY_ID:
        return country.name[:1].upper() + country.name[1:] + " (not listed)"
    return country.name


class CountryConventions(widgets.VBox):
    """A labelled country select (a native select: Tab to reach it, arrow keys to choose) and the
    country's Convention status below it, updated on every change."""

    part_name = "The country status"
    """What a page calls this widget when its content cannot be shown."""

    def __init__(self, country_id: str | None = None, countries: Countries | None = None, **kwargs):
        self.countries = countries or load_countries()
        ordered = countries_by_name(self.countries)
        if country_id is not None:
            self.countries.country(country_id)  # UnknownId, naming the known ids
        self.dropdown = widgets.Dropdown(
            options=[(option_label(c), c.id) for c in ordered], value=country_id or ordered[0].id,
            description="Country where the carers live", style={"description_width": "initial"},
            layout=widgets.Layout(width="36em", max_width="100%"),
        )
        self.output = widgets.HTML()
        self.dropdown.observe(self._update, names="value")
        intro = widgets.HTML(
            STYLE + '<div class="wk"><p><strong>Is the country a Convention country?</strong> '
            "Choose a country to see whether the 1993 Adoption Convention and the 1996 Child "
            "Protection Convention are in force there, and from when.</p></div>"
        )
        super().__init__([intro, self.dropdown, self.output], **kwargs)
        self.add_class("wk-country-conventions")
        self._update()

    @property
    def country(self) -> Country:
        return self.countries.country(self.dropdown.value)

    def select(self, country_id: str) -> None:
        self.dropdown.value = country_id

    def _update(self, _change: object = None) -> None:
        self.output.value = country_status_html(self.country)

    def _repr_mimebundle_(self, **kwargs):
        """Add a static HTML copy (sources shown inline) for slides and reports."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/html"] = country_status_html(self.country, inline_sources=True)
        return bundle

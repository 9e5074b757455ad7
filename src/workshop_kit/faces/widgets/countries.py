"""Choose a country and see its status under the 1993 and 1996 Hague Conventions, with the dates
and whatever is still to be confirmed against the HCCH status table."""

from __future__ import annotations

import ipywidgets as widgets

from workshop_kit.core.content import countries as load_countries
from workshop_kit.core.countries import Countries, Country
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.render.country import country_status_html, option_label
from workshop_kit.faces.widgets.base import (
    WorkshopWidget,
    fixed_html,
    shared_layout,
    shared_style,
)


class CountryConventions(WorkshopWidget):
    """A labelled country select (a native select: Tab to reach it, arrow keys to choose) and the
    country's Convention status below it, updated on every change."""

    part_name = "The country status"
    what_to_try = "Choose another country, or reload the page."

    def __init__(self, country_id: str | None = None, countries: Countries | None = None, **kwargs):
        self.countries = countries or load_countries()
        ordered = self.countries.by_name()
        if country_id is not None:
            self.countries.country(country_id)  # UnknownId, naming the known ids
        self.dropdown = widgets.Dropdown(
            options=[(option_label(c), c.id) for c in ordered], value=country_id or ordered[0].id,
            description="Country where the carers live",
            style=shared_style(widgets.Dropdown, description_width="initial"),
            layout=shared_layout(width="36em", max_width="100%"),
        )
        self.output = fixed_html()
        self.react([self.dropdown], self._update)
        intro = fixed_html(
            STYLE + '<div class="wk"><p><strong>Is the country a Convention country?</strong> '
            "Choose a country to see whether the 1993 Adoption Convention and the 1996 Child "
            "Protection Convention are in force there, and from when.</p></div>"
        )
        super().__init__([intro, self.dropdown, self.output], alert_at=2, **kwargs)
        self.add_class("wk-country-conventions")
        self._update()

    @property
    def country(self) -> Country:
        return self.countries.country(self.dropdown.value)

    def select(self, country_id: str) -> None:
        self.dropdown.value = country_id

    def _update(self, _change: object = None) -> None:
        country = self.country
        self.output.value = country_status_html(country)
        self.results = {"country": country.id,
                        "adoption_1993": country.adoption_1993.status.value,
                        "child_protection_1996": country.child_protection_1996.status.value}

    def static_html(self) -> str:
        """The status with sources shown inline, for slides and reports."""
        return country_status_html(self.country, inline_sources=True)

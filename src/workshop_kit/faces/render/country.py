"""A country's Convention status as static HTML: the 1993 and 1996 Hague Conventions, whether its
law has adoption, and what is still to be confirmed against the HCCH status table. Every status
and date comes from `countries.yaml`; this module only says them in words."""

from __future__ import annotations

from html import escape

from workshop_kit.core.calendar import long_date
from workshop_kit.core.countries import (
    ANOTHER_COUNTRY_ID,
    AdoptionInLaw,
    AdoptionInLawStatus,
    ConventionEntry,
    ConventionStatus,
    Country,
    DateBasis,
)
from workshop_kit.faces.html import STYLE, fact_cell
from workshop_kit.faces.render.routes import ROUTES_STYLE

STATUS_WORDS = {
    ConventionStatus.IN_FORCE: "In force",
    ConventionStatus.NOT_PARTY: "Not a party",
    ConventionStatus.SIGNED_ONLY: "Signed, not in force",
    ConventionStatus.UNKNOWN: "Not known: check the HCCH status table",
}

DATE_BASIS_WORDS = {
    DateBasis.READ: "date read in the HCCH status table",
    DateBasis.COMPUTED_FROM_DEPOSIT: "date computed from the deposit date, not read",
    DateBasis.UNVERIFIED: "date widely stated, not checked in a source",
}

ADOPTION_IN_LAW_WORDS = {
    AdoptionInLawStatus.AVAILABLE: "Has adoption",
    AdoptionInLawStatus.GUARDIANSHIP_ONLY: "Guardianship only, no adoption",
    AdoptionInLawStatus.UNKNOWN: "Not known: find out",
}

CONVENTION_NAMES = {
    "adoption_1993": "1993 Hague Adoption Convention",
    "child_protection_1996": "1996 Hague Child Protection Convention",
}

def option_label(country: Country) -> str:
    """A country as a select lists it: "Another country (not listed)" starts with a capital."""
    if country.id == ANOTHER_COUNTRY_ID:
        return country.name[:1].upper() + country.name[1:] + " (not listed)"
    return country.name


def _status_words(entry: ConventionEntry) -> str:
    words = STATUS_WORDS[entry.status]
    if entry.status is ConventionStatus.IN_FORCE and entry.in_force_from is not None:
        words += f" from {long_date(entry.in_force_from)}"
        if entry.date_basis is not None:
            words += f" ({DATE_BASIS_WORDS[entry.date_basis]})"
    return words


def _entry_cells(entry: ConventionEntry, inline_sources: bool) -> str:
    """Status in words, then the sourced sentence; an uncertain entry shows its caveat openly,
    since 'to be confirmed against the HCCH status table' must not hide behind a toggle."""
    caveat = ""
    if entry.to_be_confirmed and entry.caveat and not inline_sources:
        caveat = (f'<p class="wk-caveat"><strong>Why it is to be confirmed:</strong> '
                  f"{escape(entry.caveat)}</p>")
    return (f"<td><strong>{escape(_status_words(entry))}</strong>{caveat}</td>"
            f"<td>{fact_cell(entry, inline_sources=inline_sources)}</td>")


def _adoption_in_law_row(law: AdoptionInLaw, inline_sources: bool) -> str:
    """ACA 2002 s84(1): whether the country's own law has adoption, shown beside the Conventions."""
    caveat = ""
    if law.to_be_confirmed and law.caveat and not inline_sources:
        caveat = (f'<p class="wk-caveat"><strong>Why it is to be confirmed:</strong> '
                  f"{escape(law.caveat)}</p>")
    return (f'<tr data-adoption-in-law="{law.status}"><th scope="row">Adoption in its own law</th>'
            f"<td><strong>{escape(ADOPTION_IN_LAW_WORDS[law.status])}</strong>{caveat}</td>"
            f"<td>{fact_cell(law, inline_sources=inline_sources)}</td></tr>")


def country_status_html(country: Country, *, inline_sources: bool = False) -> str:
    """Where the carers live, under the two Conventions that shape a placement there, whether its
    law has adoption, and any other sourced note the content gives about the country."""
    rows = "".join(
        f'<tr data-convention="{key}"><th scope="row">{name}</th>'
        f"{_entry_cells(getattr(country, key), inline_sources)}</tr>"
        for key, name in CONVENTION_NAMES.items()
    ) + _adoption_in_law_row(country.adoption_in_law, inline_sources)
    notes = ""
    if country.notes:
        items = "".join(f"<li>{fact_cell(n, inline_sources=inline_sources)}</li>" for n in country.notes)
        notes = f"<h4>Also worth knowing</h4><ul>{items}</ul>"
    return (
        STYLE + ROUTES_STYLE + f'<div class="wk wk-country" data-country="{escape(country.id)}">'
        f'<table class="wk wk-table"><caption>{escape(country.name[:1].upper() + country.name[1:])}: '
        'Hague Convention status and adoption in its law'
        '</caption><thead><tr><th scope="col">Convention</th><th scope="col">Status</th>'
        f'<th scope="col">What the source says</th></tr></thead><tbody>{rows}</tbody></table>'
        f"{notes}</div>"
    )

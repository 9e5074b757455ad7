"""Countries and their status under the two Hague Conventions that shape a placement abroad.

The 1993 Adoption Convention decides whether an adoption by carers abroad must follow the
Convention procedure; the 1996 Child Protection Convention decides whether an English order is
recognised there (Art 23) and whether Art 33 consultation is needed. Every status
is a sourced fact; a date computed rather than read is shown "to be confirmed against the HCCH
status table".
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from workshop_kit.core.facts import Confidence, SourcedFact, StrictModel
from workshop_kit.core.ids import find_by_id, require_unique
from workshop_kit.core.text import Identifier, Line

UK_ID = "united_kingdom"
"""The State of origin in every case this kit teaches: the Conventions must be in force for it too."""

ANOTHER_COUNTRY_ID = "another_country"
"""A country not (yet) in the list: both Conventions and adoption in its law are unknown, and the
caveats say what to find out and where."""

DATE_MARGIN = dt.timedelta(days=366)
"""A to-be-confirmed entry-into-force date is only ever out by months (computed from the deposit
date under 1993 Convention Art 46(2), or the 1996 accession rule of Art 61(2)(b)). A question
about a day further than this from the recorded date has the same answer whatever the true date,
so it is not in doubt."""


class ConventionStatus(StrEnum):
    IN_FORCE = "in_force"
    NOT_PARTY = "not_party"
    SIGNED_ONLY = "signed_only"
    UNKNOWN = "unknown"  # "another country": not known until checked in the HCCH status table


class DateBasis(StrEnum):
    """How the entry-into-force date is known, checked against the HCCH status tables."""

    READ = "read"  # [V]: the date itself read in a source
    COMPUTED_FROM_DEPOSIT = "computed_from_deposit"  # [V‡]: deposit read, date computed
    UNVERIFIED = "unverified"  # [M]: widely stated, not checked


class ConventionEntry(SourcedFact):
    """One country's status under one Convention, as a sourced fact.

    `text` is the sentence shown to attendees; `status` and `in_force_from` are what the route
    finder reads. A date not read in a source must be marked uncertain, with a caveat saying it is
    to be confirmed against the HCCH status table.
    """

    status: ConventionStatus
    in_force_from: dt.date | None = None
    date_basis: DateBasis | None = None

    @model_validator(mode="after")
    def _date_matches_status(self) -> ConventionEntry:
        if self.status is ConventionStatus.IN_FORCE:
            if self.in_force_from is None or self.date_basis is None:
                raise ValueError("status in_force needs in_force_from and date_basis "
                                 "(read | computed_from_deposit | unverified)")
        elif self.in_force_from is not None or self.date_basis is not None:
            raise ValueError(f"status {self.status} must not have in_force_from or date_basis")
        if self.date_basis in (DateBasis.COMPUTED_FROM_DEPOSIT, DateBasis.UNVERIFIED):
            if not self.uncertain or not self.caveat:
                raise ValueError(f"a date with basis {self.date_basis} must be uncertain: true, "
                                 "with a caveat saying it is to be confirmed against the HCCH "
                                 "status table")
            if "HCCH" not in self.caveat:
                raise ValueError("the caveat must say the date is to be confirmed against the "
                                 "HCCH status table")
        if self.date_basis is DateBasis.UNVERIFIED and self.confidence is not Confidence.UNVERIFIED:
            raise ValueError("a date with basis unverified ([M]) must have confidence unverified")
        if self.status is ConventionStatus.UNKNOWN and (not self.uncertain or not self.caveat):
            raise ValueError("status unknown must be uncertain: true, with a caveat saying what to "
                             "find out and where (the HCCH status table)")
        return self

    def in_force_on(self, on: dt.date) -> bool:
        return self.status is ConventionStatus.IN_FORCE and self.in_force_from is not None \
            and on >= self.in_force_from

    def in_doubt_on(self, on: dt.date) -> bool:
        """Whether the answer to `in_force_on(on)` could change once the entry is confirmed.

        A party whose date is to be confirmed is in doubt only near that date; a "not a party"
        entry marked uncertain (e.g. a later accession not checked) is in doubt on any day, and an
        unknown status always is.
        """
        if self.status is ConventionStatus.UNKNOWN:
            return True
        if not self.to_be_confirmed:
            return False
        if self.status is ConventionStatus.IN_FORCE and self.in_force_from is not None:
            return abs(on - self.in_force_from) <= DATE_MARGIN
        return True


class AdoptionInLawStatus(StrEnum):
    """Whether the country's own law has adoption (ACA 2002 s84(1): an s84 order is only for
    carers who intend to adopt under the law of their country)."""

    AVAILABLE = "available"
    GUARDIANSHIP_ONLY = "guardianship_only"  # e.g. kafala, or the Guardians and Wards Act 1890
    UNKNOWN = "unknown"


class AdoptionInLaw(SourcedFact):
    """Whether adoption exists in the country's law, as a sourced fact.

    `text` is the sentence shown to attendees; `status` is what the route finder reads. An unknown
    status must say, in its caveat, what to find out and where.
    """

    status: AdoptionInLawStatus

    @model_validator(mode="after")
    def _unknown_is_to_be_confirmed(self) -> AdoptionInLaw:
        if self.status is AdoptionInLawStatus.UNKNOWN and (not self.uncertain or not self.caveat):
            raise ValueError("status unknown must be uncertain: true, with a caveat saying what to "
                             "find out and where")
        return self

    @property
    def available(self) -> bool:
        """True only where the country's law is known to have adoption."""
        return self.status is AdoptionInLawStatus.AVAILABLE


class Country(StrictModel):
    """A country where carers may live, with its status under both Conventions."""

    id: Identifier
    name: Line
    definite_article: bool = False
    """True for names read with "the" in a sentence (the United States, the Philippines)."""
    adoption_1993: ConventionEntry
    child_protection_1996: ConventionEntry
    adoption_in_law: AdoptionInLaw
    """Whether the country's law has adoption or only guardianship (kafala, Guardians and Wards
    Act): decides whether carers there can intend to adopt under its law (ACA 2002 s84(1))."""
    notes: list[SourcedFact] = []
    """Other sourced points about the country (e.g. its Central Authority), only where a source gives one."""

    @property
    def name_in_text(self) -> str:
        """The name as it reads mid-sentence: "the United States", "Ghana"."""
        return f"the {self.name}" if self.definite_article else self.name

    def adoption_convention_in_force(self, on: dt.date) -> bool:
        """1993 Hague Adoption Convention in force for this country on `on`."""
        return self.adoption_1993.in_force_on(on)

    def child_protection_convention_in_force(self, on: dt.date) -> bool:
        """1996 Hague Child Protection Convention in force for this country on `on`."""
        return self.child_protection_1996.in_force_on(on)

    @property
    def status_unknown(self) -> bool:
        """True for a placeholder such as "another country", where nothing is known yet."""
        return ConventionStatus.UNKNOWN in (self.adoption_1993.status,
                                            self.child_protection_1996.status)


class Countries(StrictModel):
    """Every country in `content/countries.yaml`."""

    countries: list[Country] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_and_has_uk(self) -> Countries:
        ids = [c.id for c in self.countries]
        require_unique("country", ids)
        if UK_ID not in ids:
            raise ValueError(f"'{UK_ID}' must be listed: a Convention applies only where it is in "
                             "force for both countries")
        return self

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.countries)

    def country(self, country_id: str) -> Country:
        return find_by_id(self.countries, country_id, "country")

    @property
    def uk(self) -> Country:
        return self.country(UK_ID)

    def by_name(self) -> list[Country]:
        """Sorted by name, as a room looks for them, not by id; "another country" last."""
        return sorted(self.countries,
                      key=lambda c: (c.id == ANOTHER_COUNTRY_ID, c.name.casefold()))

    def all_facts(self) -> list[tuple[str, SourcedFact]]:
        """Every fact with a readable location, for `workshop-kit validate`."""
        facts: list[tuple[str, SourcedFact]] = []
        for c in self.countries:
            facts.append((f"countries.{c.id}.adoption_1993", c.adoption_1993))
            facts.append((f"countries.{c.id}.child_protection_1996", c.child_protection_1996))
            facts.append((f"countries.{c.id}.adoption_in_law", c.adoption_in_law))
            facts += [(f"countries.{c.id}.notes[{i}]", n) for i, n in enumerate(c.notes)]
        return facts

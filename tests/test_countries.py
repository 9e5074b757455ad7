"""The country table: every date that was not read in a source is shown as to be confirmed."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from workshop_kit.core.content import CONTENT_DIR, countries, kind_for
from workshop_kit.core.countries import ConventionEntry, ConventionStatus, Countries, DateBasis

HCCH_TABLE_COUNTRIES = {
    "australia", "brazil", "bulgaria", "canada", "czech_republic", "ghana", "hungary", "india",
    "ireland", "jamaica", "latvia", "lithuania", "nigeria", "pakistan", "philippines", "poland",
    "portugal", "romania", "slovakia", "south_africa", "spain", "turkey", "united_states",
    "united_kingdom",
}


def entries():
    return [(c.id, name, getattr(c, name)) for c in countries().countries
            for name in ("adoption_1993", "child_protection_1996")]


def test_every_country_of_facts_section_5_is_listed():
    assert set(countries().ids) >= HCCH_TABLE_COUNTRIES
    assert len(countries().ids) >= 24


def test_every_computed_or_unverified_date_is_to_be_confirmed_against_the_hcch_table():
    """Every computed and every unverified date is shown 'to be confirmed against the HCCH table'."""
    checked = 0
    for cid, name, entry in entries():
        if entry.date_basis in (DateBasis.COMPUTED_FROM_DEPOSIT, DateBasis.UNVERIFIED):
            checked += 1
            assert entry.to_be_confirmed, (cid, name)
            assert entry.caveat and "HCCH status table" in entry.caveat, (cid, name)
    assert checked >= 20


def test_unverified_dates_are_marked_unverified():
    """Unverified dates: Poland 1993 and Lithuania 1996."""
    c = countries()
    for entry in (c.country("poland").adoption_1993, c.country("lithuania").child_protection_1996):
        assert entry.date_basis is DateBasis.UNVERIFIED
        assert entry.confidence == "unverified"


def test_uk_1993_convention_in_force_from_1_june_2003_to_be_confirmed():
    """1993 Convention: UK 1 June 2003, computed from ratification 27-II-2003 (Art 46(2))."""
    uk = countries().uk
    assert uk.adoption_1993.in_force_from == dt.date(2003, 6, 1)
    assert uk.adoption_1993.to_be_confirmed
    assert not uk.adoption_convention_in_force(dt.date(2003, 5, 31))
    assert uk.adoption_convention_in_force(dt.date(2003, 6, 1))


def test_uk_1996_convention_in_force_from_1_november_2012():
    """1996 Convention: UK 1 November 2012, read in the HCCH status table."""
    uk = countries().uk
    assert uk.child_protection_1996.in_force_from == dt.date(2012, 11, 1)
    assert not uk.child_protection_1996.to_be_confirmed


@pytest.mark.parametrize("cid", ["nigeria", "jamaica", "pakistan"])
def test_party_to_neither_convention(cid):
    """HCCH 1993 status table: Nigeria read; Jamaica and Pakistan absent from the Jan 2022 copy
    (a later accession to be confirmed)."""
    c = countries().country(cid)
    today = dt.date(2026, 11, 23)
    assert not c.adoption_convention_in_force(today)
    assert not c.child_protection_convention_in_force(today)


@pytest.mark.parametrize("cid", ["jamaica", "pakistan"])
def test_unchecked_later_accession_is_to_be_confirmed(cid):
    """'Later accession not checked' against the HCCH table."""
    entry = countries().country(cid).adoption_1993
    assert entry.status is ConventionStatus.NOT_PARTY
    assert entry.to_be_confirmed
    assert entry.in_doubt_on(dt.date(2026, 11, 23))


def test_nigeria_1993_not_a_party_is_verified():
    entry = countries().country("nigeria").adoption_1993
    assert entry.confidence == "verified" and not entry.to_be_confirmed


@pytest.mark.parametrize("cid", ["canada", "united_states"])
def test_signed_but_not_ratified_1996_convention_is_not_in_force(cid):
    """HCCH 1996 status table: Canada signed 2017, the United States 2010; neither ratified."""
    c = countries().country(cid)
    assert c.child_protection_1996.status is ConventionStatus.SIGNED_ONLY
    assert not c.child_protection_convention_in_force(dt.date(2026, 11, 23))


def test_a_computed_date_is_in_doubt_only_near_that_date():
    entry = countries().country("ireland").adoption_1993
    assert entry.in_doubt_on(dt.date(2010, 11, 15))
    assert not entry.in_doubt_on(dt.date(2026, 11, 23))


def test_dates_in_the_table_match_the_text():
    """The date shown to attendees and the date the route finder uses are the same."""
    for cid, name, entry in entries():
        if entry.in_force_from:
            shown = f"{entry.in_force_from.day} {entry.in_force_from:%B %Y}"
            assert shown in entry.text, (cid, name)


def test_a_computed_date_without_a_caveat_is_rejected():
    with pytest.raises(ValidationError, match="HCCH"):
        ConventionEntry.model_validate({
            "text": "In force.", "source": "x", "confidence": "secondary", "status": "in_force",
            "in_force_from": "2010-01-01", "date_basis": "computed_from_deposit",
            "last_reviewed": "2026-11-01"})


def test_not_party_with_a_date_is_rejected():
    with pytest.raises(ValidationError, match="must not have in_force_from"):
        ConventionEntry.model_validate({
            "text": "Not a party.", "source": "x", "confidence": "verified", "status": "not_party",
            "in_force_from": "2010-01-01", "last_reviewed": "2026-11-01"})


def test_the_table_must_list_the_uk():
    data = countries().model_dump(mode="json")
    data["countries"] = [c for c in data["countries"] if c["id"] != "united_kingdom"]
    with pytest.raises(ValidationError, match="united_kingdom"):
        Countries.model_validate(data)


def test_all_facts_names_each_entry():
    facts = dict(countries().all_facts())
    assert "countries.ghana.adoption_1993" in facts
    assert "countries.united_kingdom.notes[0]" in facts


def test_countries_kind_is_registered():
    kind = kind_for(CONTENT_DIR / "countries.yaml")
    assert kind is not None and kind.name == "countries"

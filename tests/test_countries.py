"""The country table: every date that was not read in a source is shown as to be confirmed."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from workshop_kit.core.content import CONTENT_DIR, countries, kind_for
from workshop_kit.core.countries import (
    ANOTHER_COUNTRY_ID,
    AdoptionInLaw,
    AdoptionInLawStatus,
    ConventionEntry,
    ConventionStatus,
    Countries,
    DateBasis,
)

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


# --- adoption in the country's own law (ACA 2002 s84(1)) ---------------------------------------

def test_every_country_says_whether_its_law_has_adoption():
    for c in countries().countries:
        assert c.adoption_in_law.status in set(AdoptionInLawStatus), c.id
        assert c.adoption_in_law.source, c.id


def test_the_law_of_england_and_wales_has_adoption():
    uk = countries().uk.adoption_in_law
    assert uk.status is AdoptionInLawStatus.AVAILABLE and uk.available
    assert not uk.to_be_confirmed


@pytest.mark.parametrize("cid", ["pakistan", "morocco", "bangladesh"])
def test_guardianship_only_countries_give_nothing_to_adopt_under(cid):
    """Guardians and Wards Act 1890 (Pakistan, Bangladesh for Muslims); kafala (Morocco)."""
    law = countries().country(cid).adoption_in_law
    assert law.status is AdoptionInLawStatus.GUARDIANSHIP_ONLY
    assert not law.available


def test_bangladesh_depends_on_the_carers_personal_law():
    """Hindu personal law allows adoption of a son: genuinely fact-dependent, so to be confirmed."""
    law = countries().country("bangladesh").adoption_in_law
    assert law.to_be_confirmed and "Hindu" in law.caveat


@pytest.mark.parametrize("cid", ["france", "germany", "italy", "netherlands"])
def test_new_european_countries_have_adoption_in_law_read_in_their_own_law(cid):
    law = countries().country(cid).adoption_in_law
    assert law.available and law.confidence == "verified"


def test_adoption_in_law_unknown_must_say_what_to_find_out():
    with pytest.raises(ValidationError, match="what to find out"):
        AdoptionInLaw.model_validate({
            "text": "Not known.", "source": "x", "confidence": "unverified", "caveat": "Check.",
            "status": "unknown", "last_reviewed": "2026-11-01"})


def test_every_country_fact_is_counted_for_validate():
    facts = dict(countries().all_facts())
    assert "countries.morocco.adoption_in_law" in facts


# --- "another country": status unknown ---------------------------------------------------------

def test_another_country_reads_naturally_mid_sentence():
    other = countries().country(ANOTHER_COUNTRY_ID)
    assert other.name_in_text == "another country"
    assert not other.definite_article


def test_another_country_has_both_conventions_and_adoption_in_law_unknown():
    other = countries().country(ANOTHER_COUNTRY_ID)
    today = dt.date(2026, 11, 23)
    for entry in (other.adoption_1993, other.child_protection_1996):
        assert entry.status is ConventionStatus.UNKNOWN
        assert not entry.in_force_on(today)
        assert entry.in_doubt_on(today)
        assert entry.to_be_confirmed
    assert other.status_unknown
    assert other.adoption_in_law.status is AdoptionInLawStatus.UNKNOWN
    assert other.adoption_in_law.to_be_confirmed


def test_another_country_says_what_to_find_out_and_where():
    other = countries().country(ANOTHER_COUNTRY_ID)
    assert "HCCH status table" in other.adoption_1993.caveat
    assert "HCCH status table" in other.child_protection_1996.caveat
    for fact in (other.adoption_1993, other.adoption_in_law):
        assert "Central Authority" in fact.caveat and "CFAB" in fact.caveat


def test_an_unknown_status_is_in_doubt_on_any_day_and_never_in_force():
    entry = ConventionEntry.model_validate({
        "text": "Not known.", "source": "x", "confidence": "unverified", "uncertain": True,
        "caveat": "Check the HCCH status table.", "status": "unknown", "last_reviewed": "2026-11-01"})
    for day in (dt.date(1990, 1, 1), dt.date(2026, 11, 23)):
        assert not entry.in_force_on(day) and entry.in_doubt_on(day)


def test_an_unknown_status_must_be_marked_uncertain():
    with pytest.raises(ValidationError, match="status unknown"):
        ConventionEntry.model_validate({
            "text": "Not known.", "source": "x", "confidence": "unverified", "caveat": "Check.",
            "status": "unknown", "last_reviewed": "2026-11-01"})


def test_an_unknown_status_has_no_date():
    with pytest.raises(ValidationError, match="must not have in_force_from"):
        ConventionEntry.model_validate({
            "text": "Not known.", "source": "x", "confidence": "unverified", "uncertain": True,
            "caveat": "HCCH", "status": "unknown", "in_force_from": "2010-01-01",
            "last_reviewed": "2026-11-01"})


# --- the countries added in the 2026-11-23 review ----------------------------------------------

@pytest.mark.parametrize(("cid", "name", "since"), [
    ("france", "child_protection_1996", dt.date(2011, 2, 1)),  # HCCH table, read
    ("germany", "child_protection_1996", dt.date(2011, 1, 1)),  # HCCH table, read
    ("france", "adoption_1993", dt.date(1998, 10, 1)),  # R 30-VI-1998, computed
    ("germany", "adoption_1993", dt.date(2002, 3, 1)),  # R 22-XI-2001, computed
    ("italy", "adoption_1993", dt.date(2000, 5, 1)),  # R 18-I-2000, computed
    ("italy", "child_protection_1996", dt.date(2016, 1, 1)),  # R 30-IX-2015, computed
    ("netherlands", "adoption_1993", dt.date(1998, 10, 1)),  # R 26-VI-1998, computed
    ("netherlands", "child_protection_1996", dt.date(2011, 5, 1)),  # R 31-I-2011, computed
    ("morocco", "child_protection_1996", dt.date(2002, 12, 1)),  # R 22-VIII-2002, computed
])
def test_new_countries_entry_into_force(cid, name, since):
    entry = getattr(countries().country(cid), name)
    assert entry.status is ConventionStatus.IN_FORCE and entry.in_force_from == since


@pytest.mark.parametrize(("cid", "name"), [
    ("bangladesh", "adoption_1993"), ("bangladesh", "child_protection_1996"),
    ("morocco", "adoption_1993")])
def test_new_countries_not_party(cid, name):
    c = countries().country(cid)
    assert getattr(c, name).status is ConventionStatus.NOT_PARTY
    assert not getattr(c, name).in_force_on(dt.date(2026, 11, 23))


def test_the_netherlands_reads_with_the():
    assert countries().country("netherlands").name_in_text == "the Netherlands"


_MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}


def _first_day_after_three_months(deposit: dt.date) -> dt.date:
    """1993 Art 46(2)(a), 1996 Art 61(2)(a): the first day of the month following the expiration
    of three months after the deposit."""
    month = deposit.month + 3
    year = deposit.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    # the three months expire in `month`; the Convention enters into force on the 1st after it
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dt.date(year, month, 1)


def test_every_computed_ratification_date_follows_the_conventions_own_rule():
    """A typo in a computed date would teach a wrong date as if it were checked arithmetic."""
    checked = 0
    for cid, name, entry in entries():
        if entry.date_basis is not DateBasis.COMPUTED_FROM_DEPOSIT:
            continue
        words = entry.text.split("deposited ", 1)[1].split(",", 1)[0].split()
        deposit = dt.date(int(words[2]), _MONTHS[words[1]], int(words[0]))
        assert entry.in_force_from == _first_day_after_three_months(deposit), (cid, name)
        checked += 1
    assert checked >= 25

"""Working days and calendar months, as statutory time limits count them."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_kit.core.calendar import (
    add_months,
    add_working_days,
    add_years,
    is_working_day,
    working_days_between,
)

dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))
counts = st.integers(min_value=0, max_value=300)
_ENGLAND = holidays.country_holidays("GB", subdiv="ENG")


def _working_day_oracle(day: dt.date) -> bool:
    """Independent of the module under test: weekday and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in _ENGLAND


def test_working_days_skip_weekends():
    """A working day excludes Saturday and Sunday (CPPCR (England) Regs 2010, 'working day')."""
    friday = dt.date(2026, 11, 20)
    assert add_working_days(friday, 1) == dt.date(2026, 11, 23)


def test_working_days_skip_england_bank_holidays_christmas_and_boxing_day():
    """Christmas Day (Fri 25 Dec 2026) and Boxing Day observed (Mon 28 Dec) are not working days."""
    assert add_working_days(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)


def test_working_days_skip_good_friday_and_easter_monday():
    """Good Friday (3 Apr 2026) and Easter Monday (6 Apr 2026) in England and Wales."""
    assert add_working_days(dt.date(2026, 4, 2), 1) == dt.date(2026, 4, 7)


def test_scottish_only_holidays_are_working_days_in_england():
    """2 January and St Andrew's Day are Scottish bank holidays, not English ones."""
    assert is_working_day(dt.date(2026, 1, 2))
    assert is_working_day(dt.date(2026, 11, 30))
    assert not is_working_day(dt.date(2026, 8, 31))  # late summer bank holiday, England and Wales


def test_zero_working_days_is_the_start_date_itself():
    """Nothing to add: even a Sunday start is returned as it is."""
    sunday = dt.date(2026, 11, 22)
    assert add_working_days(sunday, 0) == sunday


def test_negative_working_days_are_refused():
    with pytest.raises(ValueError, match="0 or more"):
        add_working_days(dt.date(2026, 1, 5), -1)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
    (dt.date(2026, 8, 31), 3, dt.date(2026, 11, 30)),
    (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
    (dt.date(2026, 5, 1), 3, dt.date(2026, 8, 1)),
    (dt.date(2026, 3, 20), 0, dt.date(2026, 3, 20)),
])
def test_add_months_uses_the_corresponding_date_clamped_to_month_end(start, months, expected):
    """A month runs to the same day of the next month, or its last day if there is none
    (the corresponding-date rule)."""
    assert add_months(start, months) == expected


def test_add_years_from_29_february_lands_on_28_february():
    assert add_years(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)
    assert add_years(dt.date(2028, 2, 29), 4) == dt.date(2032, 2, 29)


# --- properties ---------------------------------------------------------------------------------


@given(dates, st.integers(min_value=1, max_value=300))
def test_add_working_days_always_lands_on_a_working_day(start, count):
    assert _working_day_oracle(add_working_days(start, count))


@given(dates, counts, counts)
def test_add_working_days_is_monotonic_in_the_count(start, a, b):
    low, high = sorted((a, b))
    assert add_working_days(start, low) <= add_working_days(start, high)
    if low < high:
        assert add_working_days(start, low) < add_working_days(start, high)


@given(dates, dates, counts)
def test_add_working_days_is_monotonic_in_the_start(a, b, count):
    early, late = sorted((a, b))
    assert add_working_days(early, count) <= add_working_days(late, count)


@given(dates, counts)
def test_n_working_days_later_has_exactly_n_working_days_in_between(start, count):
    end = add_working_days(start, count)
    days = (end - start).days
    in_between = sum(_working_day_oracle(start + dt.timedelta(days=k)) for k in range(1, days + 1))
    assert in_between == count
    assert working_days_between(start, end) == count


@given(dates, st.integers(min_value=0, max_value=240))
def test_add_months_never_goes_back_and_never_overshoots_the_month(start, months):
    result = add_months(start, months)
    assert result >= start
    assert (result.year - start.year) * 12 + result.month - start.month == months
    assert result.day <= start.day
    if start.day <= 28:
        assert result.day == start.day

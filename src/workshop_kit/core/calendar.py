"""Date arithmetic for statutory time limits: working days in England and Wales, and calendar
months that do not run off the end of a short month; and the one long form a date is written in.

Pure functions, no content: the timeline planner decides which rule uses which arithmetic.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from functools import cache

import holidays


@cache
def _bank_holidays() -> holidays.HolidayBase:
    # England and Wales share bank holidays (Banking and Financial Dealings Act 1971 Sch 1;
    # the `holidays` package files them under subdivision "ENG"). Christmas Day and Good
    # Friday, common-law holidays rather than bank holidays, are included too.
    return holidays.country_holidays("GB", subdiv="ENG")


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and day not in _bank_holidays()


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `start` (`start` itself is not counted).

    "Within 20 working days of the date on which C becomes looked after" (CPPCR (England) Regs
    2010 reg 33(1)) ends on the 20th working day after that date. With `count` 0 the start is
    returned unchanged, whatever day it is.
    """
    if count < 0:
        raise ValueError(f"count must be 0 or more working days (got {count})")
    day = start
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days fall after `start` and on or before `end` (0 if `end` <= `start`)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, clamped to the month's last day.

    31 January + 1 month is 28 (or 29) February, not 3 March: a time limit in months never
    spills into the month after (the corresponding-date rule, e.g. Dodds v Walker [1981] 1 WLR
    1027, with the end-of-month rule where there is no corresponding date).
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = _stdlib_calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last))


def long_date(day: dt.date) -> str:
    """'1 December 2026': the one way every face and message writes a date for a British reader
    (no leading zero, the month in words, so 1/12 and 12/1 cannot be confused)."""
    return f"{day.day} {day:%B %Y}"


def add_years(start: dt.date, years: int) -> dt.date:
    """The same date `years` later; 29 February becomes 28 February in a common year."""
    return add_months(start, 12 * years)

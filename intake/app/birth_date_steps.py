"""What each step of the touch birth-date picker offers: decades, years, months, days.

Plain arithmetic, kept out of the widget so it is tested without Qt: nothing after
today can be chosen, nothing before the earliest year, and each month has its own
number of days.
"""

from __future__ import annotations

import calendar
from datetime import date

EARLIEST_YEAR = 1900


def decades(today: date, earliest: int = EARLIEST_YEAR) -> list[int]:
    """First years of the decades a birth year can fall in, newest first: the order people expect."""
    newest = today.year - today.year % 10
    return list(range(newest, earliest - earliest % 10 - 1, -10))


def decade_end(decade: int, today: date) -> int:
    """The last year of a decade that can be chosen: the current decade stops at this year."""
    return min(decade + 9, today.year)


def years_in(decade: int, today: date, earliest: int = EARLIEST_YEAR) -> list[int]:
    return list(range(max(decade, earliest), decade_end(decade, today) + 1))


def months_in(year: int, today: date) -> list[int]:
    """Months that have begun: a birth date cannot be in the future."""
    return list(range(1, (today.month if year == today.year else 12) + 1))


def days_in(year: int, month: int, today: date) -> list[int]:
    last = calendar.monthrange(year, month)[1]
    if (year, month) == (today.year, today.month):
        last = today.day
    return list(range(1, last + 1))

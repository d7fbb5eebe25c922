"""A date as people type it into a search box: 15/01/1992, 1992-01-15, 15 Jan 1992, 15.01.1992.

Front-desk staff copy a date of birth from a referral letter, a card or the patient's
own words, each in its own habit. A year written first is always year-month-day; a
numeric date with the year last is read in the day/month order of the machine's locale
("03/04/1992" is 3 April in London, March 4 in New York) unless only the other order
makes a date ("15/01/1992" is 15 January everywhere). Month names may be English or the
locale's, whole or cut short ("Jan", "janv.", "Sept").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from intake.app.search_text import folded

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
"""Understood whatever the locale: referral letters are often in English."""

SHORTEST_MONTH = 3
"""Letters a cut-short month name needs: "ma" could be March or May."""

_SEPARATORS = re.compile(r"[\s/.,\-]+")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_DAY_IN_PATTERN = re.compile(r"(?<!d)d{1,2}(?!d)")
"""A day in a Qt or Unicode date pattern: "d" or "dd" ("ddd" and "dddd" name the weekday)."""


class DayMonthOrder(Enum):
    DAY_FIRST = "day first"
    MONTH_FIRST = "month first"


def day_month_order(pattern: str) -> DayMonthOrder:
    """Which of day and month a date pattern such as "dd/MM/yyyy" or "M/d/yy" writes first."""
    day, month = _DAY_IN_PATTERN.search(pattern), pattern.find("M")
    if day is None or month < 0 or day.start() < month:
        return DayMonthOrder.DAY_FIRST
    return DayMonthOrder.MONTH_FIRST


@dataclass(frozen=True)
class DateReading:
    """How this machine reads a typed date: the locale's day/month order and month names."""

    order: DayMonthOrder = DayMonthOrder.DAY_FIRST
    month_names: tuple[tuple[str, int], ...] = ()

    def date_in(self, text: str, today: date) -> date | None:
        return typed_date(text, self.order, today, self.month_names)


def typed_date(
    text: str, order: DayMonthOrder, today: date, month_names: Iterable[tuple[str, int]] = ()
) -> date | None:
    """The date `text` spells out, or None when it is not a whole date (a name, "1992", "15/01").

    `month_names` are (name, number) pairs besides the English ones, such as the locale's
    long and short names. A two-digit year is the latest one not after `today`.
    """
    tokens = [_without_ordinal(token) for token in _SEPARATORS.split(text.strip()) if token]
    if len(tokens) != 3:
        return None
    words = [token for token in tokens if not token.isdecimal()]
    if not words:
        return _numeric(tokens, order, today)
    if len(words) == 1:
        month = _month_number(words[0], [*((name, number) for number, name in enumerate(ENGLISH_MONTHS, 1)), *month_names])
        numbers = [token for token in tokens if token.isdecimal()]
        return _named_month(numbers, month, today) if month else None
    return None


def _without_ordinal(token: str) -> str:
    """"15th" is 15."""
    ordinal = _ORDINAL.match(token.casefold())
    return ordinal.group(1) if ordinal else token


def _numeric(tokens: list[str], order: DayMonthOrder, today: date) -> date | None:
    first, second, last = tokens
    if len(first) == 4:
        return _date(int(first), int(second), int(last)) if len(second) <= 2 and len(last) <= 2 else None
    year = _full_year(last, today)
    if year is None or len(first) > 2 or len(second) > 2:
        return None
    day_first = (int(first), int(second))
    month_first = (int(second), int(first))
    readings = (day_first, month_first) if order is DayMonthOrder.DAY_FIRST else (month_first, day_first)
    for day, month in readings:
        found = _date(year, month, day)
        if found:
            return found
    return None


def _named_month(numbers: list[str], month: int, today: date) -> date | None:
    """"15 Jan 1992", "Jan 15, 1992", "1992 Jan 15": the four-digit number is the year, else the last."""
    long_ones = [index for index, number in enumerate(numbers) if len(number) == 4]
    year_at = long_ones[0] if len(long_ones) == 1 else len(numbers) - 1
    day_text = numbers[1 - year_at]
    year = _full_year(numbers[year_at], today)
    if year is None or len(day_text) > 2:
        return None
    return _date(year, month, int(day_text))


def _month_number(word: str, names: list[tuple[str, int]]) -> int | None:
    """The month a name or its start names ("jan", "Janv.", "sept"); None if none or several."""
    typed = folded(word.rstrip("."))
    if len(typed) < SHORTEST_MONTH:
        return None
    found = {number for name, number in names if folded(name.rstrip(".")).startswith(typed)}
    return found.pop() if len(found) == 1 else None


def _full_year(text: str, today: date) -> int | None:
    if len(text) == 4:
        return int(text)
    if len(text) != 2:
        return None
    this_century = today.year - today.year % 100 + int(text)
    return this_century if this_century <= today.year else this_century - 100


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

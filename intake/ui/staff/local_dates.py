"""Dates on staff screens as this machine's locale writes them, and how it reads typed ones.

The reading rules are plain Python (`intake.app.typed_dates`); only the locale's habits
come from Qt: which of day and month it writes first, and its month names. Where words
join them (a month's title), the sentence is the staff language's.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from intake.app.typed_dates import DateReading, day_month_order
from intake.ui.staff.words import _

_YEAR_AT_AN_END = re.compile(r"^y+[^dM]*|[^dM]*y+$")
ISO_DATE = "yyyy-MM-dd"
"""Where the locale has no habit of its own (the C locale of a bare system): unambiguous."""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _short_pattern(locale: QLocale) -> str:
    if locale.language() == QLocale.Language.C:
        return ISO_DATE
    return locale.dateFormat(QLocale.FormatType.ShortFormat)


def short_date(day: date, locale: QLocale | None = None) -> str:
    """"15/01/1992", "1/15/92", "15.01.92": the locale's short form."""
    chosen = locale or QLocale()
    return chosen.toString(_qdate(day), _short_pattern(chosen))


def long_date(day: date, locale: QLocale | None = None) -> str:
    """For screen readers: "Thursday, 15 January 1992"."""
    return (locale or QLocale()).toString(_qdate(day), QLocale.FormatType.LongFormat)


def day_and_month(day: date, locale: QLocale | None = None) -> str:
    """The short form without its year ("15/01", "1/15"), where the year goes without saying."""
    chosen = locale or QLocale()
    pattern = _YEAR_AT_AN_END.sub("", _short_pattern(chosen))
    return chosen.toString(_qdate(day), pattern)


def clock_time(moment: datetime, seconds: bool = False) -> str:
    """A stored moment on this machine's clock: hours and minutes (and seconds)."""
    return moment.astimezone().strftime("%H:%M:%S" if seconds else "%H:%M")


def month_title(year: int, month: int, locale: QLocale | None = None) -> str:
    """"November 2026", the month in the locale's words, in the order the staff language puts them."""
    chosen = locale or QLocale()
    # Translators: a calendar's title; {month} is the month's name ("November"), {year} the year ("2026").
    return _("{month} {year}").format(month=chosen.standaloneMonthName(month, QLocale.FormatType.LongFormat), year=year)


def date_reading(locale: QLocale | None = None) -> DateReading:
    """How typed dates are read here: the locale's day/month order and its month names, long and short."""
    chosen = locale or QLocale()
    names = tuple(
        (name, month)
        for month in range(1, 13)
        for name in dict.fromkeys((
            chosen.monthName(month, QLocale.FormatType.LongFormat),
            chosen.monthName(month, QLocale.FormatType.ShortFormat),
            chosen.standaloneMonthName(month, QLocale.FormatType.LongFormat),
        ))
    )
    return DateReading(day_month_order(chosen.dateFormat(QLocale.FormatType.ShortFormat)), names)

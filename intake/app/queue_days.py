"""Which days a staff list shows: today, the last seven days, days picked on a calendar, or all.

"Today" and "the last 7 days" are worked out again at every refresh, so a queue left
open overnight moves on with the clinic's day; picked days stay as picked. Days are the
clinic's own (this machine's local midnight), not UTC's.

The calendar is plain arithmetic here, so it is tested without a screen: the month's
days laid out in weeks, and what a tap means (the first picks a day, the second makes
the range between the two, a third starts again).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from intake.app.day_grid import DayCell, calendar_cells

WEEK = 7


class DayChoice(Enum):
    TODAY = "today"
    LAST_7_DAYS = "last 7 days"
    PICKED = "picked"
    ALL = "all"


@dataclass(frozen=True)
class Days:
    """From `first` to `last`, both included."""

    first: date
    last: date

    @classmethod
    def between(cls, one: date, other: date) -> Days:
        """Two days tapped in either order."""
        return cls(min(one, other), max(one, other))

    @property
    def single(self) -> bool:
        return self.first == self.last

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def bounds(self) -> tuple[datetime, datetime]:
        """The first day's local midnight (included) and the one after the last day (excluded)."""
        return local_midnight(self.first), local_midnight(self.last + timedelta(days=1))


def local_midnight(day: date) -> datetime:
    """The start of `day` on this machine's clock, as an aware moment (daylight saving included)."""
    return datetime.combine(day, time.min).astimezone()


def local_today() -> date:
    return datetime.now().astimezone().date()


def days_for(choice: DayChoice, today: date, picked: Days | None = None) -> Days | None:
    """The days a choice means on `today`; None for all days. Picking nothing yet means today."""
    match choice:
        case DayChoice.TODAY:
            return Days(today, today)
        case DayChoice.LAST_7_DAYS:
            return Days(today - timedelta(days=WEEK - 1), today)
        case DayChoice.PICKED:
            return picked or Days(today, today)
        case DayChoice.ALL:
            return None


class DayPick:
    """Taps on the calendar: one day, or the first and last day of a range."""

    def __init__(self, shown: Days | None = None) -> None:
        self.days = shown
        """What the calendar marks as chosen (None: nothing yet)."""
        self._first_tap: date | None = None

    def tap(self, day: date) -> Days:
        if self._first_tap is None:
            self._first_tap = day
            self.days = Days(day, day)
        else:
            self.days = Days.between(self._first_tap, day)
            self._first_tap = None
        return self.days


def month_cells(year: int, month: int, first_weekday: int) -> list[DayCell]:
    """Every day of the month in its week (row) and weekday (column); weeks start on `first_weekday` (ISO)."""
    days = [date(year, month, day) for day in range(1, calendar.monthrange(year, month)[1] + 1)]
    return calendar_cells(days, first_weekday)


def shifted_month(year: int, month: int, step: int) -> tuple[int, int]:
    """The month `step` months after (or before) this one, as (year, month)."""
    index = year * 12 + month - 1 + step
    return index // 12, index % 12 + 1

"""The last days laid out as a calendar, for counting headache days by tapping them.

Counting "how many days in a month" from memory is hard; seeing the weeks, with today
marked, helps. The layout is plain arithmetic so it is tested without a screen.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

DAYS_SHOWN = 30


class DayCell(NamedTuple):
    day: date
    row: int
    column: int


def recent_days(today: date, count: int = DAYS_SHOWN) -> list[date]:
    """`count` days ending with today, oldest first."""
    return [today - timedelta(days=back) for back in range(count - 1, -1, -1)]


def weekday_columns(first_weekday: int) -> list[int]:
    """ISO weekdays (Monday 1 … Sunday 7) in column order for a week starting on `first_weekday`."""
    return [(first_weekday - 1 + offset) % 7 + 1 for offset in range(7)]


def calendar_cells(days: list[date], first_weekday: int) -> list[DayCell]:
    """Each day's row (week) and column (weekday), the first week being row 0."""
    if not days:
        return []
    lead = (days[0].isoweekday() - first_weekday) % 7
    return [DayCell(day, (lead + index) // 7, (lead + index) % 7) for index, day in enumerate(days)]

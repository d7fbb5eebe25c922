"""The days a staff list shows, and the calendar's taps and weeks."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from intake.app.queue_days import DayChoice, DayPick, Days, days_for, local_midnight, month_cells, shifted_month

TODAY = date(2026, 11, 25)


def test_each_choice_names_its_days() -> None:
    assert days_for(DayChoice.TODAY, TODAY) == Days(TODAY, TODAY)
    assert days_for(DayChoice.LAST_7_DAYS, TODAY) == Days(date(2026, 11, 19), TODAY)
    assert days_for(DayChoice.PICKED, TODAY, Days(date(2026, 1, 2), date(2026, 1, 9))) == Days(date(2026, 1, 2), date(2026, 1, 9))
    assert days_for(DayChoice.PICKED, TODAY) == Days(TODAY, TODAY), "nothing picked yet: today"
    assert days_for(DayChoice.ALL, TODAY) is None


def test_days_hold_both_ends() -> None:
    week = Days(date(2026, 11, 19), TODAY)
    assert date(2026, 11, 19) in week and TODAY in week and date(2026, 11, 26) not in week and "today" not in week
    assert not week.single and Days(TODAY, TODAY).single
    assert Days.between(TODAY, date(2026, 11, 19)) == week


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_days_start_at_local_midnight(new_york) -> None:
    assert local_midnight(TODAY) == datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
    since, until = Days(date(2026, 3, 7), date(2026, 3, 8)).bounds()
    assert since == datetime(2026, 3, 7, 5, 0, tzinfo=UTC)
    assert until == datetime(2026, 3, 9, 4, 0, tzinfo=UTC), "the clocks went forward on the 8th"


def test_one_tap_picks_a_day_two_a_range_a_third_starts_again() -> None:
    pick = DayPick(Days(TODAY, TODAY))
    assert pick.days == Days(TODAY, TODAY)
    assert pick.tap(date(2026, 11, 20)) == Days(date(2026, 11, 20), date(2026, 11, 20))
    assert pick.tap(date(2026, 11, 12)) == Days(date(2026, 11, 12), date(2026, 11, 20))
    assert pick.tap(date(2026, 11, 3)) == Days(date(2026, 11, 3), date(2026, 11, 3))
    assert pick.tap(date(2026, 11, 3)) == Days(date(2026, 11, 3), date(2026, 11, 3)), "the same day twice: that day"
    assert DayPick().days is None


def test_a_month_in_weeks() -> None:
    cells = month_cells(2026, 11, first_weekday=1)
    assert len(cells) == 30
    assert (cells[0].day, cells[0].row, cells[0].column) == (date(2026, 11, 1), 0, 6), "1 November 2026 is a Sunday"
    assert (cells[-1].row, cells[-1].column) == (5, 0)
    sunday_first = month_cells(2026, 11, first_weekday=7)
    assert (sunday_first[0].row, sunday_first[0].column, sunday_first[-1].row) == (0, 0, 4)
    assert len(month_cells(2028, 2, 1)) == 29


@pytest.mark.parametrize(
    ("step", "expected"), [(1, (2026, 12)), (2, (2027, 1)), (-11, (2025, 12)), (-1, (2026, 10)), (0, (2026, 11))]
)
def test_shifted_month(step: int, expected: tuple[int, int]) -> None:
    assert shifted_month(2026, 11, step) == expected

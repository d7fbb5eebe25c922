"""The last 30 days as calendar weeks, with weekday columns in the locale's order."""

from __future__ import annotations

from datetime import date

from intake.app.day_grid import calendar_cells, recent_days, weekday_columns

WEDNESDAY = date(2026, 11, 25)


def test_thirty_days_ending_today_oldest_first() -> None:
    days = recent_days(WEDNESDAY)
    assert len(days) == 30
    assert days[0] == date(2026, 10, 27)
    assert days[-1] == WEDNESDAY


def test_weeks_starting_monday_or_sunday() -> None:
    assert weekday_columns(1) == [1, 2, 3, 4, 5, 6, 7]
    assert weekday_columns(7) == [7, 1, 2, 3, 4, 5, 6]


def test_each_day_sits_under_its_weekday() -> None:
    for first in (1, 7):
        columns = weekday_columns(first)
        for cell in calendar_cells(recent_days(WEDNESDAY), first):
            assert columns[cell.column] == cell.day.isoweekday()


def test_rows_are_weeks_and_the_first_row_starts_with_the_oldest_day() -> None:
    cells = calendar_cells(recent_days(WEDNESDAY), 1)
    assert cells[0] == (date(2026, 10, 27), 0, 1)
    assert cells[-1] == (WEDNESDAY, 4, 2)
    assert [cell.row for cell in cells if cell.column == 0] == [1, 2, 3, 4]


def test_no_days_no_cells() -> None:
    assert calendar_cells([], 1) == []

"""The picker's choices: newest decade first, nothing in the future, real month lengths."""

from __future__ import annotations

from datetime import date

from intake.app.birth_date_steps import days_in, decade_end, decades, months_in, years_in

TODAY = date(2026, 3, 14)


def test_decades_run_from_this_one_back_to_1900() -> None:
    found = decades(TODAY)
    assert found[0] == 2020 and found[-1] == 1900
    assert len(found) == 13


def test_the_current_decade_stops_at_this_year() -> None:
    assert years_in(2020, TODAY) == [2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert decade_end(2020, TODAY) == 2026
    assert years_in(1970, TODAY) == list(range(1970, 1980))


def test_no_year_before_the_earliest() -> None:
    assert years_in(1900, TODAY, earliest=1905) == [1905, 1906, 1907, 1908, 1909]
    assert decades(TODAY, earliest=1905)[-1] == 1900


def test_months_and_days_stop_at_today() -> None:
    assert months_in(2026, TODAY) == [1, 2, 3]
    assert months_in(2025, TODAY) == list(range(1, 13))
    assert days_in(2026, 3, TODAY)[-1] == 14
    assert days_in(2026, 2, TODAY)[-1] == 28


def test_february_has_its_leap_day() -> None:
    assert days_in(2024, 2, TODAY)[-1] == 29
    assert days_in(1900, 2, TODAY)[-1] == 28
    assert days_in(1999, 4, TODAY)[-1] == 30

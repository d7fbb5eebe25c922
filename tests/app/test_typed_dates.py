"""Dates of birth typed into the queue's search, in the day/month order the machine's locale uses."""

from __future__ import annotations

from datetime import date

import pytest

from intake.app.typed_dates import DayMonthOrder, day_month_order, typed_date

DAY_FIRST, MONTH_FIRST = DayMonthOrder.DAY_FIRST, DayMonthOrder.MONTH_FIRST
TODAY = date(2026, 11, 25)
BORN = date(1992, 1, 15)
FRENCH = [("janvier", 1), ("janv.", 1), ("février", 2), ("févr.", 2), ("mars", 3), ("mai", 5), ("juin", 6)]


@pytest.mark.parametrize("text", [
    "15/01/1992", "1992-01-15", "15 Jan 1992", "15.01.1992", "15-01-1992", " 15 / 1 / 1992 ", "15 January 1992",
    "January 15, 1992", "Jan 15th 1992", "15. Jan. 1992", "1992/01/15", "1992. 01. 15.", "15 JAN 92",
    "15/01/92", "15 jan 1992",
])
def test_common_forms_of_one_date(text: str) -> None:
    assert typed_date(text, DAY_FIRST, TODAY) == BORN
    assert typed_date(text, MONTH_FIRST, TODAY) == BORN, "15 cannot be a month, whatever the locale"


@pytest.mark.parametrize(("text", "order", "expected"), [
    ("03/04/1992", DAY_FIRST, date(1992, 4, 3)),
    ("03/04/1992", MONTH_FIRST, date(1992, 3, 4)),
    ("03.04.1992", DAY_FIRST, date(1992, 4, 3)),
    ("3-4-1992", MONTH_FIRST, date(1992, 3, 4)),
    ("1992-03-04", MONTH_FIRST, date(1992, 3, 4)),
    ("1992-03-04", DAY_FIRST, date(1992, 3, 4)),
    ("04 Mar 1992", MONTH_FIRST, date(1992, 3, 4)),
    ("Mar 04 1992", DAY_FIRST, date(1992, 3, 4)),
])
def test_the_locale_decides_only_what_is_ambiguous(text: str, order: DayMonthOrder, expected: date) -> None:
    assert typed_date(text, order, TODAY) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("15/01/26", date(2026, 1, 15)),
    ("15/01/27", date(1927, 1, 15)),
    ("24/11/26", date(2026, 11, 24)),
    ("15/01/00", date(2000, 1, 15)),
])
def test_a_two_digit_year_is_never_after_today(text: str, expected: date) -> None:
    assert typed_date(text, DAY_FIRST, TODAY) == expected


@pytest.mark.parametrize("text", [
    "15 janvier 1992", "15 janv. 1992", "15 JANV 1992", "15 janv 1992",
])
def test_the_locales_month_names_too(text: str) -> None:
    assert typed_date(text, DAY_FIRST, TODAY, FRENCH) == BORN


def test_accents_and_shared_starts_in_month_names() -> None:
    assert typed_date("2 fevr 1992", DAY_FIRST, TODAY, FRENCH) == date(1992, 2, 2)
    assert typed_date("2 mar 1992", DAY_FIRST, TODAY, FRENCH) == date(1992, 3, 2), "March and mars agree"
    assert typed_date("2 mai 1992", DAY_FIRST, TODAY, FRENCH) == date(1992, 5, 2)
    assert typed_date("2 ju 1992", DAY_FIRST, TODAY, FRENCH) is None, "too short to name a month"
    assert typed_date("2 jun 1992", DAY_FIRST, TODAY, FRENCH) == date(1992, 6, 2)
    assert typed_date("2 ma 1992", DAY_FIRST, TODAY) is None


@pytest.mark.parametrize("text", [
    "", "Müller", "Hans Müller", "1992", "15/01", "15/13/1992", "31/02/1992", "32 Jan 1992", "15 Foo 1992",
    "15 Jan Feb", "15/01/1992/3", "1992-1-155", "115/01/1992", "15/01/199", "Jan 1992 1993", "0/0/0",
])
def test_what_is_not_a_whole_date(text: str) -> None:
    assert typed_date(text, DAY_FIRST, TODAY) is None


@pytest.mark.parametrize(("pattern", "order"), [
    ("dd/MM/yyyy", DAY_FIRST), ("M/d/yy", MONTH_FIRST), ("dd.MM.yy", DAY_FIRST), ("yyyy-MM-dd", MONTH_FIRST),
    ("yyyy/MM/dd", MONTH_FIRST), ("d MM yyyy", DAY_FIRST), ("dddd, MMMM d, yyyy", MONTH_FIRST),
    ("dddd d MMMM yyyy", DAY_FIRST), ("", DAY_FIRST),
])
def test_the_order_comes_from_the_locales_date_pattern(pattern: str, order: DayMonthOrder) -> None:
    assert day_month_order(pattern) is order

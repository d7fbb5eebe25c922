"""Dates on staff screens in the machine's locale, and how it reads typed ones."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from intake.app.typed_dates import DayMonthOrder
from intake.ui.staff.local_dates import clock_time, date_reading, day_and_month, long_date, month_title, short_date

BORN = date(1992, 1, 15)


@pytest.mark.parametrize(("locale", "short", "without_year", "order"), [
    ("en_US", "1/15/92", "1/15", DayMonthOrder.MONTH_FIRST),
    ("en_GB", "15/01/1992", "15/01", DayMonthOrder.DAY_FIRST),
    ("de_DE", "15.01.92", "15.01", DayMonthOrder.DAY_FIRST),
    ("sv_SE", "1992-01-15", "01-15", DayMonthOrder.MONTH_FIRST),
    ("C", "1992-01-15", "01-15", DayMonthOrder.DAY_FIRST),
])
def test_each_locale_writes_and_reads_its_own_way(locale: str, short: str, without_year: str, order: DayMonthOrder) -> None:
    chosen = QLocale(locale)
    assert (short_date(BORN, chosen), day_and_month(BORN, chosen)) == (short, without_year)
    assert date_reading(chosen).order is order


def test_the_locales_month_names_are_read_too() -> None:
    french = date_reading(QLocale("fr_FR"))
    assert french.date_in("15 janv. 1992", date(2026, 1, 1)) == BORN
    assert french.date_in("15 janvier 1992", date(2026, 1, 1)) == BORN
    assert month_title(2026, 2, QLocale("fr_FR")) == "février 2026"
    assert "1992" in long_date(BORN, QLocale("en_GB")) and "January" in long_date(BORN, QLocale("en_GB"))


def test_clock_time(monkeypatch) -> None:
    moment = datetime(2026, 1, 15, 9, 5, 7, tzinfo=UTC)
    assert clock_time(moment) == moment.astimezone().strftime("%H:%M")
    assert clock_time(moment, seconds=True).endswith(":07")

"""'Help me count': tap days on a calendar of the last 30, and only the count is kept."""

from __future__ import annotations

from datetime import date

import pytest
from patient_driver import tap
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.theme import apply_theme
from intake.ui.widgets.count_days import CountDays
from intake.ui.widgets.factory import make_block
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.question_block import QuestionBlock

WEDNESDAY = date(2026, 11, 25)

PAGE_ONE = {"given_name": "Ann", "family_name": "Lee", "date_of_birth": "1990-03-07", "sex_at_birth": "female"}


@pytest.fixture(autouse=True)
def uk_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture
def block(qtbot, qapp, form) -> QuestionBlock:
    apply_theme(qapp)
    shown = make_block(form.question("headache_days"), None, ENGLISH)
    qtbot.addWidget(shown)
    shown.resize(700, 400)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def number(block: QuestionBlock) -> NumberInput:
    return block.input


def open_count(number: NumberInput):
    tap(number.count_button)
    assert number.count_days is not None and number.count_days.isVisible()
    return number.count_days


def tap_days(grid: CountDays, count: int) -> None:
    for button in list(grid.day_buttons.values())[:count]:
        tap(button)


def test_tap_three_days_see_three_days_and_use_the_count(qtbot, number) -> None:
    assert number.count_button.text() == "Help me count"
    grid = open_count(number)
    assert grid.total.text() == "0 days"
    tap_days(grid, 3)
    assert grid.total.text() == "3 days"
    with qtbot.waitSignal(number.edited, timeout=1000):
        tap(grid.use_button)
    assert number.line.text() == "3"
    assert number.value() == 3
    assert number.count_days is None and not grid.isVisible()


def test_tapping_a_day_again_takes_it_off(number) -> None:
    grid = open_count(number)
    first = next(iter(grid.day_buttons.values()))
    tap(first)
    assert grid.total.text() == "1 day"
    tap(first)
    assert grid.total.text() == "0 days"
    tap_days(grid, 2)
    tap(first)
    assert grid.total.text() == "1 day"


def test_the_count_can_still_be_changed_after(number) -> None:
    grid = open_count(number)
    tap_days(grid, 4)
    tap(grid.use_button)
    tap(number.plus)
    assert number.value() == 5


def test_cancel_leaves_the_answer_and_the_days_are_forgotten(qtbot, number) -> None:
    for _ in range(5):
        tap(number.plus)
    grid = open_count(number)
    tap_days(grid, 2)
    with qtbot.assertNotEmitted(number.edited):
        tap(grid.cancel_button)
    assert number.value() == 5
    assert number.count_days is None
    reopened = open_count(number)
    assert reopened.total.text() == "0 days"
    assert not any(button.isChecked() for button in reopened.day_buttons.values())


def test_the_calendar_takes_the_place_of_its_button_until_it_closes(number) -> None:
    grid = open_count(number)
    assert not number.count_button.isVisible()
    tap(grid.cancel_button)
    assert number.count_button.isVisible()
    assert number.value() is None


def test_the_calendar_has_weekday_columns_today_marked_and_30_days(qtbot) -> None:
    grid = CountDays(WEDNESDAY, ENGLISH)
    qtbot.addWidget(grid)
    headers = [widget.text() for widget in grid.findChildren(QLabel) if widget.property("role") == "weekday"]
    assert headers == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert len(grid.day_buttons) == 30
    assert grid.day_buttons[date(2026, 10, 27)].text() == "27\nOct"
    assert grid.day_buttons[date(2026, 11, 1)].text() == "1\nNov"
    assert grid.day_buttons[date(2026, 11, 2)].text() == "2"
    assert [day for day, button in grid.day_buttons.items() if button.property("today") == "true"] == [WEDNESDAY]
    assert grid.day_buttons[WEDNESDAY].accessibleName() == "Wednesday, 25 November 2026, today"


def test_weeks_start_on_sunday_where_the_locale_says_so(qtbot) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    grid = CountDays(WEDNESDAY, ENGLISH)
    qtbot.addWidget(grid)
    headers = [widget.text() for widget in grid.findChildren(QLabel) if widget.property("role") == "weekday"]
    assert headers[0] == "Sun"


def test_the_calendar_fits_a_portrait_tablet_with_finger_sized_days(number) -> None:
    grid = open_count(number)
    assert grid.minimumSizeHint().width() <= 680
    assert grid.sizeHint().height() <= 800
    for button in grid.day_buttons.values():
        assert button.width() >= 48 and button.height() >= 48


def test_the_wizard_keeps_the_count(kiosk) -> None:
    _window, patient = kiosk
    patient.advance_to("headache_pattern", PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    number = patient.page().blocks["headache_days"].input
    grid = open_count(number)
    for button in list(grid.day_buttons.values())[:3]:
        patient.page().reveal(button)
        tap(button)
    patient.page().reveal(grid.use_button)
    tap(grid.use_button)
    assert patient.wizard.visit.answers["headache_days"] == 3


def test_opening_scrolls_the_whole_calendar_into_view(kiosk, qtbot) -> None:
    _window, patient = kiosk
    patient.advance_to("headache_pattern", PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    grid = open_count(patient.page().blocks["headache_days"].input)
    first_day = next(iter(grid.day_buttons.values()))
    qtbot.waitUntil(lambda: grid.use_button.visibleRegion().boundingRect().height() == grid.use_button.height())
    assert first_day.visibleRegion().boundingRect().height() == first_day.height()

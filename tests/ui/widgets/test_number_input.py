"""− and + by tap and by hold, and answering in another unit ("3 years" kept as 36 months)."""

from __future__ import annotations

import pytest
from patient_driver import tap, type_into
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.widgets.number_input import NumberInput

PAGE_ONE = {"given_name": "Ann", "family_name": "Lee", "date_of_birth": "1990-03-07", "sex_at_birth": "female"}


@pytest.fixture
def make_number(qtbot, form):
    def make(question_id: str, field: str | None = None) -> NumberInput:
        question = form.question(question_id)
        widget = NumberInput(question.field(field) if field else question, ENGLISH)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


def press(button) -> None:
    QTest.mousePress(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20))


def release(button) -> None:
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20))


def hold(qtbot, button, until) -> None:
    press(button)
    qtbot.waitUntil(until, timeout=15000)
    release(button)


def choose_unit(widget: NumberInput, unit: str) -> None:
    tap(next(button for button in widget.unit_toggle.buttons if button.text() == unit))


def test_one_tap_is_exactly_one_step(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    with qtbot.waitSignal(widget.edited, timeout=1000):
        tap(widget.plus)
    tap(widget.plus)
    assert widget.line.text() == "2"
    tap(widget.minus)
    assert widget.value() == 1


def test_holding_plus_repeats_then_takes_bigger_steps_and_letting_go_adds_nothing(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    shown: list[str] = []
    widget.line.textChanged.connect(shown.append)
    press(widget.plus)
    qtbot.waitUntil(lambda: len(shown) >= 13, timeout=15000)
    steps_before_letting_go = len(shown)
    release(widget.plus)
    qtbot.wait(300)
    assert len(shown) == steps_before_letting_go
    assert shown[:13] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "15", "20", "25"]
    assert widget.value() == int(shown[-1])


def test_a_tap_after_a_hold_is_again_one_step(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    hold(qtbot, widget.plus, lambda: widget.line.text() == "3")
    tap(widget.plus)
    assert widget.line.text() == "4"


def test_holding_stops_at_the_maximum(qtbot, make_number) -> None:
    widget = make_number("headache_days")
    hold(qtbot, widget.plus, lambda: widget.line.text() == "31")
    assert widget.value() == 31
    hold(qtbot, widget.minus, lambda: widget.line.text() == "0")
    assert widget.value() == 0
    tap(widget.minus)
    assert widget.value() == 0


def test_three_years_is_stored_as_36_months(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    assert [button.text() for button in widget.unit_toggle.buttons] == ["months", "years"]
    assert widget.unit_toggle.buttons[0].isChecked()
    choose_unit(widget, "years")
    for _ in range(3):
        tap(widget.plus)
    assert widget.line.text() == "3"
    assert widget.value() == 36


def test_ten_years_is_a_short_hold_not_120_taps(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    choose_unit(widget, "years")
    hold(qtbot, widget.plus, lambda: widget.value() is not None and widget.value() >= 120)
    assert widget.line.text() in {"10", "15"}


def test_three_months_of_a_weeks_question_is_13_weeks(qtbot, make_number) -> None:
    widget = make_number("preventives", field="weeks")
    assert [button.text() for button in widget.unit_toggle.buttons] == ["weeks", "months"]
    choose_unit(widget, "months")
    for _ in range(3):
        tap(widget.plus)
    assert widget.value() == 13


def test_switching_unit_converts_the_number_and_keeps_the_answer(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    choose_unit(widget, "years")
    tap(widget.plus)
    with qtbot.waitSignal(widget.edited, timeout=1000):
        choose_unit(widget, "months")
    assert widget.line.text() == "12"
    tap(widget.plus)
    choose_unit(widget, "years")
    assert widget.line.text() == "1.1"
    assert widget.value() == 13
    choose_unit(widget, "months")
    assert widget.line.text() == "13"


def test_tapping_plus_on_a_part_year_goes_to_the_next_whole_year(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    for _ in range(18):
        tap(widget.plus)
    choose_unit(widget, "years")
    assert widget.line.text() == "1.5"
    tap(widget.plus)
    assert widget.line.text() == "2"
    assert widget.value() == 24


def test_out_of_range_names_the_unit_chosen(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    choose_unit(widget, "years")
    type_into(widget.line, "130")
    assert widget.value() is None
    assert widget.input_problem() == "Please enter a number from 0 to 120 years."
    choose_unit(widget, "months")
    assert widget.line.text() == "1560"
    assert widget.input_problem() == "Please enter a whole number from 0 to 1440 months."


def test_plus_stops_at_the_range_of_the_unit_chosen(qtbot, make_number) -> None:
    widget = make_number("preventives", field="weeks")
    choose_unit(widget, "months")
    type_into(widget.line, "119")
    tap(widget.plus)
    tap(widget.plus)
    assert widget.line.text() == "119.5"
    assert widget.value() == 520


def test_years_accept_a_decimal_and_months_only_whole_numbers(qtbot, make_number) -> None:
    widget = make_number("duration_months")
    type_into(widget.line, "2.5")
    assert widget.line.text() == "25"
    choose_unit(widget, "years")
    type_into(widget.line, "2.5")
    assert widget.value() == 30


def test_unit_choices_are_named_for_screen_readers(make_number) -> None:
    widget = make_number("acute_months")
    assert [button.accessibleName() for button in widget.unit_toggle.buttons] == ["Answer in months", "Answer in years"]
    assert widget.plus.accessibleName() == "One more"
    assert widget.minus.accessibleName() == "One less"


def test_a_number_without_other_units_shows_its_unit_and_no_choice(make_number) -> None:
    widget = make_number("headache_days")
    assert widget.unit_toggle is None


def test_the_wizard_keeps_years_as_months(kiosk) -> None:
    _window, patient = kiosk
    patient.advance_to("headache_pattern", PAGE_ONE | {"pregnant": "no", "breastfeeding": "no"})
    widget = patient.page().blocks["duration_months"].input
    patient.page().reveal(widget)
    choose_unit(widget, "years")
    for _ in range(3):
        tap(widget.plus)
    assert patient.wizard.visit.answers["duration_months"] == 36

"""Each input widget on its own: what it accepts, what it says, what it returns."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from patient_driver import tap, type_into
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.date_input import DateInput
from intake.ui.widgets.date_parts import locale_order, spoken_date
from intake.ui.widgets.factory import make_block, make_input
from intake.ui.widgets.month_input import MonthInput
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.option_cards import OptionCards
from intake.ui.widgets.rows_input import RowsInput


@pytest.fixture
def us_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture(autouse=True)
def uk_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_date_fields_follow_the_locale_order(qtbot, us_locale) -> None:
    widget = DateInput(ENGLISH)
    qtbot.addWidget(widget)
    captions = [label.text() for label in widget.findChildren(QLabel) if not widget.picker.isAncestorOf(label)]
    assert locale_order(visit_locale(ENGLISH)) == "mdy"
    assert captions == ["Month", "Day", "Year"]
    assert spoken_date(date(1990, 3, 7), visit_locale(ENGLISH)) == "March 7, 1990"


def test_date_in_day_month_year_order(qtbot) -> None:
    widget = DateInput(ENGLISH)
    qtbot.addWidget(widget)
    widget.show()
    captions = [label.text() for label in widget.findChildren(QLabel) if not widget.picker.isAncestorOf(label)]
    assert captions == ["Day", "Month", "Year"]
    type_into(widget.day, "29")
    assert widget.input_problem() == "Please fill in the day, month and year."
    QTest.keyClicks(widget.month, "February")
    type_into(widget.year, "2023")
    assert widget.input_problem() == "There is no 29 February 2023. Please check the date."
    type_into(widget.year, "2024")
    assert widget.value() == date(2024, 2, 29)
    type_into(widget.year, "1850")
    assert widget.input_problem().startswith("Please enter the year with 4 digits, from 1900")


def test_date_boxes_take_only_digits(qtbot) -> None:
    widget = DateInput(ENGLISH)
    qtbot.addWidget(widget)
    widget.show()
    type_into(widget.day, "1a2")
    assert widget.day.text() == "12"


def test_month_input_needs_both_parts_or_neither(qtbot) -> None:
    widget = MonthInput(ENGLISH)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.value() is None and widget.input_problem() is None
    type_into(widget.year, "2024")
    assert widget.input_problem() == "Please choose the month and fill in the year, or leave both empty."
    QTest.keyClicks(widget.month, "March")
    assert widget.value() == "2024-03"


def test_number_accepts_a_decimal_comma_and_reports_the_range(qtbot, form) -> None:
    widget = NumberInput(form.question("hours_per_day"), ENGLISH)
    qtbot.addWidget(widget)
    widget.show()
    type_into(widget.line, "4,5")
    assert widget.value() == 4.5
    type_into(widget.line, "25")
    assert widget.value() is None
    assert widget.input_problem() == "Please enter a number from 0 to 24."
    type_into(widget.line, "abc")
    assert widget.line.text() == ""


def test_number_minus_from_empty_starts_at_the_minimum(qtbot, form) -> None:
    widget = NumberInput(form.question("headache_days"), ENGLISH)
    qtbot.addWidget(widget)
    widget.show()
    tap(widget.minus)
    assert widget.value() == 0
    tap(widget.minus)
    assert widget.value() == 0


def test_option_cards_are_radio_buttons_that_can_be_cleared(qtbot, form) -> None:
    widget = make_input(form.question("aura"), None, ENGLISH)
    qtbot.addWidget(widget)
    widget.show()
    assert isinstance(widget, OptionCards)
    assert [button.text() for button in widget.buttons()] == ["Yes", "No", "Not sure"]
    with qtbot.waitSignal(widget.edited, timeout=1000):
        tap(widget.button_for("unsure"))
    assert widget.value() == "unsure"
    with qtbot.assertNotEmitted(widget.edited):
        widget.clear()
    assert widget.value() is None


def _spoken_name(control: QWidget) -> str:
    """What a screen reader announces: the accessible name, or a button's own text."""
    if control.accessibleName():
        return control.accessibleName()
    return control.text() if isinstance(control, QAbstractButton) else ""


def test_every_control_has_an_accessible_name_and_the_question_as_description(qtbot, form, us_rules) -> None:
    for question in form.questions():
        block = make_block(question, us_rules.catalog, ENGLISH)
        qtbot.addWidget(block)
        if isinstance(block.input, RowsInput):
            block.input.add_button.click()
        controls = [
            control
            for control in block.findChildren(QWidget)
            if control.focusPolicy() & Qt.FocusPolicy.TabFocus and not _inside_combo(control)
        ]
        assert controls, question.id
        for control in controls:
            assert _spoken_name(control), f"{question.id}: {type(control).__name__} has no accessible name"
        if question.help:
            assert question.help in block.input.accessibleDescription()


def _inside_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def test_every_input_shows_a_stored_answer_as_its_own_without_an_edit(qtbot, form, us_rules) -> None:
    """What staff continuing a visit rely on: each input holds the stored answer again, and
    says nothing changed (no edit, no save)."""
    stored = {
        "given_name": "Zoë", "date_of_birth": date(1982, 1, 15), "sex_at_birth": "female", "rf_thunderclap": "unsure",
        "headache_days": 22, "duration_months": 30, "acute_medicines": [], "prior_botox": "no",
        "preventives": [{"medicine": "topiramate", "weeks": 12, "outcome": "ineffective", "started": "2024-03"}],
    }
    signalled: list[str] = []
    for question_id, value in stored.items():
        block = make_block(form.question(question_id), us_rules.catalog, ENGLISH)
        qtbot.addWidget(block)
        block.input.edited.connect(partial(signalled.append, f"{question_id} edited"))
        block.input.committed.connect(partial(signalled.append, f"{question_id} committed"))
        block.show_answer(value)
        assert block.value() == value, question_id
        assert block.input.input_problems(question_id) == {}, question_id
    assert signalled == []


def test_a_stored_month_and_a_number_in_another_unit_come_back_in_the_kept_unit(qtbot, form) -> None:
    month = MonthInput(ENGLISH)
    qtbot.addWidget(month)
    month.show_answer("2024-03")
    assert (month.month.currentData(), month.year.text(), month.value()) == (3, "2024", "2024-03")
    number = make_input(form.question("duration_months"), None, ENGLISH)
    assert isinstance(number, NumberInput) and number.unit_toggle is not None
    qtbot.addWidget(number)
    number.unit_toggle.buttons[1].click()  # the patient had switched to years
    number.show_answer(30)
    assert number.unit_toggle.buttons[0].isChecked() and number.line.text() == "30" and number.value() == 30

"""The date of birth by touch: "Choose the date" opens the picker in place and fills the boxes."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from patient_driver import tap, type_into
from PySide6.QtCore import QLocale

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.theme import apply_theme
from intake.ui.widgets.date_input import DateInput


@pytest.fixture(autouse=True)
def uk_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def _shown(qtbot, qapp) -> DateInput:
    apply_theme(qapp)
    widget = DateInput(ENGLISH)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _tap_choice(widget: DateInput, text: str) -> None:
    tap(next(button for button in widget.picker.choices if button.text() == text))


def test_four_taps_fill_day_month_and_year(qtbot, qapp) -> None:
    widget = _shown(qtbot, qapp)
    edits: list[bool] = []
    widget.edited.connect(partial(edits.append, True))
    assert not widget.picker.isVisible()
    tap(widget.choose_button)
    assert widget.picker.isVisible() and widget.picker.window() is widget, "opens in place, not in a window"
    for text in ("1950–1959", "1958", "November", "30"):
        _tap_choice(widget, text)
    assert (widget.day.text(), widget.month.currentText(), widget.year.text()) == ("30", "November", "1958")
    assert widget.value() == date(1958, 11, 30)
    assert edits == [True]
    assert not widget.picker.isVisible()


def test_a_second_tap_closes_the_picker_and_typing_still_works(qtbot, qapp) -> None:
    widget = _shown(qtbot, qapp)
    tap(widget.choose_button)
    _tap_choice(widget, "1980–1989")
    tap(widget.choose_button)
    assert not widget.picker.isVisible()
    tap(widget.choose_button)
    assert widget.picker.choices[0].text().startswith("20"), "reopens at the decades"
    type_into(widget.day, "4")
    type_into(widget.year, "1981")
    assert widget.input_problem() == "Please fill in the day, month and year."


def test_clearing_closes_the_picker_and_empties_the_boxes(qtbot, qapp) -> None:
    widget = _shown(qtbot, qapp)
    tap(widget.choose_button)
    for text in ("1950–1959", "1958", "November", "30"):
        _tap_choice(widget, text)
    tap(widget.choose_button)
    widget.clear()
    assert not widget.picker.isVisible() and widget.value() is None and widget.day.text() == ""

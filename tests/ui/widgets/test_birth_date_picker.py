"""The touch birth-date picker: four taps to a date, Back up a step, the visit's language."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from patient_driver import tap
from PySide6.QtWidgets import QApplication, QPushButton

from intake.questionnaire.patient_wording import ENGLISH, PatientWording, wording_for
from intake.ui.theme import apply_theme
from intake.ui.widgets.birth_date_picker import BirthDatePicker

TODAY = date(2026, 3, 14)


def _picker(qtbot, words: PatientWording = ENGLISH) -> tuple[BirthDatePicker, list[date]]:
    picker = BirthDatePicker(words, today=TODAY)
    qtbot.addWidget(picker)
    picker.resize(760, 600)
    picker.show()
    qtbot.waitExposed(picker)
    chosen: list[date] = []
    picker.picked.connect(partial(_append, chosen))
    return picker, chosen


def _append(chosen: list[date], value: date) -> None:
    chosen.append(value)


def _texts(picker: BirthDatePicker) -> list[str]:
    return [button.text() for button in picker.choices if button.isVisible()]


def _choice(picker: BirthDatePicker, text: str) -> QPushButton:
    return next(button for button in picker.choices if button.text() == text)


def test_four_taps_give_a_birth_date(qtbot) -> None:
    picker, chosen = _picker(qtbot)
    assert _texts(picker)[0] == "2020–2026" and _texts(picker)[-1] == "1900–1909"
    assert not picker.back_button.isVisible()
    tap(_choice(picker, "1970–1979"))
    assert _texts(picker) == [str(year) for year in range(1970, 1980)]
    tap(_choice(picker, "1975"))
    assert len(_texts(picker)) == 12
    tap(_choice(picker, "February"))
    assert _texts(picker)[-1] == "28"
    tap(_choice(picker, "28"))
    assert chosen == [date(1975, 2, 28)]
    assert _texts(picker)[0] == "2020–2026", "ready for the next date"


def test_nothing_after_today_can_be_chosen(qtbot) -> None:
    picker, _chosen = _picker(qtbot)
    tap(_choice(picker, "2020–2026"))
    assert _texts(picker)[-1] == "2026"
    tap(_choice(picker, "2026"))
    assert _texts(picker) == ["January", "February", "March"]
    tap(_choice(picker, "March"))
    assert _texts(picker)[-1] == "14"


def test_back_goes_up_one_step_at_a_time(qtbot) -> None:
    picker, chosen = _picker(qtbot)
    tap(_choice(picker, "1980–1989"))
    tap(_choice(picker, "1984"))
    tap(_choice(picker, "June"))
    assert "June 1984" in picker.trail.text()
    tap(picker.back_button)
    assert "June" in _texts(picker) and picker.trail.text() == "1984"
    tap(picker.back_button)
    assert _texts(picker)[0] == "1980"
    tap(picker.back_button)
    assert _texts(picker)[0] == "2020–2026" and not picker.back_button.isVisible()
    tap(_choice(picker, "1960–1969"))
    tap(_choice(picker, "1961"))
    tap(_choice(picker, "December"))
    tap(_choice(picker, "31"))
    assert chosen == [date(1961, 12, 31)]


def test_month_names_are_in_the_visits_language(qtbot) -> None:
    picker, chosen = _picker(qtbot, wording_for("es"))
    tap(_choice(picker, "1990–1999"))
    tap(_choice(picker, "1990"))
    assert _texts(picker)[:3] == ["enero", "febrero", "marzo"]
    tap(_choice(picker, "marzo"))
    tap(_choice(picker, "7"))
    assert chosen == [date(1990, 3, 7)]


@pytest.mark.parametrize("large_text", [False, True])
def test_every_choice_is_a_finger_sized_button_that_fits_a_portrait_tablet(qtbot, qapp, large_text) -> None:
    """640 px: what a question block leaves of 800 px; every step must fit without scrolling sideways."""
    apply_theme(qapp, large_text=large_text)
    picker, _chosen = _picker(qtbot)
    picker.setFixedWidth(640)
    for text in ("1990–1999", "1999", "September", None):
        QApplication.processEvents()
        for button in picker.choices:
            assert button.height() >= 48 and button.width() >= 48
            assert button.geometry().right() <= picker.width()
            assert button.sizeHint().width() <= button.width(), f"{button.text()} is cut"
        if text is not None:
            tap(_choice(picker, text))
    apply_theme(qapp)

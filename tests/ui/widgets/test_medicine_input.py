"""A medicine name by touch: chips, ranked suggestions under the box, any name accepted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from patient_driver import tap, type_into
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from intake.questionnaire.form import Form
from intake.questionnaire.patient_wording import ENGLISH, PatientWording, wording_for
from intake.ui.theme import apply_theme
from intake.ui.widgets.factory import make_input
from intake.ui.widgets.medicine_input import SUGGESTION_ROWS, MedicineInput


@dataclass
class Screen:
    """A window holding the medicine box and another box the patient can move to."""

    window: QWidget
    widget: MedicineInput
    other: QLineEdit


@pytest.fixture
def show_medicine(qtbot, form: Form, us_rules) -> Callable[..., Screen]:
    """Shows the medicine box of a group's row in a window beside another box to move to."""

    def show(group: str, width: int = 800, words: PatientWording = ENGLISH) -> Screen:
        apply_theme(QApplication.instance())
        widget = make_input(form.question(group).field("medicine"), us_rules.catalog, words)
        assert isinstance(widget, MedicineInput)
        window = QWidget()
        other = QLineEdit()
        layout = QVBoxLayout(window)
        layout.addWidget(widget)
        layout.addWidget(other)
        qtbot.addWidget(window)
        window.resize(width, 900)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return Screen(window, widget, other)

    return show


def shown_rows(widget: MedicineInput) -> list[str]:
    if not widget.suggestion_list.isVisible():
        return []
    return [row.words.text() for row in widget.suggestion_rows if row.isVisible()]


def test_a_chip_fills_the_catalog_name(qtbot, show_medicine) -> None:
    screen = show_medicine("acute_medicines")
    widget = screen.widget
    chips = {chip.text(): chip for chip in widget.chips}
    assert list(chips)[:3] == ["Ibuprofen", "Paracetamol", "Sumatriptan"]
    with qtbot.waitSignal(widget.edited, timeout=1000):
        tap(chips["Ibuprofen"])
    assert widget.value() == "ibuprofen"
    assert widget.line.text() == "ibuprofen"


def test_a_spanish_visit_offers_and_keeps_the_spanish_spelling(qtbot, show_medicine, us_rules) -> None:
    screen = show_medicine("acute_medicines", words=wording_for("es"))
    widget = screen.widget
    chips = {chip.text(): chip for chip in widget.chips}
    assert list(chips)[:3] == ["Ibuprofeno", "Paracetamol", "Sumatriptán"]
    with qtbot.waitSignal(widget.edited, timeout=1000):
        tap(chips["Ibuprofeno"])
    assert widget.value() == "ibuprofeno"
    type_into(widget.line, "napro")
    assert shown_rows(widget)[0] == "Naproxeno"
    tap(widget.suggestion_rows[0])
    assert widget.value() == "naproxeno"
    assert us_rules.catalog.lookup("naproxeno").generic == "naproxen"


def test_chips_wrap_within_a_portrait_screen(qtbot, show_medicine) -> None:
    screen = show_medicine("preventives", width=500)
    widget = screen.widget
    qtbot.wait(50)
    assert widget.width() <= 500
    rights = [chip.mapTo(widget, chip.rect().topRight()).x() for chip in widget.chips]
    assert max(rights) < widget.width()
    tops = {chip.mapTo(widget, chip.rect().topLeft()).y() for chip in widget.chips}
    assert len(tops) > 1


def test_typing_shows_ranked_rows_under_the_box_and_keeps_focus(qtbot, show_medicine) -> None:
    screen = show_medicine("preventives")
    widget = screen.widget
    type_into(widget.line, "top")
    assert shown_rows(widget) == ["Topiramate", "Toprol-XL (metoprolol)", "Nimotop (nimodipine)"]
    assert not widget.suggestion_list.isWindow()
    assert widget.suggestion_list.geometry().top() > widget.line.geometry().bottom()
    assert QApplication.focusWidget() is widget.line
    assert widget.value() == "top"


def test_tapping_a_row_stores_the_name_the_patient_picked(qtbot, show_medicine) -> None:
    screen = show_medicine("preventives")
    widget = screen.widget
    type_into(widget.line, "topa")
    assert shown_rows(widget)[0] == "Topamax (topiramate)"
    with qtbot.waitSignal(widget.edited, timeout=1000):
        tap(widget.suggestion_rows[0])
    assert widget.value() == "Topamax"
    assert not widget.suggestion_list.isVisible()
    assert QApplication.focusWidget() is widget.line


def test_rows_are_large_and_at_most_five(qtbot, show_medicine) -> None:
    screen = show_medicine("acute_medicines")
    widget = screen.widget
    type_into(widget.line, "a")
    qtbot.wait(20)
    rows = [row for row in widget.suggestion_rows if row.isVisible()]
    assert len(rows) == SUGGESTION_ROWS
    assert min(row.height() for row in (*rows, *widget.chips)) >= 48


def test_a_did_you_mean_row_never_fills_the_name_by_itself(qtbot, show_medicine) -> None:
    screen = show_medicine("acute_medicines")
    widget, other = screen.widget, screen.other
    type_into(widget.line, "sumatriptn")
    assert shown_rows(widget)[0] == "Did you mean Sumatriptan?"
    assert widget.value() == "sumatriptn"
    tap(other)
    assert not widget.suggestion_list.isVisible()
    assert widget.value() == "sumatriptn"


def test_a_did_you_mean_row_fills_the_name_when_tapped(qtbot, show_medicine) -> None:
    screen = show_medicine("acute_medicines")
    widget = screen.widget
    type_into(widget.line, "sumatriptn")
    tap(widget.suggestion_rows[0])
    assert widget.value() == "sumatriptan"


def test_any_name_is_accepted_and_suggestions_close_when_the_patient_moves_on(qtbot, show_medicine) -> None:
    screen = show_medicine("acute_medicines")
    widget, other = screen.widget, screen.other
    type_into(widget.line, "Grandma's headache powder")
    assert shown_rows(widget) == []
    assert widget.value() == "Grandma's headache powder"
    type_into(widget.line, "imi")
    assert shown_rows(widget) == ["Imitrex (sumatriptan)"]
    tap(other)
    assert shown_rows(widget) == []
    assert widget.value() == "imi"


def test_clear_empties_the_box_and_closes_the_rows(qtbot, show_medicine) -> None:
    screen = show_medicine("acute_medicines")
    widget = screen.widget
    type_into(widget.line, "ibu")
    with qtbot.assertNotEmitted(widget.edited):
        widget.clear()
    assert widget.value() is None
    assert shown_rows(widget) == []

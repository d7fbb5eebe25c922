"""A patient at the tablet: fills the wizard with clicks and typing, never model calls.

Shared by the pytest-qt tests and the subprocess test (`main.py --drive`), so both walk
the same path a person does: Start, each page in turn, Review, Finish.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QWidget

from intake.ui.app import MainWindow
from intake.ui.section_page import SectionPage
from intake.ui.widgets.date_input import DateInput
from intake.ui.widgets.month_input import MonthInput
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.option_cards import OptionCards
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowsInput
from intake.ui.widgets.text_input import TextInput
from intake.ui.wizard import PatientWizard


def tap(button: QWidget) -> None:
    """A finger on the button's label (radio cards only react on their text and circle)."""
    assert button.isVisible() and button.isEnabled(), f"cannot tap {button.objectName() or button}"
    point = QPoint(min(40, button.width() // 2), button.height() // 2)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QApplication.processEvents()


def type_into(line: QLineEdit, text: str) -> None:
    """Replace what the box holds, typing character by character (any alphabet)."""
    tap(line)
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    for character in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, line, Qt.Key.Key_unknown, character, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def choose_month(combo: QWidget, month: int) -> None:
    combo.setFocus()
    assert isinstance(combo, QComboBox)
    QTest.keyClicks(combo, combo.itemText(combo.findData(month)))
    QApplication.processEvents()


def fill(block: QuestionBlock, value: Any) -> None:
    """Answer one question the way its widget is used."""
    assert block.isVisible(), f"{block.question.id} is not on screen"
    widget = block.input
    if isinstance(widget, OptionCards):
        tap(widget.button_for(value))
    elif isinstance(widget, NumberInput):
        type_into(widget.line, f"{value:g}")
    elif isinstance(widget, TextInput):
        type_into(widget.line, value)
    elif isinstance(widget, DateInput):
        when = value if isinstance(value, date) else date.fromisoformat(value)
        type_into(widget.day, str(when.day))
        choose_month(widget.month, when.month)
        type_into(widget.year, str(when.year))
    elif isinstance(widget, MonthInput):
        year, month = value.split("-")
        choose_month(widget.month, int(month))
        type_into(widget.year, year)
    elif isinstance(widget, RowsInput):
        fill_rows(widget, value)
    else:
        raise AssertionError(f"no way to answer {type(widget).__name__}")
    assert widget.value() is not None, f"{block.question.id}: typed {value!r} but the screen holds nothing"


def fill_rows(widget: RowsInput, rows: list[dict[str, Any]]) -> None:
    if not rows:
        tap(widget.none_button)
        return
    for row in rows:
        tap(widget.add_button)
        card = widget.rows[-1]
        for field_id, field_value in row.items():
            fill(card.blocks[field_id], field_value)
    tap(widget.rows[-1].done)


class Patient:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def wizard(self) -> PatientWizard:
        assert self.window.wizard is not None, "no visit is in progress"
        return self.window.wizard

    def start(self) -> None:
        tap(self.window.welcome.start_button)

    def page(self) -> SectionPage:
        page = self.wizard.current_page()
        assert page is not None, "not on a question page"
        return page

    def answer(self, question_id: str, value: Any) -> None:
        fill(self.page().blocks[question_id], value)

    def advance_to(self, section_id: str, answers: dict[str, Any]) -> None:
        """Start, then answer each page with `answers` until the wizard shows `section_id`."""
        self.start()
        while self.page().section.id != section_id:
            self.answer_page(answers)
            self.next_page()

    def answer_page(self, answers: dict[str, Any]) -> None:
        """Answer, in screen order, what this page asks and the answers cover."""
        page = self.page()
        for question_id, block in page.blocks.items():
            if question_id in answers:
                fill(block, answers[question_id])

    def problems(self) -> dict[str, str]:
        page = self.page()
        return {
            block.question.id: block.problem
            for block in page.findChildren(QuestionBlock)
            if block.isVisible() and block.problem
        }

    def next(self) -> None:
        tap(self.wizard.next_button)

    def back(self) -> None:
        tap(self.wizard.back_button)

    def next_page(self) -> None:
        """Next, and if the wizard holds the visit for staff, staff let the patient go on."""
        before = self.wizard.stack.currentWidget()
        self.next()
        if self.wizard.on_hold:
            self.staff_continue()
        if self.wizard.stack.currentWidget() is before:
            raise AssertionError(f"{self.page().objectName()}: Next refused: {self.problems()}")

    def staff_continue(self) -> None:
        """What staff do at a hold: bring the questionnaire back and let the patient carry on."""
        if self.window.pages.currentWidget() is not self.wizard:
            self.window.pages.setCurrentWidget(self.wizard)
        self.wizard.continue_after_hold()

    def on_review(self) -> bool:
        return self.wizard.stack.currentWidget() is self.wizard.review

    def complete(self, answers: dict[str, Any]) -> None:
        """Start, answer every page, let staff continue if the visit is held, Finish."""
        self.reach_review(answers)
        self.finish()

    def reach_review(self, answers: dict[str, Any]) -> None:
        """Start and answer page after page until the review screen."""
        self.start()
        while not self.on_review():
            self.answer_page(answers)
            self.next_page()

    def finish(self) -> None:
        assert self.on_review(), "Finish is on the review screen"
        self.next()


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a person could read on screen now."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        text = getattr(widget, "text", None)
        if callable(text) and isinstance(value := text(), str) and value:
            texts.append(value)
        if isinstance(widget, QAbstractButton) and widget.accessibleName():
            texts.append(widget.accessibleName())
    return texts

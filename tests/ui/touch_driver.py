"""A patient at a touch tablet with no keyboard: taps, holds and wheel scrolls, never a key.

Shared by the end-to-end touch test and `benchmarks/touch_visit.py`. It answers each
question the cheapest way a person would by touch (a chip for a listed medicine, the
on-screen keys for a name, the keypad for a number, the picker for a birth date), scrolls
a control into view before touching it, and keeps the figures the benchmark prints:
taps, key events that reached the app (must stay 0), pixels scrolled, the tallest page in
screens, and the words of question text and option labels the patient had to read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QRadioButton, QScrollArea, QWidget

from intake.ui.app import MainWindow
from intake.ui.keyboard.keys import HOLD_MS
from intake.ui.keyboard.layouts import VARIANTS
from intake.ui.scrolling import ScrollColumn, nearest_scroll_area
from intake.ui.section_page import SectionPage
from intake.ui.widgets.date_input import DateInput
from intake.ui.widgets.medicine_input import MedicineInput
from intake.ui.widgets.month_input import MonthInput
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.option_cards import OptionCards
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowsInput
from intake.ui.widgets.text_input import TextInput
from intake.ui.wizard import PatientWizard

SECONDS_PER_TAP = 1.2
SECONDS_PER_SCREEN_SCROLLED = 0.4
SECONDS_PER_WORD = 0.3
READ_ROLES = frozenset({"question", "field"})
"""Label roles whose words a patient reads (help and intro texts are not counted)."""
WHEEL_NOTCH = 120


class KeyEventCounter(QObject):
    """Every key press that reaches any widget: a touch-only visit must cause none."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            self.count += 1
        return False

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


@dataclass
class Figures:
    taps: int = 0
    held_ms: int = 0
    scrolled_px: int = 0
    screens_scrolled: float = 0.0
    words: int = 0
    tallest_page: float = 0.0
    tallest_page_name: str = ""
    key_events: int = 0
    pages_read: list[str] = field(default_factory=list)

    @property
    def estimated_seconds(self) -> float:
        return (
            self.taps * SECONDS_PER_TAP
            + self.held_ms / 1000
            + self.screens_scrolled * SECONDS_PER_SCREEN_SCROLLED
            + self.words * SECONDS_PER_WORD
        )


def _words(text: str) -> int:
    return len(text.split())


class TouchPatient:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.figures = Figures()
        self._keys = KeyEventCounter()
        self._read: set[int] = set()

    @property
    def wizard(self) -> PatientWizard:
        assert self.window.wizard is not None, "no visit under way"
        return self.window.wizard

    def close(self) -> None:
        self.figures.key_events = self._keys.count
        self._keys.remove()

    # Fingers ---------------------------------------------------------------

    def _settle(self) -> None:
        QApplication.processEvents()
        QTest.qWait(5)

    def _screen_height(self, area: QScrollArea) -> int:
        """The page's visible height with the keyboard put away: what 'one screen' means."""
        keyboard = self.window.keyboard
        return area.viewport().height() + (keyboard.height() if keyboard.isVisible() else 0)

    def bring_into_view(self, widget: QWidget) -> None:
        """Scroll with the mouse wheel until the whole control (or its top part) shows."""
        area = nearest_scroll_area(widget)
        if area is None:
            return
        viewport = area.viewport()
        bar = area.verticalScrollBar()
        for _ in range(200):
            top = widget.mapTo(viewport, QPoint(0, 0)).y()
            bottom = top + min(widget.height(), viewport.height())
            if top >= 0 and bottom <= viewport.height():
                return
            down = bottom > viewport.height()
            before = bar.value()
            centre = QPointF(viewport.width() / 2, viewport.height() / 2)
            event = QWheelEvent(
                centre,
                QPointF(viewport.mapToGlobal(centre.toPoint())),
                QPoint(0, 0),
                QPoint(0, -WHEEL_NOTCH if down else WHEEL_NOTCH),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(viewport, event)
            self._settle()
            moved = abs(bar.value() - before)
            if moved == 0:
                return
            self.figures.scrolled_px += moved
            self.figures.screens_scrolled += moved / self._screen_height(area)
        raise AssertionError(f"could not scroll {widget.objectName() or widget} into view")

    def tap(self, widget: QWidget, point: QPoint | None = None) -> None:
        self.bring_into_view(widget)
        assert widget.isVisible() and widget.isEnabled(), f"cannot tap {widget.objectName() or widget}"
        where = point or QPoint(min(40, widget.width() // 2), widget.height() // 2)
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        self.figures.taps += 1
        self._settle()

    def _keys_named(self, name: str) -> list[QAbstractButton]:
        """Keys on the keyboard, or in the row of accents it opens over the window."""
        return [
            key
            for key in self.window.findChildren(QAbstractButton)
            if key.isVisible() and key.property("role") == "key" and key.accessibleName() == name
        ]

    def tap_key(self, name: str) -> None:
        keys = self._keys_named(name)
        assert len(keys) == 1, f"{len(keys)} keys named {name!r} on the on-screen keyboard"
        self.tap(keys[0], keys[0].rect().center())

    def long_press_key(self, base: str, variant: str) -> None:
        """Hold a letter until its accents show, then lift the finger on the one wanted."""
        (key,) = self._keys_named(base)
        QTest.mousePress(key, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, key.rect().center())
        QTest.qWait(HOLD_MS + 100)
        for _ in range(40):  # a loaded machine may take a while longer to open the row of accents
            if self._keys_named(variant):
                break
            QTest.qWait(50)
        (target,) = self._keys_named(variant)
        QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target.rect().center())
        self.figures.taps += 1
        self.figures.held_ms += HOLD_MS + 100
        self._settle()

    def hold(self, widget: QWidget, ms: int) -> None:
        self.bring_into_view(widget)
        centre = widget.rect().center()
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        QTest.qWait(ms)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        self.figures.taps += 1
        self.figures.held_ms += ms
        self._settle()

    # What the patient reads and how tall it is -----------------------------------

    def _measure(self) -> None:
        """A page's height as it rests: on arrival and when the patient is done with it."""
        page = self.wizard.stack.currentWidget() if self.window.wizard is not None else None
        if not isinstance(page, ScrollColumn) or not page.isVisible():
            return
        screens = page.widget().height() / self._screen_height(page)
        if screens > self.figures.tallest_page:
            self.figures.tallest_page = screens
            self.figures.tallest_page_name = page.objectName()

    def read_page(self) -> None:
        """Count the words of question texts and option labels now on screen, once per page shown."""
        page = self.wizard.stack.currentWidget()
        self._measure()
        if id(page) in self._read and isinstance(page, SectionPage):
            return
        self._read.add(id(page))
        self.figures.pages_read.append(page.objectName())
        for widget in page.findChildren(QWidget):
            if not widget.isVisible():
                continue
            if (isinstance(widget, QLabel) and widget.property("role") in READ_ROLES) or isinstance(widget, QRadioButton):
                self.figures.words += _words(widget.text())

    # Answering ----------------------------------------------------------------

    def type_text(self, line: QLineEdit, text: str) -> None:
        """Tap the box, then the keys."""
        self.tap(line)
        self.type_keys(text)
        assert line.text() == text, f"typed {text!r}, the box holds {line.text()!r}"

    def type_keys(self, text: str) -> None:
        """The keys for `text` into the field with focus: Shift for a capital the keyboard did not already offer."""
        panel = self.window.keyboard.panel
        for character in text:
            if character == " ":
                self.tap_key(self.window.words.KEY_SPACE_NAME)
                continue
            if character.isalpha() and panel.shifted != (character != character.lower()):
                self.tap_key(self.window.words.KEY_SHIFT_NAME)
            if self._keys_named(character):
                self.tap_key(character)
                continue
            base = next(letter for letter, variants in VARIANTS.items() if character.lower() in variants)
            self.long_press_key(base.upper() if panel.shifted else base, character)

    def type_number(self, line: QLineEdit, number: float) -> None:
        self.tap(line)
        for character in f"{number:g}":
            self.tap_key(character)

    def answer_number(self, block: QuestionBlock, value: float) -> None:
        """The keypad, or a longer unit when it saves a tap ("1 year" for 12 months)."""
        widget = block.input
        assert isinstance(widget, NumberInput)
        if widget.unit_toggle is not None:
            for unit, button in zip(block.question.other_units, widget.unit_toggle.buttons[1:], strict=True):
                shown = value / unit.size
                if shown.is_integer() and len(f"{shown:g}") + 1 < len(f"{value:g}"):
                    self.tap(button)
                    self.type_number(widget.line, shown)
                    return
        self.type_number(widget.line, value)

    def answer_date(self, widget: DateInput, when: date) -> None:
        self.tap(widget.choose_button)
        picker = widget.picker
        for wanted in (when.year - when.year % 10, when.year, when.month, when.day):
            choice = next(button for button in picker.choices if button.property("choice") == wanted)
            self.tap(choice)

    def fill(self, block: QuestionBlock, value: Any) -> None:
        widget = block.input
        if isinstance(widget, OptionCards):
            self.tap(widget.button_for(value))
        elif isinstance(widget, NumberInput):
            self.answer_number(block, value)
        elif isinstance(widget, DateInput):
            self.answer_date(widget, date.fromisoformat(value) if isinstance(value, str) else value)
        elif isinstance(widget, MonthInput):
            raise AssertionError("month answers are not in the touch vignettes")
        elif isinstance(widget, RowsInput):
            self.fill_rows(widget, value)
        else:
            assert isinstance(widget, TextInput), f"no way to answer {type(widget).__name__}"
            self.answer_medicine_or_text(widget, value)
        assert widget.value() is not None, f"{block.question.id}: tapped {value!r} but the screen holds nothing"

    def answer_medicine_or_text(self, widget: TextInput, value: str) -> None:
        """A medicine's chip when it has one, else the keys."""
        if isinstance(widget, MedicineInput):
            chip = next((chip for chip, name in widget.chips.items() if name == value), None)
            if chip is not None:
                self.tap(chip)
                return
        self.type_text(widget.line, value)

    def fill_rows(self, widget: RowsInput, rows: list[dict[str, Any]]) -> None:
        if not rows:
            self.tap(widget.none_button)
            return
        for values in rows:
            self.tap(widget.add_button)
            row = widget.rows[-1]
            for field_id, value in values.items():
                self.fill(row.blocks[field_id], value)
        self.tap(widget.rows[-1].done)

    # Pages ---------------------------------------------------------------------

    def start(self) -> None:
        self.tap(self.window.welcome.start_button)
        self.read_page()

    def answer_page(self, answers: dict[str, Any]) -> None:
        page = self.wizard.current_page()
        assert page is not None, "not on a question page"
        for question_id, block in page.blocks.items():
            if question_id in answers and block.isVisible():
                self.fill(block, answers[question_id])

    def next(self) -> None:
        self._measure()
        self.tap(self.wizard.next_button)
        if self.window.pages.currentWidget() is self.wizard:
            self.read_page()

    def visit(self, answers: dict[str, Any]) -> str:
        """Start and answer every page; returns where the visit ended: 'finished' or 'hold'."""
        self.start()
        while True:
            if self.window.pages.currentWidget() is self.window.hold_screen:
                return "hold"
            if self.window.pages.currentWidget() is not self.wizard:
                return "finished"
            if self.wizard.current_page() is None:
                self.next()
                continue
            before = self.wizard.stack.currentWidget()
            self.answer_page(answers)
            self.next()
            if self.window.pages.currentWidget() is self.wizard and self.wizard.stack.currentWidget() is before:
                page = self.wizard.current_page()
                problems = {key: block.problem for key, block in (page.blocks.items() if page else []) if block.problem}
                raise AssertionError(f"Next refused on {before.objectName()}: {problems}")

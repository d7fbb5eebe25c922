"""A full date (date of birth): day, month and year in the visit locale's order.

Typed boxes for keyboard users, and a button that opens the touch picker (decade,
year, month, day) right below them: on a tablet a birth date is four taps.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.scrolling import nearest_scroll_area
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.birth_date_picker import BirthDatePicker
from intake.ui.widgets.date_parts import (
    EARLIEST_YEAR,
    captioned,
    digits_box,
    locale_order,
    month_box,
    month_name,
    number_in,
    this_year,
)
from intake.ui.widgets.styling import touch_button


class DateInput(AnswerInput):
    def __init__(self, words: PatientWording) -> None:
        super().__init__()
        self._words = words
        self._locale = visit_locale(words)
        self.day = digits_box("day", 2, words.DAY_PLACEHOLDER)
        self.month = month_box(words, self._locale)
        self.year = digits_box("year", 4, words.YEAR_PLACEHOLDER)
        parts = {
            "d": captioned(words.DAY_CAPTION, self.day),
            "m": captioned(words.MONTH_CAPTION, self.month),
            "y": captioned(words.YEAR_CAPTION, self.year),
        }
        boxes = QHBoxLayout()
        boxes.setSpacing(16)
        order = locale_order(self._locale)
        for part in order:
            boxes.addWidget(parts[part])
        boxes.addStretch(1)
        self.choose_button = touch_button(words.CHOOSE_THE_DATE, "secondary", words.CHOOSE_THE_DATE_NAME)
        self.choose_button.setObjectName("choose-date")
        self.choose_button.clicked.connect(self._on_choose)
        self.picker = BirthDatePicker(words)
        self.picker.hide()
        self.picker.picked.connect(self._on_picked)
        self.picker.stepped.connect(self._on_stepped)
        choose = QHBoxLayout()
        choose.addWidget(self.choose_button)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(boxes)
        layout.addLayout(choose)
        layout.addWidget(self.picker)
        self._first = {"d": self.day, "m": self.month, "y": self.year}[order[0]]
        self.day.textEdited.connect(self._on_edited)
        self.year.textEdited.connect(self._on_edited)
        self.day.editingFinished.connect(self.committed)
        self.year.editingFinished.connect(self.committed)
        self.month.activated.connect(self._on_month_chosen)

    def _on_edited(self, _text: str) -> None:
        self.edited.emit()

    def _on_month_chosen(self, _index: int) -> None:
        self._answered()

    def _on_choose(self) -> None:
        """Open the picker at its first step; a second tap closes it again."""
        self._show_picker(self.picker.isHidden())

    def _show_picker(self, opened: bool) -> None:
        self.picker.reset()
        self.picker.setVisible(opened)
        self._on_stepped()

    def _on_stepped(self) -> None:
        """After the layout has placed the new grid, so its full height is known."""
        if self.picker.isVisible():
            QTimer.singleShot(0, self._reveal_picker)

    def _reveal_picker(self) -> None:
        """Scroll the page so the whole picker shows, not just its first row."""
        parent = nearest_scroll_area(self)
        if parent is not None and self.picker.isVisible():
            parent.ensureWidgetVisible(self.picker, 0, 24)

    def _on_picked(self, chosen: date) -> None:
        """Fill the boxes; a keyboard user (focus in the picker) lands back on the button."""
        focused = QApplication.focusWidget()
        keyboard = focused is not None and self.picker.isAncestorOf(focused)
        self.day.setText(str(chosen.day))
        self.month.setCurrentIndex(self.month.findData(chosen.month))
        self.year.setText(str(chosen.year))
        self._show_picker(False)
        if keyboard:
            self.choose_button.setFocus()
        self._answered()

    def _parts(self) -> tuple[int | None, int | None, int | None]:
        return number_in(self.day), self.month.currentData(), number_in(self.year)

    def value(self) -> Any:
        if self.input_problem() is not None:
            return None
        day, month, year = self._parts()
        if day is None or month is None or year is None:
            return None
        return date(year, month, day)

    def input_problem(self) -> str | None:
        day, month, year = self._parts()
        given = [part for part in (day, month, year) if part is not None]
        if not given:
            return None
        if day is None or month is None or year is None:
            return self._words.incomplete_date()
        if not EARLIEST_YEAR <= year <= this_year():
            return self._words.bad_year(EARLIEST_YEAR, this_year())
        try:
            date(year, month, day)
        except ValueError:
            return self._words.impossible_date(day, month_name(month, self._locale), year)
        return None

    def clear(self) -> None:
        self.day.clear()
        self.year.clear()
        self.month.setCurrentIndex(0)
        self._show_picker(False)

    def focus_input(self) -> None:
        self._first.setFocus()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        for box, spoken in zip((self.day, self.month, self.year), self._words.box_names(name), strict=True):
            box.setAccessibleName(spoken)
            box.setAccessibleDescription(description)

    def show_answer(self, value: Any) -> None:
        self.day.setText(str(value.day))
        self.month.setCurrentIndex(self.month.findData(value.month))
        self.year.setText(str(value.year))

"""A birth date by touch: decade, then year, then month, then day; four taps.

Typing a year on a tablet without a keyboard is slow and error-prone; a grid of large
buttons at each step is not. Month names and digits follow the visit's locale, and a
Back button goes up one step when a finger slipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intake.app.birth_date_steps import EARLIEST_YEAR, days_in, decade_end, decades, months_in, years_in
from intake.questionnaire.patient_wording import PatientWording, decade_label
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.styling import discard, label, touch_button


class Step(Enum):
    DECADE = "decade"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


COLUMNS = {Step.DECADE: 3, Step.YEAR: 5, Step.MONTH: 3, Step.DAY: 7}
"""Columns per step, so every grid fits 800 px wide with large text."""


class BirthDatePicker(QWidget):
    picked = Signal(object)
    """The chosen `date`, after the day is tapped."""
    stepped = Signal()
    """A new grid is showing (it may be taller: a scrolling page can bring it into view)."""

    def __init__(self, words: PatientWording, today: date | None = None, earliest: int = EARLIEST_YEAR) -> None:
        super().__init__()
        self.setObjectName("birth-date-picker")
        self._words = words
        self._locale = self._digits_locale(words)
        self._fixed_today = today
        self._earliest = earliest
        self._decade = self._year = self._month = 0
        self.step = Step.DECADE
        self._chosen: Callable[[int], None] = self._on_decade
        self.choices: list[QPushButton] = []
        self.back_button = self._button(words.PICKER_BACK, "quiet", words.PICKER_BACK_NAME)
        self.back_button.clicked.connect(self.go_up)
        self.prompt = label("", "picker-prompt")
        self.trail = label("", "caption", wrap=False)
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.prompt)
        heading.addWidget(self.trail)
        header = QHBoxLayout()
        header.setSpacing(16)
        header.addWidget(self.back_button)
        header.addLayout(heading, 1)
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(self._grid)
        self.reset()

    @staticmethod
    def _digits_locale(words: PatientWording) -> QLocale:
        """The visit's locale, writing years without a thousands separator (1990, not 1,990)."""
        locale = visit_locale(words)
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        return locale

    def use_wording(self, words: PatientWording) -> None:
        """The patient switched language: the same step, in the new words and month names."""
        self._words = words
        self._locale = self._digits_locale(words)
        self.back_button.setText(words.PICKER_BACK)
        self.back_button.setAccessibleName(words.PICKER_BACK_NAME)
        {
            Step.DECADE: self._show_decades,
            Step.YEAR: self._show_years,
            Step.MONTH: self._show_months,
            Step.DAY: self._show_days,
        }[self.step]()

    def _prompt(self, step: Step) -> str:
        words = self._words
        prompts = {
            Step.DECADE: words.PICK_DECADE,
            Step.YEAR: words.PICK_YEAR,
            Step.MONTH: words.PICK_MONTH,
            Step.DAY: words.PICK_DAY,
        }
        return prompts[step]

    @staticmethod
    def _button(text: str, role: str, accessible_name: str = "") -> QPushButton:
        """Focus by Tab only: a tap leaves no focus ring that could read as a suggested answer."""
        button = touch_button(text, role, accessible_name)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _today(self) -> date:
        return self._fixed_today or date.today()

    def _number(self, value: int) -> str:
        return self._locale.toString(value)

    def month_name(self, month: int) -> str:
        return self._locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)

    def reset(self) -> None:
        """Back to the first step, nothing chosen."""
        self._show_decades()

    def go_up(self) -> None:
        """One step back: the day grid returns to the months, and so on."""
        if self.step is Step.DAY:
            self._show_months()
        elif self.step is Step.MONTH:
            self._show_years()
        else:
            self._show_decades()

    def _show_decades(self) -> None:
        options = [(self._decade_text(start), start) for start in decades(self._today(), self._earliest)]
        self._show(Step.DECADE, [], options, self._on_decade)

    def _show_years(self) -> None:
        options = [(self._number(year), year) for year in years_in(self._decade, self._today(), self._earliest)]
        self._show(Step.YEAR, [self._decade_text(self._decade)], options, self._on_year)

    def _show_months(self) -> None:
        options = [(self.month_name(month), month) for month in months_in(self._year, self._today())]
        self._show(Step.MONTH, [self._number(self._year)], options, self._on_month)

    def _show_days(self) -> None:
        options = [(self._number(day), day) for day in days_in(self._year, self._month, self._today())]
        self._show(Step.DAY, [self.month_name(self._month), self._number(self._year)], options, self._on_day)

    def _decade_text(self, start: int) -> str:
        return decade_label(self._number(max(start, self._earliest)), self._number(decade_end(start, self._today())))

    def _show(self, step: Step, trail: list[str], options: list[tuple[str, int]], chosen: Callable[[int], None]) -> None:
        """One step's grid; a keyboard user's focus moves on to its first button."""
        had_focus = any(button.hasFocus() for button in self.choices)
        for button in self.choices:
            self._grid.removeWidget(button)
            discard(button)
        self.step = step
        self._chosen = chosen
        self.prompt.setText(self._prompt(step))
        self.trail.setText(" ".join(trail))
        self.trail.setVisible(bool(trail))
        self.back_button.setVisible(step is not Step.DECADE)
        columns = COLUMNS[step]
        self.choices = []
        for index, (text, value) in enumerate(options):
            button = self._button(text, "pick")
            button.setProperty("choice", value)
            button.clicked.connect(self._on_choice)
            self._grid.addWidget(button, index // columns, index % columns)
            button.show()
            self.choices.append(button)
        if had_focus and self.choices:
            self.choices[0].setFocus()
        self.stepped.emit()

    def _on_choice(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self._chosen(int(button.property("choice")))

    def _on_decade(self, decade: int) -> None:
        self._decade = decade
        self._show_years()

    def _on_year(self, year: int) -> None:
        self._year = year
        self._show_months()

    def _on_month(self, month: int) -> None:
        self._month = month
        self._show_days()

    def _on_day(self, day: int) -> None:
        chosen = date(self._year, self._month, day)
        self.reset()
        self.picked.emit(chosen)

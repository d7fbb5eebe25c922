"""A full date (date of birth): day, month and year in the clinic's locale order."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from intake.app.patient_wording import bad_year, impossible_date, incomplete_date
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.date_parts import (
    EARLIEST_YEAR, captioned, digits_box, locale_order, month_box, month_name, number_in, this_year,
)


class DateInput(AnswerInput):
    def __init__(self) -> None:
        super().__init__()
        self.day = digits_box("day", 2, "DD")
        self.month = month_box()
        self.year = digits_box("year", 4, "YYYY")
        parts = {"d": captioned("Day", self.day), "m": captioned("Month", self.month), "y": captioned("Year", self.year)}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        order = locale_order()
        for part in order:
            layout.addWidget(parts[part])
        layout.addStretch(1)
        self._first = {"d": self.day, "m": self.month, "y": self.year}[order[0]]
        self.day.textEdited.connect(self._on_edited)
        self.year.textEdited.connect(self._on_edited)
        self.month.activated.connect(self._on_edited)

    def _on_edited(self, *_args: object) -> None:
        self.edited.emit()

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
            return incomplete_date()
        if not EARLIEST_YEAR <= year <= this_year():
            return bad_year(EARLIEST_YEAR, this_year())
        try:
            date(year, month, day)
        except ValueError:
            return impossible_date(day, month_name(month), year)
        return None

    def clear(self) -> None:
        self.day.clear()
        self.year.clear()
        self.month.setCurrentIndex(0)

    def focus_input(self) -> None:
        self._first.setFocus()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        for box, part in ((self.day, "day"), (self.month, "month"), (self.year, "year")):
            box.setAccessibleName(f"{name}: {part}")
            box.setAccessibleDescription(description)

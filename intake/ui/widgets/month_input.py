"""A month and year ("started in March 2024"): precise days are rarely remembered."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.date_parts import EARLIEST_YEAR, captioned, digits_box, month_box, number_in, this_year


class MonthInput(AnswerInput):
    def __init__(self, words: PatientWording) -> None:
        super().__init__()
        self._words = words
        self.month = month_box(words, visit_locale(words))
        self.year = digits_box("year", 4, words.YEAR_PLACEHOLDER)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(captioned(words.MONTH_CAPTION, self.month))
        layout.addWidget(captioned(words.YEAR_CAPTION, self.year))
        layout.addStretch(1)
        self.year.textEdited.connect(self._on_edited)
        self.year.editingFinished.connect(self.committed)
        self.month.activated.connect(self._on_month_chosen)

    def _on_edited(self, _text: str) -> None:
        self.edited.emit()

    def _on_month_chosen(self, _index: int) -> None:
        self._answered()

    def value(self) -> Any:
        month, year = self.month.currentData(), number_in(self.year)
        if month is None or year is None or self.input_problem() is not None:
            return None
        return f"{year:04d}-{month:02d}"

    def input_problem(self) -> str | None:
        month, year = self.month.currentData(), number_in(self.year)
        if month is None and year is None:
            return None
        if month is None or year is None:
            return self._words.incomplete_month()
        if not EARLIEST_YEAR <= year <= this_year():
            return self._words.bad_year(EARLIEST_YEAR, this_year())
        return None

    def clear(self) -> None:
        self.year.clear()
        self.month.setCurrentIndex(0)

    def focus_input(self) -> None:
        self.month.setFocus()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        _day, month, year = self._words.box_names(name)
        self.month.setAccessibleName(month)
        self.year.setAccessibleName(year)
        for box in (self.month, self.year):
            box.setAccessibleDescription(description)

    def show_answer(self, value: Any) -> None:
        """`YYYY-MM`, as the answer is kept."""
        year, month = str(value).split("-")
        self.month.setCurrentIndex(max(self.month.findData(int(month)), 0))
        self.year.setText(year)

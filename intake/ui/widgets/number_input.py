"""Whole numbers and numbers: a big box to type in, with large − and + either side."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from intake.app.patient_wording import out_of_range, range_hint
from intake.questionnaire.form import Question, QuestionType
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.styling import label, touch_button


class NumberInput(AnswerInput):
    def __init__(self, question: Question) -> None:
        super().__init__()
        self._question = question
        self._whole = question.type is QuestionType.INTEGER
        self._low = question.min if question.min is not None else 0.0
        self._high = question.max if question.max is not None else 0.0
        self.line = QLineEdit()
        self.line.setObjectName("number")
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line.setMaxLength(len(f"{self._high:g}") + (0 if self._whole else 3))
        pattern = r"\d*" if self._whole else r"\d*([.,]\d{0,2})?"
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        self.line.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly if self._whole else Qt.InputMethodHint.ImhFormattedNumbersOnly
        )
        self.line.textEdited.connect(self._on_text_edited)
        self.minus = touch_button("−", "step", "One less")
        self.plus = touch_button("+", "step", "One more")
        self.minus.clicked.connect(self._step_down)
        self.plus.clicked.connect(self._step_up)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.minus)
        layout.addWidget(self.line)
        layout.addWidget(self.plus)
        if question.unit:
            layout.addWidget(label(question.unit, "unit", wrap=False))
        layout.addStretch(1)

    def _on_text_edited(self, _text: str) -> None:
        self.edited.emit()

    def _typed(self) -> float | None:
        text = self.line.text().strip().replace(",", ".")
        if not text or text == ".":
            return None
        return float(text)

    def value(self) -> Any:
        typed = self._typed()
        if typed is None or not self._low <= typed <= self._high:
            return None
        if self._whole:
            return int(typed)
        return int(typed) if typed.is_integer() else typed

    def input_problem(self) -> str | None:
        typed = self._typed()
        if typed is not None and not self._low <= typed <= self._high:
            return out_of_range(self._question)
        return None

    def _set(self, number: float) -> None:
        number = min(max(number, self._low), self._high)
        self.line.setText(f"{number:g}")
        self.edited.emit()

    def _step_up(self) -> None:
        typed = self._typed()
        self._set(max(self._low, 1) if typed is None else typed + 1)

    def _step_down(self) -> None:
        typed = self._typed()
        self._set(self._low if typed is None else typed - 1)

    def clear(self) -> None:
        self.line.clear()

    def focus_input(self) -> None:
        self.line.setFocus()
        self.line.selectAll()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        self.line.setAccessibleName(name)
        self.line.setAccessibleDescription(f"{description} Enter {range_hint(self._question)}.".strip())
        self.minus.setAccessibleDescription(name)
        self.plus.setAccessibleDescription(name)


"""Free text: names, a dose. Medicine names add quick picks and suggestions on top."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from intake.questionnaire.form import Question
from intake.ui.widgets.answer_input import AnswerInput


class TextInput(AnswerInput):
    def __init__(self, question: Question) -> None:
        super().__init__()
        self.line = QLineEdit()
        self.line.setObjectName("text")
        if question.max_length:
            self.line.setMaxLength(question.max_length)
        self.line.textEdited.connect(self._on_edited)
        self.line.editingFinished.connect(self.committed)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.line)

    def _on_edited(self, _text: str) -> None:
        self.edited.emit()

    def value(self) -> Any:
        text = self.line.text().strip()
        return text or None

    def clear(self) -> None:
        self.line.clear()

    def focus_input(self) -> None:
        self.line.setFocus()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        self.line.setAccessibleName(name)
        self.line.setAccessibleDescription(description)

    def show_answer(self, value: Any) -> None:
        self.line.setText(str(value))

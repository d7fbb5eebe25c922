"""Free text, with suggestions from the medicine catalog for medicine names.

The completer steers patients to names the rules recognise, but any name is accepted:
an unknown medicine is shown to the clinician as "not in catalog", never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout

from intake.questionnaire.form import Question
from intake.ui.widgets.answer_input import AnswerInput


class TextInput(AnswerInput):
    def __init__(self, question: Question, suggestions: Sequence[str] = ()) -> None:
        super().__init__()
        self.line = QLineEdit()
        self.line.setObjectName("text")
        if question.max_length:
            self.line.setMaxLength(question.max_length)
        if suggestions:
            completer = QCompleter(list(suggestions), self.line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.popup().setObjectName("suggestions")
            completer.activated.connect(self._on_completed)
            self.line.setCompleter(completer)
        self.line.textEdited.connect(self._on_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)

    def _on_edited(self, _text: str) -> None:
        self.edited.emit()

    def _on_completed(self, _text: str) -> None:
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

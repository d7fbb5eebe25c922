"""One question on screen: its wording, help, input, and a place for what to fix."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout

from intake.questionnaire.form import Question
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.styling import label, set_state


class QuestionBlock(QFrame):
    """Shows a problem right under the input it is about, and tells screen readers too."""

    def __init__(self, question: Question, answer_input: AnswerInput, words: PatientWording, role: str = "question") -> None:
        super().__init__()
        self.question = question
        self.input = answer_input
        self.setObjectName(f"question-{question.id}")
        self.setProperty("role", f"{role}-block")
        self.text = label(question.text if question.required else words.optional_question(question.text), role)
        self.help = label(question.help, "help")
        self.error = label("", "error")
        self.error.setObjectName("problem")
        answer_input.describe(question.text, question.help)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        for widget in (self.text, self.help, answer_input, self.error):
            layout.addWidget(widget)
        # Only once parented: showing a parentless label opens a window of its own, which
        # flashes on the kiosk and takes the focus from the questionnaire.
        self.help.setVisible(bool(question.help))
        self.error.hide()
        set_state(self, "problem", False)

    def value(self) -> Any:
        return self.input.value()

    def clear(self) -> None:
        self.input.clear()
        self.show_problem(None)

    def show_answer(self, value: Any) -> None:
        self.input.show_answer(value)

    def show_problem(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        set_state(self, "problem", bool(message))
        self.input.describe(self.question.text, " ".join(part for part in (message, self.question.help) if part))

    @property
    def problem(self) -> str:
        return self.error.text()

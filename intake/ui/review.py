"""Every answer before Finish, each with an Edit button back to its question."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from intake.app.visit import Visit
from intake.questionnaire.display import answer_lines
from intake.questionnaire.form import Question
from intake.ui.scrolling import ScrollColumn
from intake.ui.widgets.date_parts import spoken_date
from intake.ui.widgets.styling import discard, label, touch_button

NOT_ANSWERED = "Not answered"


class ReviewScreen(ScrollColumn):
    edit_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("review")
        self.content.addWidget(label("Check your answers", "section-title"))
        self.content.addWidget(
            label("Tap Edit to change an answer. When everything is right, tap Finish.", "intro")
        )
        self._items: list[QWidget] = []
        self.edit_buttons: dict[str, QWidget] = {}
        self.finish()

    def show_answers(self, visit: Visit) -> None:
        """Rebuild from the visit each time, so it always shows what will be sent."""
        for item in self._items:
            discard(item)
        self._items = []
        self.edit_buttons = {}
        shown = visit.shown()
        position = 2
        for section in visit.sections():
            heading = label(section.title, "review-section")
            self._insert(position, heading)
            position += 1
            for question in section.questions:
                if question.id in shown:
                    self._insert(position, self._item(question, visit.answers.get(question.id)))
                    position += 1
        self.verticalScrollBar().setValue(0)

    def _insert(self, position: int, widget: QWidget) -> None:
        self.content.insertWidget(position, widget)
        self._items.append(widget)

    def _item(self, question: Question, value: Any) -> QFrame:
        item = QFrame()
        item.setProperty("role", "review-item")
        item.setObjectName(f"review-{question.id}")
        grid = QGridLayout(item)
        grid.setContentsMargins(16, 10, 16, 10)
        grid.setHorizontalSpacing(16)
        grid.addWidget(label(question.text, "review-question"), 0, 0)
        answer = label("\n".join(answer_lines(question, value, spoken_date) if value is not None else [NOT_ANSWERED]), "review-answer" if value is not None else "review-missing")
        answer.setObjectName("answer")
        grid.addWidget(answer, 1, 0)
        edit = touch_button("Edit", "link", f"Edit: {question.text}")
        edit.setObjectName(f"edit-{question.id}")
        edit.setProperty("question_id", question.id)
        edit.clicked.connect(self._on_edit)
        grid.addWidget(edit, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        self.edit_buttons[question.id] = edit
        return item

    def _on_edit(self) -> None:
        self.edit_requested.emit(self.sender().property("question_id"))

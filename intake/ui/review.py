"""Every answer before Finish, one card per section, each with one Edit for the section.

Short labels beside the answers keep the whole review to a few screens; Edit opens the
section's first screen, and Next walks its screens and comes back here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from intake.app import patient_wording as words
from intake.app.visit import Visit
from intake.questionnaire.display import answer_lines
from intake.questionnaire.form import Question, Section
from intake.ui.scrolling import ScrollColumn
from intake.ui.widgets.date_parts import spoken_date
from intake.ui.widgets.styling import discard, label, touch_button


class ReviewScreen(ScrollColumn):
    edit_requested = Signal(str)
    """The id of the section to edit."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("review")
        self.content.addWidget(label(words.CHECK_ANSWERS, "section-title"))
        self.content.addWidget(label(words.REVIEW_INTRO, "intro"))
        self.cards: dict[str, QFrame] = {}
        self.edit_buttons: dict[str, QWidget] = {}
        self.finish()

    def show_answers(self, visit: Visit) -> None:
        """Rebuild from the visit each time, so it always shows what will be sent."""
        for card in self.cards.values():
            discard(card)
        self.cards = {}
        self.edit_buttons = {}
        shown = visit.shown()
        for position, section in enumerate(visit.sections(), start=2):
            card = self._card(section, [question for question in section.questions if question.id in shown], visit)
            self.content.insertWidget(position, card)
            self.cards[section.id] = card
        self.verticalScrollBar().setValue(0)

    def _card(self, section: Section, questions: list[Question], visit: Visit) -> QFrame:
        card = QFrame()
        card.setProperty("role", "review-card")
        card.setObjectName(f"review-{section.id}")
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 8, 16, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.addWidget(label(section.title, "review-section"), 0, 0)
        edit = touch_button(words.EDIT, "link", words.edit_section(section.title))
        edit.setObjectName(f"edit-{section.id}")
        edit.setProperty("section_id", section.id)
        edit.clicked.connect(self._on_edit)
        grid.addWidget(edit, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.edit_buttons[section.id] = edit
        for row, question in enumerate(questions, start=1):
            grid.addWidget(label(question.label, "review-question"), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._answer(question, visit.answers.get(question.id)), row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return card

    def _answer(self, question: Question, value: Any) -> QWidget:
        if value is None:
            answer = label(words.NOT_ANSWERED, "review-missing")
        else:
            answer = label("\n".join(answer_lines(question, value, spoken_date)), "review-answer")
        answer.setObjectName(f"answer-{question.id}")
        return answer

    def _on_edit(self) -> None:
        self.edit_requested.emit(self.sender().property("section_id"))

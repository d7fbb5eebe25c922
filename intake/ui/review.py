"""Every answer before Finish, one card per section, each with one Edit for the section.

Short labels beside the answers keep the whole review to a few screens; a wide screen
shows the cards in two columns. Edit opens the section's first screen, and Next walks
its screens and comes back here.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from intake.app.visit import Visit
from intake.questionnaire.display import answer_lines
from intake.questionnaire.form import Question, Section
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.scrolling import ScrollColumn
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.date_parts import spoken_date
from intake.ui.widgets.styling import discard, label, touch_button

REVIEW_WIDTH = 1400
"""Two cards side by side, not so wide that an answer drifts far from its label."""
TWO_COLUMNS_FROM = 960
"""Viewport width (px) from which the cards sit side by side."""
CARD_CHROME_ROWS = 2
"""A card's title and margins, in answer rows, when balancing the two columns."""


class ReviewScreen(ScrollColumn):
    edit_requested = Signal(str)
    """The id of the section to edit."""

    def __init__(self, words: PatientWording) -> None:
        super().__init__(words.MORE_BELOW)
        self.setObjectName("review")
        self._words = words
        self.content.addWidget(label(words.CHECK_ANSWERS, "section-title"))
        self.content.addWidget(label(words.REVIEW_INTRO, "intro"))
        self.column.setMaximumWidth(REVIEW_WIDTH)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        self._column_widgets = (QWidget(), QWidget())
        self.columns = tuple(QVBoxLayout(widget) for widget in self._column_widgets)
        for widget, column in zip(self._column_widgets, self.columns, strict=True):
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(20)
            column.addStretch(1)
            columns.addWidget(widget, 1)
        self._column_widgets[1].hide()
        self.content.addLayout(columns)
        self.cards: dict[str, QFrame] = {}
        self.edit_buttons: dict[str, QWidget] = {}
        self._rows: dict[str, int] = {}
        self._contents: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
        """What each card lists: question ids and their answer lines."""
        self._two_columns = False
        self.finish()

    def show_answers(self, visit: Visit) -> None:
        """Always what will be sent; a section's card is made again only when what it lists changed,
        so the screen can be prepared while the patient is on the last page and shown in one paint."""
        shown = visit.shown()
        listed = {
            section.id: (section, [q for q in section.questions if q.id in shown and self._listed(q, visit)])
            for section in visit.sections()
        }
        contents = {
            section_id: tuple((q.id, tuple(self._lines(q, visit.answers.get(q.id)))) for q in questions)
            for section_id, (_section, questions) in listed.items()
        }
        cards = {}
        for section_id in list(self.cards):
            card = self.cards.pop(section_id)
            if self._contents.get(section_id) == contents.get(section_id):
                cards[section_id] = card
            else:
                discard(card)
                self.edit_buttons.pop(section_id)
                self._rows.pop(section_id)
        for section_id, (section, questions) in listed.items():
            self.cards[section_id] = cards.get(section_id) or self._card(section, questions, visit)
        self.edit_buttons = {section_id: self.edit_buttons[section_id] for section_id in self.cards}
        self._contents = contents
        self._place_cards()
        self.verticalScrollBar().setValue(0)

    def _place_cards(self) -> None:
        """In form order: all in one column, or the first ones left until half the rows are there."""
        half = sum(self._rows.values()) / 2
        placed = 0
        for section_id, card in self.cards.items():
            for column in self.columns:
                column.removeWidget(card)
            column = self.columns[1 if self._two_columns and placed + self._rows[section_id] / 2 > half else 0]
            column.insertWidget(column.count() - 1, card)
            placed += self._rows[section_id]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        two_columns = self.viewport().width() >= TWO_COLUMNS_FROM
        if two_columns != self._two_columns:
            self._two_columns = two_columns
            self._column_widgets[1].setVisible(two_columns)
            self._place_cards()
        super().resizeEvent(event)

    def _card(self, section: Section, questions: list[Question], visit: Visit) -> QFrame:
        """One section's card; its height in answer lines goes into `_rows` for placing it."""
        card = QFrame()
        card.setProperty("role", "review-card")
        card.setObjectName(f"review-{section.id}")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.setSpacing(4)
        heading = QHBoxLayout()
        heading.addWidget(label(section.title, "review-section"), 1)
        edit = touch_button(self._words.EDIT, "link", self._words.edit_section(section.title))
        edit.setObjectName(f"edit-{section.id}")
        edit.setProperty("section_id", section.id)
        edit.clicked.connect(self._on_edit)
        heading.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        self.edit_buttons[section.id] = edit
        layout.addLayout(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        row = 0
        self._rows[section.id] = CARD_CHROME_ROWS
        for question in questions:
            value = visit.answers.get(question.id)
            lines = self._lines(question, value)
            self._rows[section.id] += max(1, len(lines))
            grid.addWidget(label(question.label, "review-question"), row, 0, Qt.AlignmentFlag.AlignTop)
            answer = label("\n".join(lines) or self._words.NOT_ANSWERED, "review-answer" if lines else "review-missing")
            answer.setObjectName(f"answer-{question.id}")
            if len(lines) > 1:
                row += 1
                grid.addWidget(answer, row, 0, 1, 2)
            else:
                grid.addWidget(answer, row, 1, Qt.AlignmentFlag.AlignTop)
            row += 1
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        return card

    @staticmethod
    def _listed(question: Question, visit: Visit) -> bool:
        """An optional question left empty is not listed: nothing to check, and a column of
        "Not answered" would read as something still to do."""
        return question.required or visit.answers.get(question.id) is not None

    def _lines(self, question: Question, value: Any) -> list[str]:
        """The answer as the patient should recognise it, in the visit's language; no lines when unanswered."""
        if value is None:
            return []
        return answer_lines(question, value, partial(spoken_date, locale=visit_locale(self._words)), self._words.number)

    def _on_edit(self) -> None:
        self.edit_requested.emit(self.sender().property("section_id"))

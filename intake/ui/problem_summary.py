"""The list at the top of a page of what still needs an answer, each a way to get there.

A problem scrolled out of sight is a problem the patient never sees; the summary says
how many there are and takes the patient to each one with a tap. Screen readers hear it
once, when Next was refused, not again on every keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.widgets.styling import discard, label
from intake.ui.wrapping_button import WrappingButton


class ProblemSummary(QFrame):
    go_to = Signal(str)
    """The problem key (an answer key) whose question the patient tapped."""

    def __init__(self, words: PatientWording) -> None:
        super().__init__()
        self._words = words
        self.setObjectName("problem-summary")
        self.setProperty("role", "problem-summary")
        self.title = label("", "summary-title")
        self.title.setObjectName("summary-title")
        self.links: dict[str, WrappingButton] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.title)
        self.hide()

    def show_problems(self, problems: Sequence[tuple[str, str]], announce: bool = False) -> None:
        """`problems` are (key, question wording) pairs in page order."""
        for link in self.links.values():
            discard(link)
        self.links = {}
        for key, question_text in problems:
            link = WrappingButton(question_text, "problem-link", self._words.go_to_problem(question_text))
            link.setObjectName(f"go-to-{key}")
            link.setProperty("problem_key", key)
            link.clicked.connect(self._on_link)
            self._layout.addWidget(link)
            self.links[key] = link
        text = self._words.problems_summary(len(problems)) if problems else ""
        self.title.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(problems))
        if problems and announce:
            QAccessible.updateAccessibility(QAccessibleEvent(self.title, QAccessible.Event.Alert))

    def _on_link(self) -> None:
        self.go_to.emit(self.sender().property("problem_key"))

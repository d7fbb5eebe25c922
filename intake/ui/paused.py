"""A paused visit: the answers wait, hidden, until the patient confirms their date of birth.

A patient who went to fetch their medicine list should not have to start again, but
whoever picks up the tablet meanwhile must see nothing of the answers, not even a name.
So this screen shows only a title, a sentence and Continue; Continue asks for the date of
birth by touch. The right date resumes the visit; the third wrong date, or the resume
window running out, puts it away for staff. Staff can put it away at once after signing in.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from intake.app.resuming import Attempt, ResumeCheck
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.language_button import LanguageButton
from intake.ui.message_screen import MessageScreen, corner_row
from intake.ui.scrolling import ScrollColumn
from intake.ui.widgets.birth_date_picker import BirthDatePicker
from intake.ui.widgets.styling import label, touch_button

log = logging.getLogger(__name__)

CONFIRM_WIDTH = 760
"""The confirm page's widest, so landscape buttons stay a tap apart rather than a stretch."""


class PausedScreen(QWidget):
    resumed = Signal()
    """The patient gave the right date of birth: show the questionnaire again."""
    given_up = Signal()
    """Three wrong dates, or the resume window ran out: put the visit away for staff."""
    staff_requested = Signal()
    """Staff tapped "start a new visit": ask them to sign in first."""

    def __init__(self, words: PatientWording) -> None:
        super().__init__()
        self.setObjectName("paused")
        self._check: ResumeCheck | None = None
        self._left_ms = 0
        self._window = QTimer(self)
        self._window.setSingleShot(True)
        self._window.timeout.connect(self._on_window_over)

        self.message = MessageScreen(
            words.PAUSED_TITLE, [words.PAUSED_TEXT], words.PAUSED_CONTINUE, words.PAUSED_CONTINUE_NAME, language=False
        )
        self.continue_button = self.message.button
        self.continue_button.clicked.connect(self._on_continue)
        self.confirm = ScrollColumn(words.MORE_BELOW)
        self.confirm.column.setMaximumWidth(CONFIRM_WIDTH)
        self.differs = label(words.BIRTH_DATE_DIFFERS, "notice")
        self.picker = BirthDatePicker(words)
        self.picker.picked.connect(self._on_picked)
        self.confirm_title = label(words.CONFIRM_BIRTH_DATE, "title")
        self.confirm.content.addWidget(self.confirm_title)
        self.confirm.content.addWidget(self.differs)
        self.confirm.content.addWidget(self.picker)
        self.confirm.finish()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.confirm)

        self.language = LanguageButton()
        """One for both pages (the message and the date of birth), above them."""
        language_row = corner_row(self.language)
        language_row.setContentsMargins(32, 20, 32, 0)
        self.staff_button = touch_button(words.STAFF_NEW_VISIT, "quiet", words.STAFF_NEW_VISIT_NAME)
        self.staff_button.setObjectName("staff-new-visit")
        self.staff_button.clicked.connect(self.staff_requested)
        staff_row = QHBoxLayout()
        staff_row.setContentsMargins(32, 8, 32, 20)
        staff_row.addStretch(1)
        staff_row.addWidget(self.staff_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(language_row)
        layout.addWidget(self.stack, 1)
        layout.addLayout(staff_row)
        self.stop()

    def use_wording(self, words: PatientWording) -> None:
        """Another language, on the page the patient is on (the picker keeps its step)."""
        self.message.set_texts(words.PAUSED_TITLE, [words.PAUSED_TEXT], words.PAUSED_CONTINUE, words.PAUSED_CONTINUE_NAME)
        self.confirm.use_wording(words)
        self.confirm_title.setText(words.CONFIRM_BIRTH_DATE)
        self.differs.setText(words.BIRTH_DATE_DIFFERS)
        self.picker.use_wording(words)
        self.staff_button.setText(words.STAFF_NEW_VISIT)
        self.staff_button.setAccessibleName(words.STAFF_NEW_VISIT_NAME)

    @property
    def active(self) -> bool:
        """A visit is paused here (even while staff mode is on top)."""
        return self._check is not None

    def pause(self, birth_date: date, window_s: int) -> None:
        """Start waiting for this birth date, for at most `window_s` seconds."""
        self.stop()
        self._check = ResumeCheck(birth_date)
        self._window.start(window_s * 1000)
        self.continue_button.setFocus()

    def stop(self) -> None:
        """Forget the birth date and the tries; back to the first page for the next pause."""
        self._window.stop()
        self._check = None
        self._left_ms = 0
        self.picker.reset()
        self.differs.hide()
        self.stack.setCurrentWidget(self.message)

    def hold(self) -> None:
        """Staff mode is on top: the resume window waits with the visit."""
        if self._window.isActive():
            self._left_ms = self._window.remainingTime()
            self._window.stop()

    def carry_on(self) -> None:
        """Back from staff mode: the rest of the resume window runs on."""
        if self.active and not self._window.isActive():
            self._window.start(max(self._left_ms, 0))

    def _on_continue(self) -> None:
        """Focus goes to the picker itself: Tab reaches its buttons, a tap shows no ring."""
        self.picker.reset()
        self.stack.setCurrentWidget(self.confirm)
        self.picker.setFocus()

    def _on_picked(self, given: date) -> None:
        if self._check is None:
            return
        outcome = self._check.attempt(given)
        if outcome is Attempt.RIGHT:
            self.stop()
            self.resumed.emit()
        elif outcome is Attempt.WRONG:
            log.info("paused visit: a date of birth did not match, %d tries left", self._check.tries_left)
            self.differs.show()
        else:
            log.info("paused visit: the last try did not match")
            self.stop()
            self.given_up.emit()

    def _on_window_over(self) -> None:
        log.info("paused visit: the resume window ran out")
        self.stop()
        self.given_up.emit()

""""Are you still there?": the patient's last chance before their answers are put away.

Shown in place of the questionnaire after the idle time; Continue returns to the page
the patient was on. When the countdown ends the kiosk pauses the visit (or, without a
date of birth to resume with, keeps the answers for staff and wipes the screen).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.message_screen import MessageScreen


class StillThereScreen(MessageScreen):
    resumed = Signal()
    expired = Signal()

    def __init__(self, words: PatientWording) -> None:
        super().__init__(
            words.STILL_THERE_TITLE, [words.closing_in(0)], words.STILL_THERE_CONTINUE, words.STILL_THERE_CONTINUE_NAME
        )
        self.setObjectName("still-there")
        self._words = words
        self.countdown = self.lines[0]
        self.continue_button = self.button
        self.continue_button.clicked.connect(self._on_continue)
        self._left = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)

    def use_wording(self, words: PatientWording) -> None:
        """Another language, the countdown running on."""
        self._words = words
        self.set_texts(
            words.STILL_THERE_TITLE, [words.closing_in(self._left)], words.STILL_THERE_CONTINUE, words.STILL_THERE_CONTINUE_NAME
        )

    def start(self, seconds: int) -> None:
        self._left = seconds
        self.countdown.setText(self._words.closing_in(seconds))
        self.continue_button.setFocus()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()

    def _on_tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.countdown.setText(self._words.closing_in(self._left))
            return
        self._tick.stop()
        self.expired.emit()

    def _on_continue(self) -> None:
        self._tick.stop()
        self.resumed.emit()

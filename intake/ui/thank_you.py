"""After Finish: tell the patient to hand the tablet back, then reset by itself."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.message_screen import MessageScreen

RETURN_AFTER_S = 20


class ThankYouScreen(MessageScreen):
    done = Signal()

    def __init__(self, words: PatientWording, seconds: int = RETURN_AFTER_S) -> None:
        super().__init__(words.THANK_YOU_TITLE, [words.THANK_YOU], words.THANK_YOU_DONE, words.THANK_YOU_DONE_NAME)
        self.setObjectName("thank-you")
        self._words = words
        self._desk_needed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)
        self._timer.timeout.connect(self.done)
        self.message = self.lines[0]
        self.done_button = self.button
        self.done_button.clicked.connect(self._on_done)

    def use_wording(self, words: PatientWording) -> None:
        self._words = words
        self.set_texts(words.THANK_YOU_TITLE, [self._message()], words.THANK_YOU_DONE, words.THANK_YOU_DONE_NAME)

    def _message(self) -> str:
        extra = self._words.SUMMARY_PROBLEM if self._desk_needed else ""
        return f"{self._words.THANK_YOU} {extra}".strip()

    def start(self, desk_needed: bool = False) -> None:
        """Show the thank-you, with a line for the desk when the summary needs them."""
        self._desk_needed = desk_needed
        self.message.setText(self._message())
        self.done_button.setFocus()
        self._timer.start()

    def stop(self) -> None:
        """Staff took the tablet back: the screen no longer returns to the start by itself."""
        self._timer.stop()

    def _on_done(self) -> None:
        self._timer.stop()
        self.done.emit()

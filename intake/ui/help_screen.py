""""I need help": the patient is sent to the front desk and can go back to their questions.

Staff learn about it from the queue (the visit is flagged in the store), so this
screen says nothing more than where to ask.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.message_screen import MessageScreen


class HelpScreen(MessageScreen):
    back_requested = Signal()

    def __init__(self, words: PatientWording) -> None:
        super().__init__(words.ASK_AT_FRONT_DESK, [], words.BACK_TO_QUESTIONS, words.BACK_TO_QUESTIONS)
        self.setObjectName("help")
        self.back_button = self.button
        self.back_button.clicked.connect(self.back_requested)

    def use_wording(self, words: PatientWording) -> None:
        self.set_texts(words.ASK_AT_FRONT_DESK, [], words.BACK_TO_QUESTIONS, words.BACK_TO_QUESTIONS)

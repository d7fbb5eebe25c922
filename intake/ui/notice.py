"""The neutral pause after a red-flag answer: ask the patient to tell the front desk.

It never says why. Staff already have the alert; the patient only learns that the
desk would like to know they reached this point, then carries on.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from intake.ui.message_screen import MessageScreen

FRONT_DESK_NOTICE = "Please let the front desk know you have finished this section."


class FrontDeskNotice(MessageScreen):
    continue_requested = Signal()

    def __init__(self) -> None:
        super().__init__(
            "Thank you",
            [FRONT_DESK_NOTICE, "Then carry on with the next questions."],
            "Continue",
            "Continue with the next questions",
        )
        self.setObjectName("front-desk-notice")
        self.continue_button = self.button
        self.continue_button.clicked.connect(self.continue_requested)

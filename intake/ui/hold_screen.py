"""The screen a visit waits on for staff after the red-flag section.

It thanks the patient and sends them, with the tablet, to the front desk. It has no
button but the language: only staff go on from here (staff mode, then "Continue the visit
with the patient" or "Start a new visit"), and it never says why the visit is waiting. The
same screen, in its own words, ends a visit whose answers the store refused at Finish.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.language_button import LanguageButton
from intake.ui.message_screen import corner_row
from intake.ui.widgets.styling import label

HOLD = "hold"
TO_FRONT_DESK = "to-front-desk"
"""Instead of the thank-you screen when the store refused the answers at Finish."""


def _texts(words: PatientWording, kind: str) -> tuple[str, str]:
    if kind == TO_FRONT_DESK:
        return words.ANSWERS_TO_DESK_THANKS, words.ANSWERS_TO_DESK_MESSAGE
    return words.HOLD_THANKS, words.HOLD_MESSAGE


class HoldScreen(QWidget):
    def __init__(self, words: PatientWording, kind: str = HOLD) -> None:
        super().__init__()
        self.setObjectName(kind)
        self._kind = kind
        thanks, message = _texts(words, kind)
        self.clinic = label("", "clinic")
        """Staff hold it for the staff screens, as on the welcome screen."""
        self.thanks = label(thanks, "title")
        self.message = label(message, "subtitle")
        self.language = LanguageButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 24, 64, 48)
        layout.setSpacing(28)
        layout.addLayout(corner_row(self.language))
        layout.addWidget(self.clinic)
        layout.addStretch(1)
        layout.addWidget(self.thanks)
        layout.addWidget(self.message)
        layout.addStretch(2)
        for text in (self.clinic, self.thanks, self.message):
            text.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def use_wording(self, words: PatientWording) -> None:
        thanks, message = _texts(words, self._kind)
        self.thanks.setText(thanks)
        self.message.setText(message)

    def show_for(self, clinic_name: str) -> None:
        """The clinic's current name, set each time since staff may rename it in settings."""
        self.clinic.setText(clinic_name)

"""The screen a visit waits on for staff after the red-flag section.

It thanks the patient and sends them, with the tablet, to the front desk. It has no
button: only staff go on from here (staff mode, then "Continue the visit with the
patient" or "Start a new visit"), and it never says why the visit is waiting. The same
screen, in its own words, ends a visit whose answers the store refused at Finish.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake.questionnaire.patient_wording import HOLD_MESSAGE, HOLD_THANKS
from intake.ui.widgets.styling import label


class HoldScreen(QWidget):
    def __init__(self, thanks: str = HOLD_THANKS, message: str = HOLD_MESSAGE, name: str = "hold") -> None:
        super().__init__()
        self.setObjectName(name)
        self.clinic = label("", "clinic")
        """Staff hold it for the staff screens, as on the welcome screen."""
        self.thanks = label(thanks, "title")
        self.message = label(message, "subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        layout.addWidget(self.clinic)
        layout.addStretch(1)
        layout.addWidget(self.thanks)
        layout.addWidget(self.message)
        layout.addStretch(2)
        for text in (self.clinic, self.thanks, self.message):
            text.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def show_for(self, clinic_name: str) -> None:
        """The clinic's current name, set each time since staff may rename it in settings."""
        self.clinic.setText(clinic_name)

"""The neutral pause after a red-flag answer: ask the patient to tell the front desk.

It never says why. Staff already have the alert; the patient only learns that the
desk would like to know they reached this point, then carries on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake.ui.widgets.styling import label, touch_button

FRONT_DESK_NOTICE = "Please let the front desk know you have finished this section."


class FrontDeskNotice(QWidget):
    continue_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("front-desk-notice")
        self.continue_button = touch_button("Continue", "primary", "Continue with the next questions")
        self.continue_button.clicked.connect(self.continue_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        layout.addStretch(1)
        for widget in (
            label("Thank you", "title"),
            label(FRONT_DESK_NOTICE, "subtitle"),
            label("Then carry on with the next questions.", "subtitle"),
        ):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addWidget(self.continue_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

"""The choice staff make for a visit waiting on the hold screen, above every staff screen.

Shown only to someone signed in while this tablet's patient waits on hold, so the
patient can never take either path alone. Staff can look at the queue and the visit
first; the panel stays until they choose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from intake.ui.widgets.styling import label, touch_button

CONTINUE = "Continue the visit with the patient"
NEW_VISIT = "Start a new visit"


class HeldVisitPanel(QWidget):
    continue_requested = Signal()
    new_visit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("held-visit")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = label("A patient's visit is waiting at this tablet.", "staff-calm-text")
        self.continue_button = touch_button(CONTINUE, "primary")
        self.new_visit_button = touch_button(NEW_VISIT, "quiet", "Start a new visit: keep these answers as unfinished")
        self.continue_button.clicked.connect(self.continue_requested)
        self.new_visit_button.clicked.connect(self.new_visit_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_visit_button)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()

"""After Finish: tell the patient to hand the tablet back, then reset by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake.ui.widgets.styling import label, touch_button

RETURN_AFTER_S = 20


class ThankYouScreen(QWidget):
    done = Signal()

    def __init__(self, seconds: int = RETURN_AFTER_S) -> None:
        super().__init__()
        self.setObjectName("thank-you")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)
        self._timer.timeout.connect(self.done)
        self.message = label("Please give the tablet back to the front desk.", "subtitle")
        self.done_button = touch_button("Done", "primary", "Done: return to the start")
        self.done_button.clicked.connect(self._on_done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        layout.addStretch(1)
        for widget in (label("Thank you, you have finished", "title"), self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addWidget(self.done_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def start(self) -> None:
        self._timer.start()

    def _on_done(self) -> None:
        self._timer.stop()
        self.done.emit()

"""After Finish: tell the patient to hand the tablet back, then reset by itself."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal

from intake.ui.message_screen import MessageScreen

RETURN_AFTER_S = 20
THANK_YOU = "Please give the tablet back to the front desk."


class ThankYouScreen(MessageScreen):
    done = Signal()

    def __init__(self, seconds: int = RETURN_AFTER_S) -> None:
        super().__init__("Thank you, you have finished", [THANK_YOU], "Done", "Done: return to the start")
        self.setObjectName("thank-you")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)
        self._timer.timeout.connect(self.done)
        self.message = self.lines[0]
        self.done_button = self.button
        self.done_button.clicked.connect(self._on_done)

    def start(self, extra: str = "") -> None:
        """Show the thank-you, with a line for the desk when something needs them."""
        self.message.setText(f"{THANK_YOU} {extra}".strip())
        self.done_button.setFocus()
        self._timer.start()

    def stop(self) -> None:
        """Staff took the tablet back: the screen no longer returns to the start by itself."""
        self._timer.stop()

    def _on_done(self) -> None:
        self._timer.stop()
        self.done.emit()

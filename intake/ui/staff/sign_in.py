"""Staff sign-in: each person's own ID and PIN, the only way out of patient mode."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from intake.app.desk import Desk
from intake.app.errors import SignInRefused
from intake.app.staff_desk import StaffDesk
from intake.ui.staff.form_column import FormColumn, secret_field
from intake.ui.widgets.styling import touch_button


class SignInScreen(FormColumn):
    signed_in = Signal(object)
    """The signed-in person's `StaffDesk`."""
    cancelled = Signal()

    def __init__(self, desk: Desk) -> None:
        super().__init__("Staff sign-in", "")
        self.setObjectName("staff-sign-in")
        self._desk = desk
        self.staff_id = self.add_field("Staff ID", QLineEdit())
        self.pin = self.add_field("PIN", secret_field())
        self.sign_in_button = touch_button("Sign in", "primary")
        self.cancel_button = touch_button("Cancel", "quiet", "Cancel: back to the patient screen")
        self.sign_in_button.clicked.connect(self._on_sign_in)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.staff_id.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._on_sign_in)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        self.finish(buttons)

    def reset(self) -> None:
        """Empty, for the next person; nothing typed before stays in the fields."""
        self.staff_id.clear()
        self.pin.clear()
        self.show_message("")
        self.staff_id.setFocus()

    def _on_sign_in(self) -> None:
        if not self.staff_id.text().strip() or not self.pin.text():
            self.show_message("Please type your staff ID and PIN.")
            return
        try:
            session: StaffDesk = self._desk.sign_in(self.staff_id.text(), self.pin.text())
        except SignInRefused as refused:
            self.pin.clear()
            self.show_message(str(refused))
            self.pin.setFocus()
            return
        self.reset()
        self.signed_in.emit(session)

    def _on_cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

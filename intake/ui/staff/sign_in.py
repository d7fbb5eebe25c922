"""Staff sign-in: each person's own ID and PIN, the only way out of patient mode.

The station remembers who signed in last: their ID is already there and the PIN field
has focus, so the usual sign-in is the PIN on the PIN pad and Enter. "Not you?" clears
the ID (and the station forgets it) for someone else. Only an ID that signed in is
remembered, never what was typed into a refused attempt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSizePolicy

from intake.app.desk import Desk
from intake.app.errors import SignInRefused
from intake.app.staff_desk import StaffDesk
from intake.app.station_memory import StationMemory
from intake.ui.staff.form_column import FormColumn, secret_field
from intake.ui.staff.words import _
from intake.ui.widgets.styling import label, touch_button


def staff_id_field() -> QLineEdit:
    """IDs are lower case and never words to predict: the letters keyboard starts without Shift."""
    field = QLineEdit()
    hint = Qt.InputMethodHint
    field.setInputMethodHints(hint.ImhNoAutoUppercase | hint.ImhPreferLowercase | hint.ImhNoPredictiveText)
    return field


class SignInScreen(FormColumn):
    signed_in = Signal(object)
    """The signed-in person's `StaffDesk`."""
    cancelled = Signal()

    def __init__(self, desk: Desk, memory: StationMemory) -> None:
        super().__init__(_("Staff sign-in"), "")
        self.setObjectName("staff-sign-in")
        self._desk = desk
        self._memory = memory
        self.staff_id = staff_id_field()
        self.not_you_button = touch_button(_("Not you?"), "link", _("Not you? Sign in with another staff ID"))
        self.not_you_button.setObjectName("not-you")
        self._add_staff_id_row()
        self.pin = self.add_field(_("PIN"), secret_field())
        self.sign_in_button = touch_button(_("Sign in"), "primary")
        self.cancel_button = touch_button(_("Cancel"), "quiet", _("Cancel: back to the patient screen"))
        self.sign_in_button.clicked.connect(self._on_sign_in)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.not_you_button.clicked.connect(self._on_not_you)
        self.staff_id.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._on_sign_in)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        self.finish(buttons)

    def _add_staff_id_row(self) -> None:
        """The ID with "Not you?" beside it, where the eye already is, as tall as the field."""
        caption = label(_("Staff ID"), "field")
        caption.setBuddy(self.staff_id)
        self.staff_id.setAccessibleName(_("Staff ID"))
        self.not_you_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.addWidget(self.staff_id, 1)
        row.addWidget(self.not_you_button)
        self.column.addWidget(caption)
        self.column.addLayout(row)

    def reset(self) -> None:
        """For the next person: nothing typed stays, but the ID that signed in last here is
        filled in, ready for its PIN."""
        remembered = self._memory.read().staff_id
        self._clear()
        self.staff_id.setText(remembered or "")
        self.not_you_button.setVisible(remembered is not None)
        (self.pin if remembered else self.staff_id).setFocus()

    def _clear(self) -> None:
        self.staff_id.clear()
        self.pin.clear()
        self.show_message("")

    def _on_not_you(self) -> None:
        self._memory.forget_staff()
        self.reset()

    def _on_sign_in(self) -> None:
        if not self.staff_id.text().strip() or not self.pin.text():
            self.show_message(_("Please type your staff ID and PIN."))
            (self.pin if self.staff_id.text().strip() else self.staff_id).setFocus()
            return
        try:
            session: StaffDesk = self._desk.sign_in(self.staff_id.text(), self.pin.text())
        except SignInRefused as refused:
            self.pin.clear()
            self.show_message(str(refused))
            self.pin.setFocus()
            return
        self._clear()
        self.signed_in.emit(session)

    def _on_cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

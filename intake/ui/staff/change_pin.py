"""A new PIN before anything else, for someone who signed in with one the rules no longer
allow, or with a one-time PIN an admin set.

An administrator's PIN used to need 4 characters and now needs 6: such a PIN still signs
in, and this screen then stands between the person and every record until they choose
a new one (or sign out). A one-time PIN (a new account, a reset) leads here the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout

from intake.app.records import MIN_ADMIN_PIN_LENGTH
from intake.app.staff_desk import StaffDesk
from intake.ui.staff.form_column import FormColumn, secret_field
from intake.ui.staff.words import N_, _, ngettext
from intake.ui.widgets.styling import label, touch_button

ONE_TIME = N_("You signed in with a one-time PIN. Choose your own PIN to go on; only you will know it.")


def too_short() -> str:
    """Why a PIN that signed in must be changed: the rules for an administrator's PIN grew."""
    return ngettext(
        "Your PIN no longer meets the rules for your account: an administrator's PIN needs at "
        "least {count} character. Choose a new one to go on.",
        "Your PIN no longer meets the rules for your account: an administrator's PIN needs at "
        "least {count} characters. Choose a new one to go on.",
        MIN_ADMIN_PIN_LENGTH,
    ).format(count=MIN_ADMIN_PIN_LENGTH)


class ChangePinScreen(FormColumn):
    changed = Signal()
    """The new PIN is stored (and audited); the session may go on."""
    cancelled = Signal()
    """The person would rather sign out than choose a PIN now."""

    def __init__(self) -> None:
        super().__init__(_("Choose a new PIN"), "")
        self.setObjectName("change-pin")
        self._session: StaffDesk | None = None
        self.reason = label(too_short(), "intro")
        self.column.addWidget(self.reason)
        self.pin = self.add_field(_("New PIN"), secret_field())
        self.pin_again = self.add_field(_("New PIN again"), secret_field())
        self.save_button = touch_button(_("Save and go on"), "primary")
        self.sign_out_button = touch_button(_("Sign out"), "quiet")
        self.save_button.clicked.connect(self._on_save)
        self.sign_out_button.clicked.connect(self._on_sign_out)
        self.pin.returnPressed.connect(self.pin_again.setFocus)
        self.pin_again.returnPressed.connect(self._on_save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.finish(buttons)

    def ask(self, session: StaffDesk) -> None:
        """Empty fields for this person's new PIN."""
        self._session = session
        one_time = session.member is not None and session.member.must_change_pin
        self.reason.setText(_(ONE_TIME) if one_time else too_short())
        self._clear()
        self.show_message("")
        self.pin.setFocus()

    def _on_save(self) -> None:
        assert self._session is not None
        if self.pin.text() != self.pin_again.text():
            self._refuse(_("The two PINs differ. Please type them again."))
            return
        try:
            self._session.change_pin(self.pin.text())
        except ValueError as problem:
            self._refuse(str(problem))
            return
        self.forget()
        self.changed.emit()

    def forget(self) -> None:
        """Nothing typed and no session kept, for the next person."""
        self._clear()
        self._session = None

    def _on_sign_out(self) -> None:
        self.forget()
        self.cancelled.emit()

    def _refuse(self, message: str) -> None:
        self._clear()
        self.show_message(message)
        self.pin.setFocus()

    def _clear(self) -> None:
        self.pin.clear()
        self.pin_again.clear()

"""First start: the clinic's first administrator account, before anyone can sign in.

Without it nobody could leave patient mode or change settings, so the kiosk asks for
it once, on a store that never had an administrator, unless `INTAKE_ADMIN_PIN` already
created `admin`. Disabling admins later never brings this screen back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from intake.app.desk import Desk
from intake.app.errors import StaffExists
from intake.app.records import MIN_ADMIN_PIN_LENGTH
from intake.ui.staff.form_column import FormColumn, secret_field
from intake.ui.staff.words import _, ngettext
from intake.ui.widgets.styling import touch_button


class FirstAdminScreen(FormColumn):
    created = Signal(object)
    """The new administrator's `StaffDesk`, already signed in."""

    def __init__(self, desk: Desk) -> None:
        super().__init__(
            _("Set up the administrator"),
            _(
                "This is the first start. Create the account that manages settings and staff. "
                "Each person will have their own ID and PIN."
            ),
        )
        self.setObjectName("first-admin")
        self._desk = desk
        self.name = self.add_field(_("Your name"), QLineEdit())
        self.staff_id = self.add_field(_("Staff ID"), QLineEdit("admin"))
        pin = ngettext("PIN (at least {count} character)", "PIN (at least {count} characters)", MIN_ADMIN_PIN_LENGTH)
        self.pin = self.add_field(pin.format(count=MIN_ADMIN_PIN_LENGTH), secret_field())
        self.pin_again = self.add_field(_("PIN again"), secret_field())
        self.create_button = touch_button(_("Create and sign in"), "primary")
        self.create_button.clicked.connect(self._on_create)
        self.pin_again.returnPressed.connect(self._on_create)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        self.finish(buttons)

    def _on_create(self) -> None:
        if self.pin.text() != self.pin_again.text():
            self._refuse(_("The two PINs differ. Please type them again."))
            return
        try:
            session = self._desk.create_first_admin(self.staff_id.text(), self.name.text(), self.pin.text())
        except (ValueError, StaffExists) as problem:
            self._refuse(str(problem))
            return
        for field in (self.name, self.pin, self.pin_again):
            field.clear()
        self.created.emit(session)

    def _refuse(self, message: str) -> None:
        self.pin.clear()
        self.pin_again.clear()
        self.show_message(message)

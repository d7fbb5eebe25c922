"""First start: the clinic's first administrator account, before anyone can sign in.

Without it nobody could leave patient mode or change settings, so the kiosk asks for
it once, on a store that never had an administrator, unless `INTAKE_ADMIN_PIN` already
created `admin`. Disabling admins later never brings this screen back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from intake.app.desk import Desk
from intake.app.errors import StaffExists
from intake.app.records import MIN_ADMIN_PIN_LENGTH
from intake.ui.staff.form_column import FormColumn, secret_field
from intake.ui.staff.sign_in import staff_id_field
from intake.ui.staff.words import N_, _, ngettext
from intake.ui.widgets.styling import touch_button


@dataclass(frozen=True)
class AdminFields:
    """The first administrator's fields, on this screen and on the set-up wizard's last step."""

    name: QLineEdit
    staff_id: QLineEdit
    pin: QLineEdit
    pin_again: QLineEdit

    @classmethod
    def on(cls, column: FormColumn) -> AdminFields:
        name = column.add_field(_("Your name"), QLineEdit())
        staff_id = column.add_field(_("Staff ID"), staff_id_field())
        staff_id.setText("admin")
        pin = ngettext("PIN (at least {count} character)", "PIN (at least {count} characters)", MIN_ADMIN_PIN_LENGTH)
        return cls(name, staff_id, column.add_field(pin.format(count=MIN_ADMIN_PIN_LENGTH), secret_field()),
                   column.add_field(_("PIN again"), secret_field()))

    def pins_differ(self) -> bool:
        return self.pin.text() != self.pin_again.text()

    def clear_pins(self) -> None:
        self.pin.clear()
        self.pin_again.clear()


PINS_DIFFER = N_("The two PINs differ. Please type them again.")


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
        self.fields = AdminFields.on(self)
        self.name, self.staff_id, self.pin, self.pin_again = (
            self.fields.name, self.fields.staff_id, self.fields.pin, self.fields.pin_again)
        self.create_button = touch_button(_("Create and sign in"), "primary")
        self.create_button.clicked.connect(self._on_create)
        self.pin_again.returnPressed.connect(self._on_create)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        self.finish(buttons)

    def _on_create(self) -> None:
        if self.fields.pins_differ():
            self._refuse(_(PINS_DIFFER))
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
        self.fields.clear_pins()
        self.show_message(message)

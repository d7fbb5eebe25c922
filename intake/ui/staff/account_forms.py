"""The admin's two forms for someone else's account: a new account, and a reset PIN.

Both set a one-time PIN the admin tells the person: it signs in once, straight to the
screen where they choose their own, so no admin keeps knowing anyone's PIN. Each PIN is
typed twice, hidden, and never left in a field once the form is done or refused.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit

from intake.app.errors import StaffExists, StaffNotFound
from intake.app.records import MIN_ADMIN_PIN_LENGTH, Role, StaffMember
from intake.app.staff_desk import StaffDesk
from intake.staff_wording import ROLE_NAME
from intake.ui.scrolling import nearest_scroll_area
from intake.ui.staff.form_column import FormColumn, secret_field
from intake.ui.staff.words import N_, _, ngettext
from intake.ui.widgets.styling import label, touch_button

PINS_DIFFER = N_("The two PINs differ. Please type them again.")


def one_time_pin_caption() -> str:
    return ngettext(
        "One-time PIN (an administrator's: at least {count} character)",
        "One-time PIN (an administrator's: at least {count} characters)",
        MIN_ADMIN_PIN_LENGTH,
    ).format(count=MIN_ADMIN_PIN_LENGTH)


def as_sentence(text: str) -> str:
    """A refusal worded for a log line ("staff ID 'bob' is …") as a sentence on screen."""
    sentence = text[:1].upper() + text[1:]
    return sentence if sentence.endswith((".", "?", "!")) else f"{sentence}."


class _PinForm(FormColumn):
    """A form ending in a one-time PIN typed twice, with Cancel and one action."""

    cancelled = Signal()

    def __init__(self, title: str, intro: str) -> None:
        super().__init__(title, intro)
        self._session: StaffDesk | None = None
        self.cancel_button = touch_button(_("Cancel"), "quiet")
        self.cancel_button.clicked.connect(self._on_cancel)

    def _add_pins(self, action: str) -> None:
        self.pin = self.add_field(one_time_pin_caption(), secret_field())
        self.pin_again = self.add_field(_("One-time PIN again"), secret_field())
        self.action_button = touch_button(action, "primary")
        self.action_button.clicked.connect(self._on_action)
        self.pin.returnPressed.connect(self.pin_again.setFocus)
        self.pin_again.returnPressed.connect(self._on_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        self.finish(buttons)

    def _pins_match(self) -> bool:
        if self.pin.text() != self.pin_again.text():
            self.refuse(_(PINS_DIFFER))
            return False
        return True

    def refuse(self, message: str) -> None:
        """Say why, where it shows: a form taller than the screen scrolls to its message and buttons."""
        self._clear_pins()
        self.show_message(as_sentence(message))
        area = nearest_scroll_area(self.action_button)
        if area is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            area.ensureWidgetVisible(self.action_button)

    def forget(self) -> None:
        """Nothing typed and no session kept."""
        self._clear_pins()
        self.show_message("")
        self._session = None

    def _clear_pins(self) -> None:
        self.pin.clear()
        self.pin_again.clear()

    def _on_cancel(self) -> None:
        self.forget()
        self.cancelled.emit()

    def _on_action(self) -> None:
        raise NotImplementedError


class AddAccountForm(_PinForm):
    added = Signal(object)
    """The new `StaffMember`, stored and audited."""

    def __init__(self) -> None:
        super().__init__(
            _("Add an account"),
            _("Tell the person their one-time PIN: they choose their own at their first sign-in."),
        )
        self.setObjectName("add-account")
        self.staff_id = self.add_field(_("Staff ID"), QLineEdit())
        self.name = self.add_field(_("Name"), QLineEdit())
        self.role = QComboBox()
        self.role.setAccessibleName(_("Role"))
        for role in Role:
            self.role.addItem(_(ROLE_NAME[role]), str(role))
        caption = label(_("Role"), "field")
        caption.setBuddy(self.role)
        self.column.addWidget(caption)
        self.column.addWidget(self.role)
        self._add_pins(_("Add account"))
        self.staff_id.returnPressed.connect(self.name.setFocus)

    def ask(self, session: StaffDesk) -> None:
        """An empty form, for this admin."""
        self.forget()
        self._session = session
        self.staff_id.clear()
        self.name.clear()
        self.role.setCurrentIndex(0)
        self.staff_id.setFocus()

    def _on_action(self) -> None:
        assert self._session is not None
        if not self._pins_match():
            return
        try:
            member = self._session.add_staff(
                self.staff_id.text().strip().lower(), self.name.text(), Role(self.role.currentData()), self.pin.text(),
                one_time_pin=True,
            )
        except (ValueError, StaffExists) as problem:
            self.refuse(str(problem))
            return
        self.forget()
        self.added.emit(member)


class ResetPinForm(_PinForm):
    done = Signal(object)
    """The `StaffMember` whose PIN was reset (stored and audited)."""

    def __init__(self) -> None:
        super().__init__(_("Reset a PIN"), "")
        self.setObjectName("reset-pin")
        self.member: StaffMember | None = None
        self.who = label("", "intro")
        self.column.addWidget(self.who)
        self._add_pins(_("Set one-time PIN"))

    def ask(self, session: StaffDesk, member: StaffMember) -> None:
        """An empty form for this person's new one-time PIN."""
        self.forget()
        self._session = session
        self.member = member
        self.who.setText(
            _("{name} ({staff_id}) signs in once with this PIN, then chooses their own. A locked account is unlocked.").format(
                name=member.name, staff_id=member.id
            )
        )
        self.pin.setFocus()

    def forget(self) -> None:
        super().forget()
        self.member = None
        self.who.clear()

    def _on_action(self) -> None:
        assert self._session is not None and self.member is not None
        if not self._pins_match():
            return
        member = self.member
        try:
            self._session.reset_pin(member.id, self.pin.text())
        except (ValueError, StaffNotFound) as problem:
            self.refuse(str(problem))
            return
        self.forget()
        self.done.emit(member)

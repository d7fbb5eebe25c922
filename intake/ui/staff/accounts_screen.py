"""Staff accounts, for admins: who may sign in, as what, and whether they are locked out.

An admin adds an account, resets a PIN (a one-time PIN the person changes at their next
sign-in, which also ends a lockout), makes someone an administrator or staff again, and
disables an account (after a second tap: the screen offers no way back, and an ID is
never reused). Each is audited by the admin's desk. The store refuses whatever would
leave no active administrator, and the screen says so in the store's words.

An admin who disables or demotes their own account is signed out at once: the session
they hold would otherwise go on with rights the account no longer has.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from intake.app.errors import LastActiveAdmin, StaffNotFound
from intake.app.records import Role, StaffMember
from intake.app.staff_desk import StaffDesk
from intake.staff_wording import ROLE_NAME
from intake.ui.staff.account_forms import AddAccountForm, ResetPinForm, as_sentence
from intake.ui.staff.local_dates import clock_time, day_and_month
from intake.ui.staff.table_items import ROW_HEIGHT, read_only_table, table_item
from intake.ui.staff.words import N_, _
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.styling import label, touch_button

COLUMNS = (N_("Name and staff ID"), N_("Role"), N_("Active"), N_("Locked"))
NAME = COLUMNS.index("Name and staff ID")
ADDED: Mapping[str, str] = {
    "staff": N_("Added {name} ({staff_id}), staff. Tell them their one-time PIN: they choose their own at their first sign-in."),
    "admin": N_(
        "Added {name} ({staff_id}), an administrator. Tell them their one-time PIN: they choose their own at their "
        "first sign-in."
    ),
}
NOW: Mapping[str, str] = {"staff": N_("{name} is now staff."), "admin": N_("{name} is now an administrator.")}
"""Whole sentences for each role (`Role`'s values), so a translation can make the sentence agree with it."""


def active_words(member: StaffMember) -> str:
    """Yes or No; a one-time PIN on a line of its own, so the column stays narrow on a portrait tablet."""
    if not member.active:
        return _("No")
    return _("Yes\none-time PIN") if member.must_change_pin else _("Yes")


def locked_words(member: StaffMember, now: datetime) -> str:
    """Until when (the day too when it is not today); empty when not locked."""
    if member.locked_until is None or not member.locked(now):
        return ""
    ends = member.locked_until.astimezone()
    if ends.date() == now.astimezone().date():
        return _("until {time}").format(time=clock_time(ends))
    return _("until {day} {time}").format(day=day_and_month(ends.date()), time=clock_time(ends))


def account_cells(member: StaffMember, now: datetime) -> tuple[str, ...]:
    """The name over the ID (as the queue puts the date of birth under a name): room for both on a portrait tablet."""
    return f"{member.name}\n{member.id}", _(ROLE_NAME[member.role]), active_words(member), locked_words(member, now)


class AccountsScreen(QWidget):
    closed = Signal()
    own_access_ended = Signal()
    """The admin disabled or demoted their own account: their session must end."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("staff-accounts")
        self.setProperty("role", "staff-screen")
        self._session: StaffDesk | None = None
        self._members: list[StaffMember] = []
        self._disable_armed = False
        self.add_form = AddAccountForm()
        self.reset_form = ResetPinForm()
        self.add_form.added.connect(self._on_added)
        self.add_form.cancelled.connect(self._show_list)
        self.reset_form.done.connect(self._on_reset_done)
        self.reset_form.cancelled.connect(self._show_list)
        self.pages = QStackedWidget()
        self.list_page = self._build_list_page()
        self.add_page = self.add_form
        self.reset_page = self.reset_form
        for page in (self.list_page, self.add_page, self.reset_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _build_list_page(self) -> QWidget:
        self.back_button = touch_button(_("Back"), "quiet", _("Back to the visits"))
        self.back_button.clicked.connect(self._on_back)
        heading = QHBoxLayout()
        heading.addWidget(label(_("Staff accounts"), "title"), 1)
        heading.addWidget(self.back_button)
        self.notice = label("", "notice")
        self.notice.setAccessibleName(_("Message"))
        self.notice.hide()
        self._build_table()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        return page

    def _build_actions(self) -> FlowRow:
        self.add_button = touch_button(_("Add account"), "primary")
        self.reset_button = touch_button(_("Reset PIN"), "quiet", _("Reset the selected account's PIN"))
        self.role_button = touch_button(_("Make administrator"), "quiet")
        self.disable_button = touch_button(_("Disable"), "quiet", _("Disable the selected account"))
        self.add_button.clicked.connect(self._on_add)
        self.reset_button.clicked.connect(self._on_reset)
        self.role_button.clicked.connect(self._on_change_role)
        self.disable_button.clicked.connect(self._on_disable)
        actions = FlowRow(spacing=12)
        for button in (self.add_button, self.reset_button, self.role_button, self.disable_button):
            actions.addWidget(button)
        return actions

    def _build_table(self) -> None:
        self.table = read_only_table([_(column) for column in COLUMNS], NAME, _("Staff accounts"))
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.horizontalHeader().sectionResized.connect(self._on_column_resized)
        self.table.itemSelectionChanged.connect(self._on_selection)

    def show_accounts(self, session: StaffDesk) -> None:
        """Every account, read afresh through this admin's desk; nothing selected, no message."""
        self._session = session
        self._show_notice("")
        self._reload()
        self.pages.setCurrentWidget(self.list_page)

    def clear(self) -> None:
        """Signed out: no accounts on screen, nothing typed kept."""
        self._session = None
        self._members = []
        self.add_form.forget()
        self.reset_form.forget()
        self._show_notice("")
        self.table.setRowCount(0)
        self.pages.setCurrentWidget(self.list_page)

    @property
    def members(self) -> list[StaffMember]:
        return list(self._members)

    def select(self, staff_id: str) -> None:
        for row, member in enumerate(self._members):
            if member.id == staff_id:
                self.table.selectRow(row)

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self._members[rows[0].row()] if rows else None

    def _reload(self, keep: str | None = None) -> None:
        assert self._session is not None
        self._members = self._session.staff()
        now = datetime.now().astimezone()
        self.table.clearSelection()
        self.table.setRowCount(len(self._members))
        for row, member in enumerate(self._members):
            for column, text in enumerate(account_cells(member, now)):
                item = table_item(text)
                item.setData(Qt.ItemDataRole.UserRole, member.id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if keep is not None:
            self.select(keep)
        self._on_selection()

    def _on_column_resized(self, column: int, _old: int, _new: int) -> None:
        """The name's column took the width left: its rows may now need more (or fewer) lines."""
        if column == NAME:
            self.table.resizeRowsToContents()

    def _on_selection(self) -> None:
        member = self.selected()
        self._disarm_disable()
        for button in (self.reset_button, self.disable_button):
            button.setEnabled(member is not None and member.active)
        self.role_button.setEnabled(member is not None)
        promote = member is None or member.role is Role.STAFF
        self.role_button.setText(_("Make administrator") if promote else _("Make staff"))

    def _disarm_disable(self) -> None:
        """Back to one tap; the question the first tap asked goes with it."""
        if self._disable_armed:
            self._show_notice("")
        self._disable_armed = False
        self.disable_button.setText(_("Disable"))

    def _on_add(self) -> None:
        assert self._session is not None
        self._show_notice("")
        self.add_form.ask(self._session)
        self.pages.setCurrentWidget(self.add_page)

    def _on_added(self, member: StaffMember) -> None:
        self._show_list()
        self._reload(keep=member.id)
        self._show_notice(_(ADDED[member.role]).format(name=member.name, staff_id=member.id))

    def _on_reset(self) -> None:
        member = self.selected()
        if member is None or self._session is None:
            return
        self._show_notice("")
        self.reset_form.ask(self._session, member)
        self.pages.setCurrentWidget(self.reset_page)

    def _on_reset_done(self, member: StaffMember) -> None:
        self._show_list()
        self._reload(keep=member.id)
        self._show_notice(_("{name} signs in once with the one-time PIN, then chooses their own.").format(name=member.name))

    def _on_change_role(self) -> None:
        member = self.selected()
        if member is None or self._session is None:
            return
        role = Role.ADMIN if member.role is Role.STAFF else Role.STAFF
        try:
            self._session.change_role(member.id, role)
        except (LastActiveAdmin, StaffNotFound, ValueError) as refusal:
            self._show_notice(as_sentence(str(refusal)))
            return
        if self._is_own(member) and role is Role.STAFF:
            self.own_access_ended.emit()
            return
        self._reload(keep=member.id)
        self._show_notice(_(NOW[role]).format(name=member.name))

    def _on_disable(self) -> None:
        """Disable the selected account after a second tap: the screen cannot undo it."""
        member = self.selected()
        if member is None or self._session is None:
            return
        if not self._disable_armed:
            self._disable_armed = True
            self.disable_button.setText(_("Confirm disable"))
            self._show_notice(
                _("{name} will no longer be able to sign in. Tap “Confirm disable” to go ahead.").format(name=member.name)
            )
            return
        try:
            self._session.disable_staff(member.id)
        except (LastActiveAdmin, StaffNotFound) as refusal:
            self._disarm_disable()
            self._show_notice(as_sentence(str(refusal)))
            return
        if self._is_own(member):
            self.own_access_ended.emit()
            return
        self._reload(keep=member.id)
        self._show_notice(_("{name} ({staff_id}) is disabled.").format(name=member.name, staff_id=member.id))

    def _is_own(self, member: StaffMember) -> bool:
        return self._session is not None and self._session.actor == member.id

    def _show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _on_back(self) -> None:
        self._show_notice("")
        self.closed.emit()


"""Staff mode: sign-in (or first-start set-up), the queue, one visit, settings, the audit log,
staff accounts, export and import.

Someone who signed in with a PIN the rules no longer allow chooses a new one first;
until then no other screen opens for them.

Right after sign-in, the visit this tablet just finished opens instead of the queue when
it is fresh (see `intake.app.hand_back`), with Print focused: the usual reason to sign in
is a patient handing the tablet back. The queue is one tap away, behind it.

The urgent alert, and under it who asked for help, sit above all of them, so they show
whichever screen staff are on.
While this tablet's visit waits on the hold screen, the queue offers the signed-in
person to continue it with the patient or to start a new visit.

It holds the signed-in session and signs it out after the staff idle time, or when the
person leaves for patient mode, so a tablet left on the desk never stays open on
patient records. Leaving always passes through `leave`, and the kiosk shows the patient
screen again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake.app.desk import Desk
from intake.app.hand_back import handed_back
from intake.app.staff_desk import StaffDesk
from intake.app.station_memory import StationMemory
from intake.report.info_sheet import sheet_clinic
from intake.settings import Settings
from intake.ui.current_page_stack import CurrentPageStack
from intake.ui.idle import IdleWatch
from intake.ui.staff.accounts_screen import AccountsScreen
from intake.ui.staff.audit_screen import AuditScreen
from intake.ui.staff.change_pin import ChangePinScreen
from intake.ui.staff.export_screen import ExportScreen
from intake.ui.staff.first_admin import FirstAdminScreen
from intake.ui.staff.queue_screen import QueueScreen
from intake.ui.staff.settings_screen import SettingsScreen
from intake.ui.staff.sign_in import SignInScreen
from intake.ui.staff.visit_screen import VisitScreen
from intake.ui.staff.words import _

log = logging.getLogger(__name__)


class StaffArea(QWidget):
    leave = Signal()
    """Back to patient mode; the session is already closed."""
    settings_saved = Signal(object)
    """New `Settings` from the admin screen, already written to the file."""
    held_visit_continued = Signal()
    """Staff hand the tablet back to the patient on hold (audited); `leave` follows."""
    held_visit_set_aside = Signal()
    """Staff end the visit on hold for a new one; `leave` follows."""
    signed_in = Signal()
    """Someone signed in (or set up the first admin) and may work: emitted before the queue is
    read, once any PIN change they owed is done."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.setObjectName("staff-area")
        self._desk = desk
        self.session: StaffDesk | None = None
        """The signed-in person's desk; None while nobody is signed in."""
        self._memory = StationMemory.in_data_dir(desk.station.station_id)
        self._patient_done = False
        """No visit is under way on this tablet: its last finished one may open after sign-in."""
        self.sign_in = SignInScreen(desk, self._memory)
        self.first_admin = FirstAdminScreen(desk)
        self.change_pin = ChangePinScreen()
        self.queue = QueueScreen(desk.settings.alert_sound)
        self.visit = VisitScreen(desk.form)
        self.settings_screen = SettingsScreen(desk.languages)
        self.audit = AuditScreen()
        self.accounts = AccountsScreen()
        self.exports = ExportScreen()
        self._held_visit_id: str | None = None
        self.stack = CurrentPageStack()
        for page in (
            self.sign_in, self.first_admin, self.change_pin, self.queue, self.visit, self.settings_screen, self.audit,
            self.accounts, self.exports,
        ):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.queue.alert_bar)
        layout.addWidget(self.queue.help_bar)
        layout.addWidget(self.stack, 1)
        self.sign_in.signed_in.connect(self._on_signed_in)
        self.sign_in.cancelled.connect(self.leave)
        self.first_admin.created.connect(self._on_signed_in)
        self.change_pin.changed.connect(self._open_queue)
        self.change_pin.cancelled.connect(self.sign_out)
        self.queue.open_requested.connect(self._open_visit)
        self.queue.settings_requested.connect(self._open_settings)
        self.queue.sign_out_requested.connect(self.sign_out)
        self.queue.patient_mode_requested.connect(self.sign_out)
        self.visit.closed.connect(self._show_queue)
        self.visit.changed.connect(self.queue.refresh)
        self.settings_screen.chosen.connect(self._on_settings_chosen)
        self.settings_screen.closed.connect(self._show_queue)
        self.queue.held_visit.continue_requested.connect(self._continue_held_visit)
        self.queue.held_visit.new_visit_requested.connect(self._set_aside_held_visit)
        self.queue.audit_requested.connect(self._open_audit)
        self.audit.closed.connect(self._show_queue)
        self.queue.accounts_requested.connect(self._open_accounts)
        self.accounts.closed.connect(self._show_queue)
        self.accounts.own_access_ended.connect(self.sign_out)
        self.queue.export_requested.connect(self._open_exports)
        self.exports.closed.connect(self._show_queue)
        self._idle = IdleWatch(self)
        self._idle.idle.connect(self._on_idle)

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - reads like the QStackedWidget it wraps
        return self.stack.currentWidget()

    @property
    def settings(self) -> Settings:
        return self._desk.settings

    @property
    def needs_first_admin(self) -> bool:
        return self._desk.needs_first_admin()

    def enter(self, patient_done: bool = False) -> None:
        """Someone asked for staff mode: set-up on first start, else sign-in.

        `patient_done`: no visit is under way on the tablet (it shows the welcome screen),
        so the visit it finished last may be the one to open after sign-in.
        """
        self._patient_done = patient_done
        if self.needs_first_admin:
            self.stack.setCurrentWidget(self.first_admin)
            self.first_admin.name.setFocus()
        else:
            self.stack.setCurrentWidget(self.sign_in)
            self.sign_in.reset()
        self._idle.start(self.settings.staff_idle_timeout_s)

    def alert(self) -> None:
        """This kiosk raised a red flag or finished a visit: re-read the queue now if it is open."""
        if self.session is not None:
            self.queue.refresh()

    def hold(self, visit_id: str | None) -> None:
        """This tablet's visit waits for staff (None: it no longer does)."""
        self._held_visit_id = visit_id
        self.queue.held_visit.setVisible(visit_id is not None and self.session is not None)

    def _continue_held_visit(self) -> None:
        assert self.session is not None and self._held_visit_id is not None
        self.session.continue_held_visit(self._held_visit_id)
        self.hold(None)
        self.held_visit_continued.emit()
        self.sign_out()

    def _set_aside_held_visit(self) -> None:
        self.hold(None)
        self.held_visit_set_aside.emit()
        self.sign_out()

    def sign_out(self) -> None:
        self._idle.stop()
        self.queue.held_visit.hide()
        if self.session is not None:
            self.session.sign_out()
            self.session = None
        self.visit.clear()
        self.audit.clear()
        self.accounts.clear()
        self.exports.clear()
        self.queue.close_session()
        self.change_pin.forget()
        self.sign_in.reset()
        self.leave.emit()

    def _on_idle(self) -> None:
        log.info("staff mode idle: signed out")
        self.sign_out()

    def _on_signed_in(self, session: StaffDesk) -> None:
        self.session = session
        if session.member is not None:
            self._memory.remember_staff(session.member.id)
        if session.pin_change_required:
            self.stack.setCurrentWidget(self.change_pin)
            self.change_pin.ask(session)
            return
        self._open_queue()

    def _open_queue(self) -> None:
        session = self.session
        assert session is not None and session.member is not None
        self.hold(self._held_visit_id)
        self.signed_in.emit()
        self.queue.open_for(session, session.member.name, session.is_admin)
        self.stack.setCurrentWidget(self.queue)
        self._open_handed_back()

    def _open_handed_back(self) -> None:
        """Once per entry, and not while a visit waits on hold here: the fresh visit, Print ready."""
        if not self._patient_done or self._held_visit_id is not None or self.session is None:
            return
        self._patient_done = False
        visit_id = handed_back(self.session, self._memory.read().finished_visit)
        if visit_id is None:
            return
        self._open_visit(visit_id)
        if self.visit.print_button.isEnabled():
            self.visit.print_button.setFocus()

    def _show_queue(self) -> None:
        if self.session is None:
            return
        self.queue.refresh()
        self.stack.setCurrentWidget(self.queue)

    def _open_visit(self, visit_id: str) -> None:
        assert self.session is not None
        self.visit.show_visit(visit_id, self.session, self.settings.printer, sheet_clinic(self.settings))
        self.stack.setCurrentWidget(self.visit)

    def _open_settings(self) -> None:
        if self.session is None or not self.session.is_admin:
            return
        self.settings_screen.edit(self.settings, self.session)
        self.stack.setCurrentWidget(self.settings_screen)

    def _on_settings_chosen(self, settings: Settings) -> None:
        """The admin's new settings: written and audited by their desk, then used everywhere."""
        assert self.session is not None
        try:
            self.session.change_settings(settings)
        except OSError as error:
            # Translators: {problem} is what the system said went wrong.
            self.settings_screen.refuse(_("The settings could not be written: {problem}").format(problem=error.strerror or error))
            return
        self.queue.alert_sound = settings.alert_sound
        self._idle.start(settings.staff_idle_timeout_s)
        self.settings_saved.emit(settings)
        self._show_queue()

    def _open_audit(self) -> None:
        """The audit log, for admins; reading it is audited in their name."""
        if self.session is None or not self.session.is_admin:
            return
        self.audit.show_log(self.session.view_audit())
        self.stack.setCurrentWidget(self.audit)

    def _open_accounts(self) -> None:
        """Staff accounts, for admins; every change there is audited in their name."""
        if self.session is None or not self.session.is_admin:
            return
        self.accounts.show_accounts(self.session)
        self.stack.setCurrentWidget(self.accounts)

    def _open_exports(self) -> None:
        """Export and import, for admins."""
        if self.session is None or not self.session.is_admin:
            return
        self.exports.show_for(self.session)
        self.stack.setCurrentWidget(self.exports)

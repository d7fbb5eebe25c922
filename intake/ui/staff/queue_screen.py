"""The review queue: the chosen days' visits, urgent first, and an alert the moment one is urgent.

Today's visits by default; "Last 7 days", or days picked on a calendar, and the title
says which. Search finds a name or a date of birth typed the way the machine's locale
writes dates. On a portrait tablet the rows fold (the reviewed mark joins the status,
the outcome wraps) so the patient's name keeps room.

The alert bar and the help bar it keeps sit above every staff screen (`alerts.py` says
who sees what). An urgent visit stays in the alert bar until it is marked reviewed;
"Seen" silences it for the person signed in, until the visit changes, and the next
person still sees it. A patient who tapped "I need help" gets a calm line (not the red
alert: nothing is urgent about it) until someone marks the request handled, and a
marker on their row for good. A visit whose summary failed at Finish joins the alert
bar (its answers wait for a person) and carries a marker on its row until its summary
is made or it is discarded.

The list is read from the store (so visits from other stations sharing the database
appear too) when the screen opens, when this kiosk reports a red flag or a finished
visit, as soon as any station commits a change (a red flag, a request for help: within
a second or two), and every few seconds while signed in, whatever else is missed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QComboBox, QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from intake.app.alerts import Alerts
from intake.app.change_watch import ChangeWatch
from intake.app.queue_days import DayChoice, Days, local_today
from intake.app.records import VisitSummary
from intake.app.review_queue import QueueView, is_urgent, narrow
from intake.app.staff_desk import StaffDesk
from intake.ui.staff.day_choice import DayChoiceRow
from intake.ui.staff.held_visit_panel import HeldVisitPanel
from intake.ui.staff.help_bar import HelpBar
from intake.ui.staff.local_dates import clock_time, date_reading, day_and_month, short_date
from intake.ui.staff.table_fit import unwrap_column, wrap_column
from intake.ui.staff.table_items import ROW_HEIGHT, read_only_table, table_item
from intake.ui.staff.visit_words import alert_text, name_of, outcome_of, status_and_marks
from intake.ui.staff.words import N_, _
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.styling import label, touch_button

COLUMNS = (N_("Started"), N_("Patient"), N_("Status"), N_("Outcome"), N_("Reviewed"))
STARTED, PATIENT, STATUS, OUTCOME, REVIEWED = range(len(COLUMNS))
POLL_MS = 10_000
WATCH_MS = 250
"""How often the screen asks whether any station changed the visits (the answer never blocks)."""
NARROW_BELOW = 1000
"""Screen widths (px) below which the layout folds for a portrait tablet."""
SEARCH_HINT = N_("Name or date of birth")
REVIEWED_LINE = N_("Reviewed")


def queue_title(choice: DayChoice, days: Days | None) -> str:
    """What the list holds, in the screen's title."""
    if choice is DayChoice.TODAY or days is None:
        return _("Today's visits")
    if choice is DayChoice.LAST_7_DAYS:
        return _("Visits in the last 7 days")
    if days.single:
        return _("Visits on {day}").format(day=short_date(days.first))
    return _("Visits from {first} to {last}").format(first=short_date(days.first), last=short_date(days.last))


def patient_cell(visit: VisitSummary) -> str:
    """The name, and under it the date of birth that tells two namesakes apart."""
    name = name_of(visit)
    if not visit.date_of_birth:
        return name
    return _("{name}\nborn {date_of_birth}").format(name=name, date_of_birth=short_date(visit.date_of_birth))


def started_cell(visit: VisitSummary, days: Days | None) -> str:
    """The time; over several days, the day above it."""
    if days is not None and days.single:
        return clock_time(visit.started)
    return f"{day_and_month(visit.started.astimezone().date())}\n{clock_time(visit.started)}"


def status_cell(visit: VisitSummary, folded: bool) -> str:
    """The status (and a request for help); folded, the reviewed mark too, its column hidden."""
    return f"{status_and_marks(visit)}\n{_(REVIEWED_LINE)}" if folded and visit.reviewed else status_and_marks(visit)


class QueueScreen(QWidget):
    open_requested = Signal(str)
    settings_requested = Signal()
    audit_requested = Signal()
    accounts_requested = Signal()
    export_requested = Signal()
    sign_out_requested = Signal()
    patient_mode_requested = Signal()

    def __init__(self, alert_sound: bool = False) -> None:
        super().__init__()
        self.setObjectName("staff-queue")
        self.setProperty("role", "staff-screen")
        self._desk: StaffDesk | None = None
        self.alert_sound = alert_sound
        self._today: list[VisitSummary] = []
        """Today's visits, whatever days the list shows: the alert and the help notice are about now."""
        self._listed: list[VisitSummary] = []
        """The visits of the days the list shows, before the view and the search narrow them."""
        self._shown: list[VisitSummary] = []
        self._alerts = Alerts()
        """What the alert bar and the help bar show the person signed in."""
        self._watch: ChangeWatch | None = None
        self._folded = False
        self._reading = date_reading()
        top = self._build_top()
        self._build_alert_bar()
        self.held_visit = HeldVisitPanel()
        """Shown by the staff area while this tablet's visit is on hold."""
        self.day_choice = DayChoiceRow((DayChoice.TODAY, DayChoice.LAST_7_DAYS, DayChoice.PICKED))
        self.day_choice.changed.connect(self.refresh)
        self.day_choice.picking.connect(self._on_picking)
        self._build_table()
        self.list_area = self._build_list_area()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.held_visit)
        layout.addWidget(self.day_choice)
        layout.addWidget(self.list_area, 1)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self._on_watch)

    def _build_top(self) -> QBoxLayout:
        """What is shown and who is signed in, and the ways out (audit log, accounts, export
        and settings for admins only). The buttons wrap rather than widen the screen, and go under the title on a
        portrait tablet."""
        self.title = label(queue_title(DayChoice.TODAY, None), "title")
        self.who = label("", "staff-who", wrap=False)
        self.audit_button = touch_button(_("Audit log"), "quiet", _("Open the audit log"))
        self.settings_button = touch_button(_("Settings"), "quiet")
        self.accounts_button = touch_button(_("Accounts"), "quiet", _("Staff accounts"))
        self.export_button = touch_button(_("Export"), "quiet", _("Export and import visits"))
        self.patient_button = touch_button(_("Patient mode"), "quiet", _("Lock and return to patient mode"))
        self.sign_out_button = touch_button(_("Sign out"), "quiet")
        self.audit_button.clicked.connect(self.audit_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.accounts_button.clicked.connect(self.accounts_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.patient_button.clicked.connect(self.patient_mode_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.who)
        buttons = FlowRow(spacing=12)
        admin = (self.audit_button, self.accounts_button, self.export_button, self.settings_button)
        for button in (*admin, self.patient_button, self.sign_out_button):
            buttons.addWidget(button)
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.addLayout(heading, 1)
        self._top.addLayout(buttons)
        return self._top

    def _build_alert_bar(self) -> None:
        self.alert = label("", "alert")
        self.alert.setAccessibleName(_("Urgent alert"))
        self.alert_seen_button = touch_button(_("Seen"), "quiet", _("I have seen the alert"))
        self.alert_seen_button.clicked.connect(self.acknowledge_alert)
        alert_row = QHBoxLayout()
        alert_row.addWidget(self.alert, 1)
        alert_row.addWidget(self.alert_seen_button)
        self.alert_bar = QWidget()
        """Placed by the staff area above every staff screen, not in this one's layout."""
        self.alert_bar.setObjectName("alert-bar")
        self.alert_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.alert_bar.setLayout(alert_row)
        self.alert_bar.hide()
        self.help_bar = HelpBar()
        """Placed by the staff area under the alert bar, above every staff screen."""
        self.help_bar.handled.connect(self._on_help_handled)

    def _build_filters(self) -> QHBoxLayout:
        self.view = QComboBox()
        for view in QueueView:
            self.view.addItem(_(view), view)
        self.view.setAccessibleName(_("Show"))
        self.view.currentIndexChanged.connect(self._show_rows)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_(SEARCH_HINT))
        self.search.setAccessibleName(_("Search by name or date of birth"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show_rows)
        self.open_button = touch_button(_("Open"), "primary", _("Open the selected visit"))
        self.open_button.clicked.connect(self._on_open)
        filters = QHBoxLayout()
        filters.addWidget(self.view)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.open_button)
        return filters

    def _build_list_area(self) -> QStackedWidget:
        """The filters and the list, or in their place the calendar while staff pick days."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addLayout(self._build_filters())
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        self.list_page = page
        area = QStackedWidget()
        area.addWidget(page)
        area.addWidget(self.day_choice.calendar)
        return area

    def _build_table(self) -> None:
        self.table = read_only_table([_(column) for column in COLUMNS], PATIENT, _("Visits"))
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.horizontalHeader().sectionResized.connect(self._on_column_resized)
        self.table.cellDoubleClicked.connect(self._on_double_click)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.empty = label(_("No visits match."), "caption")

    def open_for(self, desk: StaffDesk, name: str, is_admin: bool) -> None:
        """Shown for a newly signed-in person: their name, their buttons, a fresh list read through their desk."""
        self._desk = desk
        self.who.setText(_("Signed in: {name}").format(name=name))
        for button in (self.settings_button, self.audit_button, self.accounts_button, self.export_button):
            button.setVisible(is_admin)
        self.search.clear()
        self.view.setCurrentIndex(0)
        self.day_choice.reset()
        if self._watch is not None:
            self._watch.close()
        self._watch = desk.watch_changes()
        self.refresh()
        self._poll.start()
        self._watch_timer.start()

    def close_session(self) -> None:
        """Signed out: stop reading the store and leave no names on screen."""
        self._poll.stop()
        self._watch_timer.stop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self._desk = None
        self._today = []
        self._listed = []
        self.search.clear()
        self.who.clear()
        self._show_alerts(Alerts())
        self._show_rows()

    def refresh(self) -> None:
        """Read today's visits (for the alert) and the chosen days' (for the list) again."""
        if self._desk is None:
            return
        today = local_today()
        days, todays = self.day_choice.days(today), Days(today, today)
        self.title.setText(queue_title(self.day_choice.choice, days))
        self._today = self._desk.queue(*todays.bounds())
        if days == todays:
            self._listed = self._today
        else:
            self._listed = self._desk.queue(*days.bounds()) if days is not None else self._desk.queue()
        self._show_rows()
        self._show_alerts(self._desk.alerts(self._today))

    def acknowledge_alert(self) -> None:
        """Seen: silenced for the person signed in, as the visits were shown to them (audited)."""
        if self._desk is None:
            return
        self._desk.mark_alerts_seen(self._alerts)
        self._show_alerts(self._desk.alerts(self._today))

    def _on_help_handled(self, visit_id: str) -> None:
        """Someone took care of the patient: the request clears here, and on the other stations at once."""
        if self._desk is None:
            return
        self._desk.mark_help_handled(visit_id)
        self.refresh()

    def _on_watch(self) -> None:
        if self._watch is not None and self._watch.changed():
            self.refresh()

    @property
    def rows(self) -> list[VisitSummary]:
        return list(self._shown)

    def _show_alerts(self, alerts: Alerts) -> None:
        """The red bar while anything in it is news to this person (a beep when it appears), and the help bar."""
        self._alerts = alerts
        self.help_bar.show_waiting(alerts)
        text = alert_text(alerts)
        was_shown = not self.alert_bar.isHidden()
        self.alert.setText(text)
        self.alert_bar.setVisible(bool(text))
        if text and self.alert_sound and not was_shown:
            QApplication.beep()

    def _show_rows(self) -> None:
        selected = self._selected_id()
        self._shown = narrow(self._listed, QueueView(self.view.currentData()), self.search.text(), self._reading)
        days = self.day_choice.days()
        self.table.setRowCount(len(self._shown))
        for row, visit in enumerate(self._shown):
            cells = (
                started_cell(visit, days),
                patient_cell(visit),
                status_cell(visit, self._folded),
                outcome_of(visit),
                _("Yes") if visit.reviewed else _("No"),
            )
            for column, text in enumerate(cells):
                item = table_item(text, bold=is_urgent(visit))
                item.setData(Qt.ItemDataRole.UserRole, visit.id)
                self.table.setItem(row, column, item)
            if visit.help_requested or visit.summary_failed or visit.answered_before:
                self.table.resizeRowToContents(row)
            if visit.id == selected:
                self.table.selectRow(row)
        self._fit_columns()
        self.empty.setVisible(not self._shown)
        self._on_selection()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Fold for a portrait tablet: buttons under the title, the reviewed mark into the status."""
        folded = event.size().width() < NARROW_BELOW
        direction = QBoxLayout.Direction.TopToBottom if folded else QBoxLayout.Direction.LeftToRight
        if self._top.direction() != direction:
            self._top.setDirection(direction)
        if folded != self._folded:
            self._folded = folded
            self._show_rows()
        super().resizeEvent(event)

    def _fit_columns(self) -> None:
        """Folded, the outcome wraps onto two lines so the name keeps room; rows grow to their text."""
        self.table.setColumnHidden(REVIEWED, self._folded)
        if self._folded:
            wrap_column(self.table, OUTCOME, (outcome_of(visit) for visit in self._shown))
        else:
            unwrap_column(self.table, OUTCOME)
        self.table.resizeRowsToContents()

    def _on_column_resized(self, column: int, _old: int, _new: int) -> None:
        """The name's column took the width left: its rows may now need more (or fewer) lines."""
        if column == PATIENT:
            self.table.resizeRowsToContents()

    def _on_picking(self, picking: bool) -> None:
        self.list_area.setCurrentWidget(self.day_choice.calendar if picking else self.list_page)

    def _selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _on_selection(self) -> None:
        self.open_button.setEnabled(self._selected_id() is not None)

    def _on_open(self) -> None:
        visit_id = self._selected_id()
        if visit_id:
            self.open_requested.emit(visit_id)

    def _on_double_click(self, row: int, _column: int) -> None:
        self.open_requested.emit(self._shown[row].id)

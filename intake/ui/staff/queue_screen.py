"""The review queue: today's visits, urgent first, and an alert the moment one is urgent.

A patient who tapped "I need help" gets a calm line above the list (not the red alert:
nothing is urgent about it) until their visit is marked reviewed, and a marker on
their row. A visit whose summary failed at Finish joins the alert bar (its answers wait
for a person) and carries a marker on its row until its summary is made or it is
discarded.

The list is read from the store (so visits from other stations sharing a PostgreSQL
server appear too) when the screen opens, when this kiosk reports a red flag or a
finished visit, and every few seconds while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake.app.records import VisitSummary
from intake.app.review_queue import (
    QueueView,
    help_notice,
    is_urgent,
    narrow,
    outcome_words,
    patient_name,
    start_of_today,
    status_with_help,
    summary_failed_notice,
)
from intake.app.staff_desk import StaffDesk
from intake.ui.staff.held_visit_panel import HeldVisitPanel
from intake.ui.staff.table_items import table_item
from intake.ui.widgets.styling import label, touch_button

COLUMNS = ("Started", "Patient", "Status", "Outcome", "Reviewed")
POLL_MS = 10_000


class QueueScreen(QWidget):
    open_requested = Signal(str)
    settings_requested = Signal()
    sign_out_requested = Signal()
    patient_mode_requested = Signal()

    def __init__(self, alert_sound: bool = False) -> None:
        super().__init__()
        self.setObjectName("staff-queue")
        self.setProperty("role", "staff-screen")
        self._desk: StaffDesk | None = None
        self.alert_sound = alert_sound
        self._today: list[VisitSummary] = []
        self._shown: list[VisitSummary] = []
        self._seen: set[str] = set()
        """Visits whose alert someone tapped "Seen" on, as `id` (urgent) or `id summary` (summary failed)."""
        top = self._build_top()
        self._build_alert_bar()
        self.held_visit = HeldVisitPanel()
        """Shown by the staff area while this tablet's visit is on hold."""
        self.help_notice = label("", "staff-calm")
        self.help_notice.setAccessibleName("Asked for help")
        self.help_notice.hide()
        filters = self._build_filters()
        self._build_table()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.held_visit)
        layout.addWidget(self.help_notice)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)

    def _build_top(self) -> QHBoxLayout:
        """Who is signed in, and the ways out (settings for admins only)."""
        self.who = label("", "staff-who", wrap=False)
        self.settings_button = touch_button("Settings", "quiet")
        self.patient_button = touch_button("Patient mode", "quiet", "Lock and return to patient mode")
        self.sign_out_button = touch_button("Sign out", "quiet")
        self.settings_button.clicked.connect(self.settings_requested)
        self.patient_button.clicked.connect(self.patient_mode_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        heading = QVBoxLayout()
        heading.addWidget(label("Today's visits", "title"))
        heading.addWidget(self.who)
        top = QHBoxLayout()
        top.addLayout(heading)
        top.addStretch(1)
        for button in (self.settings_button, self.patient_button, self.sign_out_button):
            top.addWidget(button)
        return top

    def _build_alert_bar(self) -> None:
        self.alert = label("", "alert")
        self.alert.setAccessibleName("Urgent alert")
        self.alert_seen_button = touch_button("Seen", "quiet", "I have seen the alert")
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

    def _build_filters(self) -> QHBoxLayout:
        self.view = QComboBox()
        self.view.addItems([str(view) for view in QueueView])
        self.view.setAccessibleName("Show")
        self.view.currentIndexChanged.connect(self._show_rows)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name")
        self.search.setAccessibleName("Search by name")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show_rows)
        self.open_button = touch_button("Open", "primary", "Open the selected visit")
        self.open_button.clicked.connect(self._on_open)
        filters = QHBoxLayout()
        filters.addWidget(label("Show", "field", wrap=False))
        filters.addWidget(self.view)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.open_button)
        return filters

    def _build_table(self) -> None:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Visits")
        self.table.cellDoubleClicked.connect(self._on_double_click)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.empty = label("No visits match.", "caption")

    def open_for(self, desk: StaffDesk, name: str, is_admin: bool) -> None:
        """Shown for a newly signed-in person: their name, their buttons, a fresh list read through their desk."""
        self._desk = desk
        self.who.setText(f"Signed in: {name}")
        self.settings_button.setVisible(is_admin)
        self.search.clear()
        self.view.setCurrentIndex(0)
        self.refresh()
        self._poll.start()

    def close_session(self) -> None:
        """Signed out: stop reading the store and leave no names on screen."""
        self._poll.stop()
        self._desk = None
        self._today = []
        self.search.clear()
        self.who.clear()
        self.alert.clear()
        self.alert_bar.hide()
        self._show_help_notice()
        self._show_rows()

    def refresh(self) -> None:
        if self._desk is None:
            return
        self._today = self._desk.queue(since=start_of_today())
        self._show_rows()
        self._show_help_notice()
        self._raise_alert()

    def acknowledge_alert(self) -> None:
        self._seen.update(visit.id for visit in self._today if is_urgent(visit))
        self._seen.update(f"{visit.id} summary" for visit in self._today if visit.summary_failed)
        self.alert_bar.hide()

    @property
    def rows(self) -> list[VisitSummary]:
        return list(self._shown)

    def _raise_alert(self) -> None:
        unseen = [visit for visit in self._today if is_urgent(visit) and not visit.reviewed and visit.id not in self._seen]
        failed = summary_failed_notice(visit for visit in self._today if f"{visit.id} summary" not in self._seen)
        if not unseen and not failed:
            self.alert_bar.hide()
            return
        was_shown = not self.alert_bar.isHidden()
        lines = [failed] if failed else []
        if unseen:
            names = ", ".join(patient_name(visit) for visit in unseen)
            count = f"{len(unseen)} visit needs" if len(unseen) == 1 else f"{len(unseen)} visits need"
            lines.insert(0, f"URGENT: {count} a clinician now (red flag): {names}")
        self.alert.setText("\n".join(lines))
        self.alert_bar.show()
        if self.alert_sound and not was_shown:
            QApplication.beep()

    def _show_help_notice(self) -> None:
        text = help_notice(self._today)
        self.help_notice.setText(text)
        self.help_notice.setVisible(bool(text))

    def _show_rows(self) -> None:
        selected = self._selected_id()
        self._shown = narrow(self._today, QueueView(self.view.currentText()), self.search.text())
        self.table.setRowCount(len(self._shown))
        for row, visit in enumerate(self._shown):
            cells = (
                visit.started.astimezone().strftime("%H:%M"),
                patient_name(visit),
                status_with_help(visit),
                outcome_words(visit),
                "Yes" if visit.reviewed else "No",
            )
            for column, text in enumerate(cells):
                item = table_item(text, bold=is_urgent(visit))
                item.setData(Qt.ItemDataRole.UserRole, visit.id)
                self.table.setItem(row, column, item)
            if visit.help_requested or visit.summary_failed:
                self.table.resizeRowToContents(row)
            if visit.id == selected:
                self.table.selectRow(row)
        self.empty.setVisible(not self._shown)
        self._on_selection()

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

"""The audit log for admins: who did what, to which visit, when; and whether the chain verifies.

The rows are read once, as the viewer opens (an audited act); filters then narrow what
is on screen without reading again. The chain is checked over the whole log, so a
filter can never hide a break. Rows hold ids and actions only, never names or answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from intake.app.audit_view import ACTIONS, SHOWN_AT_MOST, AuditFilter, AuditLogView, filtered, staff_ids
from intake.app.queue_days import DayChoice
from intake.app.records import AuditRow
from intake.ui.staff.day_choice import DayChoiceRow
from intake.ui.staff.local_dates import clock_time, short_date
from intake.ui.staff.table_fit import unwrap_column, wrap_column
from intake.ui.staff.table_items import read_only_table, table_item
from intake.ui.staff.words import N_, _, ngettext
from intake.ui.widgets.styling import label, set_state, touch_button

COLUMNS = (N_("When"), N_("Staff"), N_("Action"), N_("Visit"))
WHEN, STAFF, ACTION, VISIT = range(len(COLUMNS))
NARROW_BELOW = 1000
"""Screen widths (px) below which the action wraps so the visit id keeps room."""
ANYONE = N_("Anyone")
ANY_ACTION = N_("Any action")
PROBLEMS_SHOWN = 3

ACTION_WORDS: Mapping[str, str] = {
    "viewed": N_("Viewed"),
    "printed": N_("Printed"),
    "printed_info": N_("Printed info"),
    "exported": N_("Exported"),
    "resumed": N_("Resumed"),
    "paused": N_("Paused"),
    "discarded": N_("Discarded"),
    "purged": N_("Purged"),
    "settings_changed": N_("Settings changed"),
    "imported": N_("Imported"),
    "reviewed": N_("Reviewed"),
    "signed_in": N_("Signed in"),
    "sign_in_failed": N_("Sign in failed"),
    "signed_out": N_("Signed out"),
    "staff_added": N_("Staff added"),
    "staff_disabled": N_("Staff disabled"),
    "pin_changed": N_("Pin changed"),
    "help_requested": N_("Help requested"),
    "started": N_("Started"),
    "set_aside": N_("Set aside"),
    "interrupted": N_("Interrupted"),
    "finished": N_("Finished"),
    "sealed": N_("Sealed"),
    "summary_failed": N_("Summary failed"),
    "recovered": N_("Recovered"),
    "audit_viewed": N_("Audit viewed"),
    "test_printed": N_("Test printed"),
    "backup_made": N_("Backup made"),
    "restored": N_("Restored from a backup"),
    "set_up": N_("Clinic set up"),
    "alert_seen": N_("Alert seen"),
    "help_handled": N_("Help handled"),
    "amended": N_("Amended"),
    "note_added": N_("Note added"),
    "answers_printed": N_("Answers printed"),
    "summary_remade": N_("Summary remade"),
    "role_changed": N_("Role changed"),
    "pin_reset": N_("Pin reset"),
}
"""Each action the log records (`ACTIONS`), in words a translator can see: the codes are the log's."""


def action_words(action: str) -> str:
    """"settings_changed" reads "Settings changed"; an action this version does not know (a newer
    station's, on a shared database) reads as its code does."""
    words = ACTION_WORDS.get(action)
    return _(words) if words else action.replace("_", " ").capitalize()


def when_cell(row: AuditRow, folded: bool) -> str:
    """The day and the time to the second; folded, on two lines."""
    moment = datetime.fromisoformat(row.at)
    between = "\n" if folded else " "
    return f"{short_date(moment.astimezone().date())}{between}{clock_time(moment, seconds=True)}"


def staff_cell(row: AuditRow) -> str:
    """The person acting, and the account it was about when that is someone else."""
    return _("{staff_id}\nabout {subject}").format(staff_id=row.staff_id, subject=row.subject) if row.subject else row.staff_id


def chain_words(breaks: list[str], rows: int) -> str:
    if not breaks:
        verifies = ngettext(
            "The chain verifies: its {count} row is as it was written.",
            "The chain verifies: all {count} rows are as they were written.",
            rows,
        )
        return verifies.format(count=rows)
    if len(breaks) > PROBLEMS_SHOWN:
        broken = ngettext(
            'The chain does NOT verify ({count} problem): {problems}; and {more} more. See "intake audit verify".',
            'The chain does NOT verify ({count} problems): {problems}; and {more} more. See "intake audit verify".',
            len(breaks),
        )
    else:
        broken = ngettext(
            'The chain does NOT verify ({count} problem): {problems}. See "intake audit verify".',
            'The chain does NOT verify ({count} problems): {problems}. See "intake audit verify".',
            len(breaks),
        )
    problems = "; ".join(breaks[:PROBLEMS_SHOWN])
    return broken.format(count=len(breaks), problems=problems, more=len(breaks) - PROBLEMS_SHOWN)


def count_words(shown: int, matching: int) -> str:
    if matching > shown:
        newest = ngettext(
            "The newest {shown} of {count} matching row: narrow the filters to see older ones.",
            "The newest {shown} of {count} matching rows: narrow the filters to see older ones.",
            matching,
        )
        return newest.format(shown=shown, count=matching)
    if matching == 0:
        return _("No rows match.")
    return ngettext("{count} row.", "{count} rows.", matching).format(count=matching)


class AuditScreen(QWidget):
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("staff-audit")
        self.setProperty("role", "staff-screen")
        self._rows: list[AuditRow] = []
        self._shown: list[AuditRow] = []
        self._folded = False
        self.back_button = touch_button(_("Back"), "quiet", _("Back to the visits"))
        self.back_button.clicked.connect(self.closed)
        self.chain = label("", "staff-calm")
        self.chain.setAccessibleName(_("Audit chain"))
        self.day_choice = DayChoiceRow((DayChoice.TODAY, DayChoice.LAST_7_DAYS, DayChoice.PICKED, DayChoice.ALL))
        self.day_choice.changed.connect(self._show_rows)
        self.day_choice.picking.connect(self._on_picking)
        self._build_table()
        self.list_area = QStackedWidget()
        self.list_area.addWidget(self._build_list_page())
        self.list_area.addWidget(self.day_choice.calendar)
        heading = QHBoxLayout()
        heading.addWidget(label(_("Audit log"), "title"), 1)
        heading.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addWidget(self.chain)
        layout.addWidget(self.day_choice)
        layout.addWidget(self.list_area, 1)

    def _build_filters(self) -> QGridLayout:
        self.visit = QLineEdit()
        self.visit.setPlaceholderText(_("Visit id"))
        self.visit.setAccessibleName(_("Visit id, or its end"))
        self.visit.setClearButtonEnabled(True)
        self.visit.textChanged.connect(self._show_rows)
        self.staff = QComboBox()
        self.staff.setAccessibleName(_("Staff"))
        self.staff.currentIndexChanged.connect(self._show_rows)
        self.action = QComboBox()
        self.action.setAccessibleName(_("Action"))
        self.action.addItem(_(ANY_ACTION), "")
        for action in ACTIONS:
            self.action.addItem(action_words(action), action)
        self.action.currentIndexChanged.connect(self._show_rows)
        self._filters = QGridLayout()
        self._filters.setSpacing(12)
        self._place_filters()
        return self._filters

    def _place_filters(self) -> None:
        """One row; folded, the visit id gets a row of its own, wide enough for a whole id."""
        for widget in (self.visit, self.staff, self.action):
            self._filters.removeWidget(widget)
        if self._folded:
            self._filters.addWidget(self.visit, 0, 0, 1, 2)
            self._filters.addWidget(self.staff, 1, 0)
            self._filters.addWidget(self.action, 1, 1)
        else:
            self._filters.addWidget(self.visit, 0, 0)
            self._filters.addWidget(self.staff, 0, 1)
            self._filters.addWidget(self.action, 0, 2)
        for column, stretch in enumerate((1, 1, 0) if self._folded else (1, 0, 0)):
            self._filters.setColumnStretch(column, stretch)

    def _build_table(self) -> None:
        self.table = read_only_table([_(column) for column in COLUMNS], VISIT, _("Audit rows, newest first"), selectable=False)
        self.count = label("", "caption")

    def _build_list_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addLayout(self._build_filters())
        column.addWidget(self.table, 1)
        column.addWidget(self.count)
        self.list_page = page
        return page

    def show_log(self, log: AuditLogView) -> None:
        """The log as just read (its opening already audited): every filter cleared, today's rows."""
        rows = log.rows
        self._rows = rows
        breaks = log.problems
        self.chain.setText(chain_words(breaks, len(rows)))
        set_state(self.chain, "broken", bool(breaks))
        self.staff.blockSignals(True)
        self.staff.clear()
        self.staff.addItem(_(ANYONE), "")
        for staff_id in staff_ids(rows):
            self.staff.addItem(staff_id, staff_id)
        self.staff.blockSignals(False)
        self.action.setCurrentIndex(0)
        self.visit.clear()
        self.day_choice.reset()
        self._show_rows()

    def clear(self) -> None:
        """Signed out: nothing of the log stays on screen."""
        self._rows = []
        self.chain.clear()
        self.visit.clear()
        self._show_rows()

    @property
    def rows(self) -> list[AuditRow]:
        return list(self._shown)

    def wanted(self) -> AuditFilter:
        return AuditFilter(
            days=self.day_choice.days(),
            visit_id=self.visit.text(),
            staff_id=self.staff.currentData() or "",
            action=self.action.currentData() or "",
        )

    def _show_rows(self) -> None:
        matching = filtered(self._rows, self.wanted())
        self._shown = matching[:SHOWN_AT_MOST]
        self.table.setRowCount(len(self._shown))
        for index, row in enumerate(self._shown):
            cells = (when_cell(row, self._folded), staff_cell(row), action_words(row.action), row.visit_id or "")
            for column, text in enumerate(cells):
                self.table.setItem(index, column, table_item(text))
        if self._folded:
            wrap_column(self.table, ACTION, (action_words(row.action) for row in self._shown))
        else:
            unwrap_column(self.table, ACTION)
        self.table.resizeRowsToContents()
        self.count.setText(count_words(len(self._shown), len(matching)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        folded = event.size().width() < NARROW_BELOW
        if folded != self._folded:
            self._folded = folded
            self._place_filters()
            self._show_rows()
        super().resizeEvent(event)

    def _on_picking(self, picking: bool) -> None:
        self.list_area.setCurrentWidget(self.day_choice.calendar if picking else self.list_page)

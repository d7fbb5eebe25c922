"""Export and import, for admins: visits of chosen days as CSV, and a response file read in.

Exports go to the clinic's export folder (a setting), named by the days only, written
for this user alone, and audited one row per visit. One visit's FHIR Bundle is exported
from the visit itself. Importing reads a file exactly as `intake import` does (our JSON
or a FHIR QuestionnaireResponse) and stores it as a finished visit, assessed under the
clinic's policy; the same response again is named by the visit it was stored as.

The file to import is chosen in the system's file dialog opened read-only (nothing can
be renamed or deleted from it), starting in the export folder, or the home folder
while there is none. Admins only: the dialog shows the computer's files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QScrollArea, QScroller, QStackedWidget, QVBoxLayout, QWidget

from intake.app.errors import AlreadyImported
from intake.app.queue_days import DayChoice, Days, local_today
from intake.app.response_files import UnreadableFile, read_response
from intake.app.staff_desk import StaffDesk
from intake.ui.staff.day_choice import DayChoiceRow
from intake.ui.staff.local_dates import short_date
from intake.ui.staff.settings_screen import setting_label
from intake.ui.staff.words import N_, _, ngettext
from intake.ui.widgets.styling import label, touch_button

LINES_SHOWN = 5
"""A file refused for many reasons shows its first few; `intake import` lists them all."""
# Translators: keep "(*.json)", "(*)" and ";;" as they are: the file dialog reads them as patterns.
FILE_FILTER = N_("Response files (*.json);;All files (*)")


def cannot_export(folder: Path, error: OSError) -> str:
    return _("Could not write in {folder}: {problem}. Check “{setting}” in Settings.").format(
        folder=folder, problem=error.strerror or error, setting=setting_label("export_dir")
    )


def started_words(days: Days) -> str:
    """Under the day choice: which visits an export takes."""
    if days.single:
        return _("Visits started on {day}.").format(day=short_date(days.first))
    return _("Visits started from {first} to {last}.").format(first=short_date(days.first), last=short_date(days.last))


def nothing_started_words(days: Days) -> str:
    if days.single:
        return _("No visits started on {day}: nothing was exported.").format(day=short_date(days.first))
    return _("No visits started from {first} to {last}: nothing was exported.").format(
        first=short_date(days.first), last=short_date(days.last)
    )


def refused_words(name: str, lines: list[str]) -> str:
    shown = lines[:LINES_SHOWN]
    hidden = len(lines) - LINES_SHOWN
    more = [ngettext("… and {count} more.", "… and {count} more.", hidden).format(count=hidden)] if hidden > 0 else []
    return "\n".join([_("{file} was not imported:").format(file=name), *shown, *more])


class ExportScreen(QWidget):
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("staff-export")
        self.setProperty("role", "staff-screen")
        self._session: StaffDesk | None = None
        self.back_button = touch_button(_("Back"), "quiet", _("Back to the visits"))
        self.back_button.clicked.connect(self._on_back)
        heading = QHBoxLayout()
        heading.addWidget(label(_("Export and import"), "title"), 1)
        heading.addWidget(self.back_button)
        self.folder = label("", "caption")
        self.folder.setAccessibleName(_("Export folder"))
        self.notice = label("", "notice")
        self.notice.setAccessibleName(_("Message"))
        self.notice.hide()
        self.day_choice = DayChoiceRow((DayChoice.TODAY, DayChoice.LAST_7_DAYS, DayChoice.PICKED))
        self.day_choice.changed.connect(self._on_days)
        self.day_choice.picking.connect(self._on_picking)
        self.area = QStackedWidget()
        self.main_page = _scrolling(self._build_main_page())
        self.area.addWidget(self.main_page)
        self.area.addWidget(self.day_choice.calendar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addWidget(self.folder)
        layout.addWidget(self.notice)
        layout.addWidget(self.area, 1)

    def _build_main_page(self) -> QWidget:
        self.csv_button = touch_button(_("Export CSV"), "primary", _("Export the chosen days' visits as CSV"))
        self.csv_button.clicked.connect(self.export_csv)
        self.import_button = touch_button(_("Import a file…"), "primary", _("Import a response file"))
        self.import_button.clicked.connect(self.import_file)
        self.days_caption = label("", "caption")
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(label(_("Visits as CSV"), "subtitle"))
        column.addWidget(self.day_choice)
        column.addWidget(self.days_caption)
        column.addLayout(_left(self.csv_button))
        column.addWidget(label(_("One visit as FHIR: open it from the list and tap “Export FHIR”."), "caption"))
        column.addSpacing(24)
        column.addWidget(label(_("Import a response file"), "subtitle"))
        column.addWidget(label(_(
            "Our JSON or a FHIR QuestionnaireResponse. It is stored as a finished visit, assessed under "
            "this clinic's policy, and appears in the list."
        ), "caption"))
        column.addLayout(_left(self.import_button))
        column.addStretch(1)
        return page

    def show_for(self, session: StaffDesk) -> None:
        """Today's visits chosen, the folder named, no message."""
        self._session = session
        self.folder.setText(_("Files go to {folder}").format(folder=session.exports_folder))
        self.day_choice.reset()
        self._show_notice("")
        self._on_days()
        self.main_page.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        """Signed out: no session, no message naming a file."""
        self._session = None
        self.folder.clear()
        self._show_notice("")
        self.day_choice.reset()

    def chosen_days(self) -> Days:
        return self.day_choice.days() or Days(local_today(), local_today())

    def export_csv(self) -> None:
        """The chosen days' visits into the export folder; the notice says where, or why not."""
        if self._session is None:
            return
        days = self.chosen_days()
        try:
            done = self._session.export_days_csv(days)
        except OSError as error:
            self._show_notice(cannot_export(self._session.exports_folder, error))
            return
        if done.visits == 0:
            self._show_notice(nothing_started_words(days))
            return
        exported = ngettext("Exported {count} visit to {file}", "Exported {count} visits to {file}", done.visits)
        self._show_notice(exported.format(count=done.visits, file=done.path))

    def import_file(self) -> None:
        """A response file the admin chooses, read and stored as `intake import` does."""
        if self._session is None:
            return
        path = self.choose_response_file(self._start_folder())
        if path is None:
            return
        try:
            response = read_response(path, self._session.station.form, self._session.station.settings)
        except UnreadableFile as refusal:
            self._show_notice(refused_words(path.name, refusal.lines))
            return
        try:
            finished = self._session.import_response(response)
        except AlreadyImported as already:
            self._show_notice(_("{file}: {problem}. Nothing was stored.").format(file=path.name, problem=already))
            return
        self._show_notice(_("Imported {file} as visit {visit}.").format(file=path.name, visit=finished.visit_id))

    def choose_response_file(self, start: Path) -> Path | None:
        """The file the admin picks, None if they cancel. Tests stand in for this one method."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Import a response file"), str(start), _(FILE_FILTER), options=QFileDialog.Option.ReadOnly
        )
        return Path(chosen) if chosen else None

    def _start_folder(self) -> Path:
        assert self._session is not None
        folder = self._session.exports_folder
        return folder if folder.is_dir() else Path.home()

    def _on_days(self) -> None:
        self.days_caption.setText(started_words(self.chosen_days()))

    def _on_picking(self, picking: bool) -> None:
        self.area.setCurrentWidget(self.day_choice.calendar if picking else self.main_page)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _on_back(self) -> None:
        self._show_notice("")
        self.closed.emit()


def _left(button: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def _scrolling(page: QWidget) -> QScrollArea:
    """The page, dragged by touch when the screen is short for it (landscape, or a long refusal above)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    area.setWidget(page)
    return area

"""Clinician notes on a visit: staff read the notes written so far and add one.

Notes are for staff only, never shown to the patient. On a finished visit the summary
is made again with every note at its end, so a reprint carries them; an unfinished
visit keeps them with its answers. A tab of the visit screen rather than a dialog, so
the on-screen keyboard serves the note's field; what was typed is forgotten once staff
leave the visit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from intake.app.amending import AmendmentRefused
from intake.app.errors import StoreError
from intake.ui.staff.table_items import table_item
from intake.ui.staff.visit_host import VisitHost
from intake.ui.widgets.styling import label, touch_button
from intake.visit_status import FINISHED

TITLE = "Clinician notes"
INTRO = "For clinic staff only. On a finished visit, notes are printed at the end of the summary."
NEW_NOTE = "New note"
ADD = "Add the note"
NONE_YET = "No notes yet."
ADDED_TO_SUMMARY = "Note added. It is printed at the end of the summary."
ADDED = "Note added. It is kept with the visit's answers."
COLUMN_MIN_HEIGHT = 96
"""Below its scroll bar's own minimum: the column scrolls rather than make the visit screen taller."""


def tab_title(count: int) -> str:
    return f"{TITLE} ({count})" if count else TITLE


class NotesTab(QWidget):
    def __init__(self, host: VisitHost) -> None:
        super().__init__()
        self.setObjectName("clinician-notes")
        self._host = host
        self.notes = QTableWidget(0, 2)
        self.notes.setHorizontalHeaderLabels(("Written", "Note"))
        self.notes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes.setWordWrap(True)
        self.notes.verticalHeader().hide()
        header = self.notes.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.none_yet = label(NONE_YET, "caption")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(NEW_NOTE)
        self.editor.setPlaceholderText(NEW_NOTE)
        self.message = label("", "error")
        self.message.setAccessibleName("Problem")
        self.message.hide()
        self.add_button = touch_button(ADD, "primary")
        self.add_button.clicked.connect(self.add)
        self._lay_out()
        host.tabs.installEventFilter(self)

    def _lay_out(self) -> None:
        """In a column of its own that scrolls: the tab keeps a small minimum height, so the
        visit screen fits a landscape tablet under the alert bars, the keyboard too. The
        button stays under the column, in sight above the keyboard while staff type."""
        actions = QHBoxLayout()
        actions.setContentsMargins(8, 0, 8, 8)
        actions.addStretch(1)
        actions.addWidget(self.add_button)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(label(INTRO, "caption"))
        layout.addWidget(self.notes, 2)
        layout.addWidget(self.none_yet)
        layout.addWidget(label(NEW_NOTE, "field"))
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)
        scroll = QScrollArea()
        scroll.setMinimumHeight(COLUMN_MIN_HEIGHT)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(actions)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The visit screen's tabs show with a visit: its notes are read. They hide when staff leave it."""
        if event.type() == QEvent.Type.Show:
            self.refresh()
        elif event.type() == QEvent.Type.Hide:
            self.forget()
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """The visit's notes, oldest first, and their count on the tab."""
        self.forget()
        session, visit = self._host.session, self._host.visit
        if session is None or visit is None:
            return
        notes = session.addenda(visit.summary.id).notes
        for line in notes:
            row = self.notes.rowCount()
            self.notes.insertRow(row)
            written = f"{line.when.astimezone():%d %b %Y %H:%M}\n{line.who}"
            for column, text in enumerate((written, line.text)):
                self.notes.setItem(row, column, table_item(text))
        self.notes.resizeRowsToContents()
        self.none_yet.setVisible(not notes)
        self.notes.setVisible(bool(notes))
        self._host.tabs.setTabText(self._host.tabs.indexOf(self), tab_title(len(notes)))

    def forget(self) -> None:
        """Nothing of the visit stays in the tab."""
        self.notes.setRowCount(0)
        self.editor.clear()
        self._show_message("")
        self._host.tabs.setTabText(self._host.tabs.indexOf(self), TITLE)

    def add(self) -> None:
        session, visit = self._host.session, self._host.visit
        if session is None or visit is None:
            return
        try:
            noted = session.add_note(visit.summary.id, self.editor.toPlainText())
        except (AmendmentRefused, StoreError) as refused:
            self._show_message(str(refused))
            return
        self._host.show_changed(noted, ADDED_TO_SUMMARY if noted.summary.status == FINISHED else ADDED)
        self.refresh()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

"""Clinician notes on a visit: staff read the notes written so far and add one.

Notes are for staff only, never shown to the patient. On a finished visit the summary
is made again with every note at its end, so a reprint carries them; an unfinished
visit keeps them with its answers. A tab of the visit screen rather than a dialog, so
the on-screen keyboard serves the note's field; what was typed is forgotten once staff
leave the visit.

"New note…" puts the note's form in the list's place and gives it the whole visit
screen under the alerts (`VisitHost.focus_form`), as amending an answer does: on a
landscape tablet the keyboard leaves too little room for anything else. Cancel and
"Add the note" stay under the box, in sight above the keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPlainTextEdit, QTableWidget, QVBoxLayout, QWidget

from intake.app.amending import AmendmentRefused
from intake.app.errors import StoreError
from intake.ui.current_page_stack import CurrentPageStack
from intake.ui.staff.table_items import table_item
from intake.ui.staff.visit_host import VisitHost
from intake.ui.staff.visit_words import name_of, refusal_words
from intake.ui.staff.words import N_, _
from intake.ui.widgets.styling import label, touch_button
from intake.visit_status import FINISHED

TITLE = N_("Clinician notes")
INTRO = N_("For clinic staff only. On a finished visit, notes are printed at the end of the summary.")
NEW_NOTE = N_("New note")


def tab_title(count: int) -> str:
    """The tab's name, with how many notes the visit has once it has any."""
    if not count:
        return _(TITLE)
    # Translators: the notes tab's name; {count} is how many notes the visit has.
    return _("Clinician notes ({count})").format(count=count)


class NotesTab(CurrentPageStack):
    """The notes written so far with "New note…" under them, and the note's form in their place."""

    def __init__(self, host: VisitHost) -> None:
        super().__init__()
        self.setObjectName("clinician-notes")
        self._host = host
        self.notes = QTableWidget(0, 2)
        self.notes.setHorizontalHeaderLabels((_("Written"), _("Note")))
        self.notes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes.setWordWrap(True)
        self.notes.verticalHeader().hide()
        header = self.notes.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.none_yet = label(_("No notes yet."), "caption")
        self.write_button = touch_button(_("New note…"), "primary", _("Write a new clinician note"))
        self.write_button.clicked.connect(self.start)
        self.form_title = label(_(NEW_NOTE), "subtitle")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_(NEW_NOTE))
        self.editor.setPlaceholderText(_(NEW_NOTE))
        self.message = label("", "error")
        self.message.setAccessibleName(_("Problem"))
        self.message.hide()
        self.add_button = touch_button(_("Add the note"), "primary")
        self.cancel_button = touch_button(_("Cancel"), "quiet", _("Cancel the note"))
        self.add_button.clicked.connect(self.add)
        self.cancel_button.clicked.connect(self.cancel)
        self.list_page = self._list_page()
        self.form_page = self._form_page()
        self.addWidget(self.list_page)
        self.addWidget(self.form_page)
        host.tabs.installEventFilter(self)

    def _list_page(self) -> QWidget:
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.write_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(label(_(INTRO), "caption"))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.none_yet)
        layout.addStretch(0)
        layout.addLayout(actions)
        return page

    def _form_page(self) -> QWidget:
        """The box takes the room there is; Cancel and "Add the note" under it, in sight above the keys."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.form_title)
        layout.addWidget(self.message)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        return page

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
        """Nothing of the visit stays in the tab: the list again, the box empty."""
        self.notes.setRowCount(0)
        self._close_form()
        self._host.tabs.setTabText(self._host.tabs.indexOf(self), _(TITLE))

    def start(self) -> None:
        """The note's form, for the whole screen, its box ready for the keys."""
        visit = self._host.visit
        if visit is None:
            return
        # Translators: the note form's title; {name} is the patient's.
        self.form_title.setText(_("New note: {name}").format(name=name_of(visit.summary)))
        self.setCurrentWidget(self.form_page)
        self._host.focus_form(True)
        self.editor.setFocus()

    def cancel(self) -> None:
        self._close_form()

    def _close_form(self) -> None:
        self.editor.clear()
        self._show_message("")
        if self.currentWidget() is self.form_page:
            self.setCurrentWidget(self.list_page)
            self._host.focus_form(False)

    def add(self) -> None:
        session, visit = self._host.session, self._host.visit
        if session is None or visit is None:
            return
        try:
            noted = session.add_note(visit.summary.id, self.editor.toPlainText())
        except AmendmentRefused as refused:
            self._show_message(refusal_words(refused))
            return
        except StoreError as failed:
            self._show_message(str(failed))
            return
        self._close_form()
        printed = noted.summary.status == FINISHED
        self._host.show_changed(
            noted,
            _("Note added. It is printed at the end of the summary.") if printed
            else _("Note added. It is kept with the visit's answers."),
        )
        self.refresh()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

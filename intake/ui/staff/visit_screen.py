"""One visit for staff: the summary PDF exactly as stored, every answer, and what to do next.

Opening, printing, saving and marking reviewed each write an audit row through the
session. The summary shown is the stored PDF itself (not a re-rendering), so what the
clinician reads here, on paper and in the store are the same bytes.

A visit's next steps are in view, the most used first (Print, for a finished visit);
the rest wait under "More actions" (`more_actions.py`), so the screen fits a portrait
tablet and Print never hides among a dozen buttons. With the clinic's printer set and
installed, Print sends the stored PDF there without a dialog (a patient handing the
tablet back is the usual reason to print, and the clinic's printer the usual place);
"Choose printer…" beside it opens the system print dialog.

Staff can also print the patient information sheet for any visit, whatever its outcome,
in the language the patient answered in unless they pick another. It is a handout, not a
record: it is rendered when printed, and only the printing is audited.

Staff amend an answer from the Answers tab and add clinician notes in their own tab
(`amend_panel.py`, `notes_tab.py`); either makes the stored summary again.

A visit the patient did not finish has no summary. Staff can mark it reviewed, print its
answers so far (rendered for that print, never stored), make the summary again when
making it failed at Finish, or continue it with the patient on this tablet. Its Answers
tab opens first, the red flags raised at the top.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QBuffer, QSize, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake.app.answer_listing import answer_listing
from intake.app.errors import VisitNotFound
from intake.app.print_jobs import PrintFailed, job_title
from intake.app.records import StoredVisit
from intake.app.staff_desk import StaffDesk
from intake.language_names import language_name
from intake.questionnaire.form import Form
from intake.questionnaire.response import InvalidResponse
from intake.report.info_sheet import SheetClinic, render_info_sheet
from intake.report.info_text import load_sheet_text, sheet_language_for, sheet_language_names
from intake.staff_wording import ANSWERED_BEFORE, RED_FLAGS_FIRST
from intake.ui.staff.amend_panel import AnswersTab
from intake.ui.staff.fhir_export import FhirExport
from intake.ui.staff.more_actions import MoreActions, side_by_side
from intake.ui.staff.notes_tab import TITLE as NOTES_TITLE
from intake.ui.staff.notes_tab import NotesTab
from intake.ui.staff.printing import (
    NO_PRINTER,
    ChosenPrinter,
    choose_in_dialog,
    find_printer,
    job_sent,
    load_pdf,
    print_on,
    printer_names,
)
from intake.ui.staff.table_items import table_item
from intake.ui.staff.visit_words import answered_in_words, name_of, outcome_of, status_of
from intake.ui.staff.words import N_, _
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.styling import label, set_role, touch_button
from intake.visit_status import FINISHED
from intake.yamlfile import DataFileError

NO_SUMMARY = N_("No summary yet: the patient did not finish. Their answers so far are under Answers.")
SUMMARY_NOT_MADE = N_(
    "The patient finished, but the summary could not be made. Every answer is kept, under Answers: "
    "tap “Make the summary again”."
)
VISIT_GONE = N_("This visit was finished or discarded meanwhile, on another station. Go back to the list.")
NO_PRINTER_FOR_SHEET = N_("No printer is set up on this computer. Ask your IT contact to add a printer.")
INFO_SHEET_TITLE = "information-sheet"
"""The print job's title: the same in every language, like the summary's (never a patient's name)."""
PRINT = N_("Print")
"""Print on the clinic's printer, without a dialog."""
PRINT_ASKING = N_("Print…")
"""Print through the system dialog (no clinic printer set, or it is not installed here)."""
CHOOSE_PRINTER = N_("Choose printer…")

log = logging.getLogger(__name__)


class TabsGivingWay(QTabWidget):
    """Tabs that give way first when room runs short, down to their bar.

    Both alert bars with long names, More actions open and a notice, on a landscape
    tablet: every action stays whole, and what the tabs show (it scrolls) shrinks until
    staff fold More again. Only the bar must stay, to switch tabs.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.tabBar().sizeHint().height())


class VisitScreen(QWidget):
    closed = Signal()
    changed = Signal()
    """The visit was reviewed or discarded: the queue should re-read it."""
    continued = Signal(object)
    """The `StoredVisit` staff continue with the patient on this tablet: in progress again, audited."""

    def __init__(self, form: Form) -> None:
        super().__init__()
        self.setObjectName("staff-visit")
        self.setProperty("role", "staff-screen")
        self._form = form
        self._session: StaffDesk | None = None
        self._printer_name: str | None = None
        self.clinic_printer: str | None = None
        """The clinic's printer, installed: Print sends the summary there without asking (None: Print asks)."""
        self._clinic = SheetClinic("")
        self.visit: StoredVisit | None = None
        self._discard_armed = False
        self._document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._build_actions()
        self._build_tabs()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.facts)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(16)
        top.addLayout(heading, 1)
        self._main_row = FlowRow(spacing=12)
        self.header = QWidget()
        """Everything above the tabs: hidden while a panel's form has the screen (`focus_form`)."""
        heading_and_actions = QVBoxLayout(self.header)
        heading_and_actions.setContentsMargins(0, 0, 0, 0)
        heading_and_actions.setSpacing(12)
        heading_and_actions.addLayout(top)
        heading_and_actions.addLayout(self._main_row)
        heading_and_actions.addWidget(self.more)
        heading_and_actions.addWidget(self.notice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        for action in self._actions:
            action.setParent(self.header)
            action.hide()

    def _build_actions(self) -> None:
        """The heading and every button: back, print, save, review, discard, the information sheet."""
        self.title = label("", "title")
        self.facts = label("", "caption")
        self.back_button = touch_button(_("Back to list"), "quiet")
        self.print_button = touch_button(_(PRINT_ASKING), "primary", _("Print the summary"))
        self.choose_printer_button = touch_button(_(CHOOSE_PRINTER), "quiet", _("Print the summary on a printer you choose"))
        self.save_button = touch_button(_("Save as PDF"), "quiet", _("Save the summary as a PDF file"))
        self.review_button = touch_button(_("Mark reviewed"), "quiet")
        self.discard_button = touch_button(_("Discard"), "quiet", _("Discard this unfinished visit"))
        self.back_button.clicked.connect(self._on_back)
        self.print_button.clicked.connect(self.print_summary)
        self.choose_printer_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_pdf)
        self.review_button.clicked.connect(self.mark_reviewed)
        self.discard_button.clicked.connect(self.discard)
        self.sheet_language = QComboBox()
        self.sheet_language.setAccessibleName(_("Information sheet language"))
        self.sheet_button = touch_button(
            _("Print information sheet"), "quiet", _("Print the patient information sheet (what happens at a Botox consultation)")
        )
        self.sheet_button.clicked.connect(self.print_info_sheet_with_dialog)
        self.notice = label("", "notice")
        self.notice.setAccessibleName(_("Message"))
        self.notice.hide()
        self.fhir_export = FhirExport()
        self.fhir_export.done.connect(self._show_notice)
        self._build_unfinished_actions()
        self.more = MoreActions()
        self._sheet = side_by_side(self.sheet_language, self.sheet_button)
        self._actions: tuple[QWidget, ...] = (
            self.print_button, self.choose_printer_button, self.remake_button, self.continue_button, self.so_far_button,
            self.review_button, self.save_button, self._sheet, self.fhir_export, self.discard_button, self.more.toggle,
        )

    def _build_unfinished_actions(self) -> None:
        """For a visit not finished: its answers so far on paper, the summary made again, the patient carrying on."""
        self.so_far_button = touch_button(_("Print answers so far…"), "quiet", _("Print the answers so far, for the clinician"))
        self.continue_button = touch_button(
            _("Continue with the patient"), "primary", _("Continue this visit with the patient here")
        )
        self.remake_button = touch_button(_("Make the summary again"), "primary", _("Make this visit's summary again"))
        self.so_far_button.clicked.connect(self.print_answers_so_far_with_dialog)
        self.continue_button.clicked.connect(self.continue_with_patient)
        self.remake_button.clicked.connect(self.remake_summary)

    def _build_tabs(self) -> None:
        """The stored PDF (or why there is none) and every answer, one tab each."""
        self.pdf_view = QPdfView()
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setAccessibleName(_("Summary PDF"))
        self.pdf_view.setDocument(self._document)
        self.no_summary = label(_(NO_SUMMARY), "subtitle")
        self.no_summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        summary = QWidget()
        summary_layout = QVBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.pdf_view)
        summary_layout.addWidget(self.no_summary)
        self.answers = QTableWidget(0, 2)
        self.answers.setHorizontalHeaderLabels((_("Question"), _("Answer")))
        self.answers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.answers.setWordWrap(True)
        self.answers.verticalHeader().hide()
        header = self.answers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tabs: QTabWidget = TabsGivingWay()
        self.tabs.addTab(summary, _("Summary"))
        self.tabs.addTab(AnswersTab(self), _("Answers"))
        self.tabs.addTab(NotesTab(self), _(NOTES_TITLE))

    def show_visit(self, visit_id: str, session: StaffDesk, printer_name: str | None, clinic: SheetClinic) -> None:
        """Load and show one visit for this person; their desk audits the viewing."""
        self._session = session
        self._printer_name = printer_name
        self.clinic_printer = printer_name if printer_name in printer_names() else None
        self._clinic = clinic
        self.visit = session.view(visit_id)
        self.fhir_export.show_for(session, visit_id)
        self.more.fold()
        self.focus_form(False)
        self._show_notice("")
        self._fill()
        self.tabs.setCurrentIndex(0 if self.visit.pdf is not None else 1)

    def clear(self) -> None:
        """Forget the visit: nothing of it stays in any widget once staff leave it."""
        self.visit = None
        self._session = None
        self.fhir_export.clear()
        self._unload_pdf()
        self.answers.setRowCount(0)
        self.sheet_language.clear()
        self.title.clear()
        self.facts.clear()
        self._show_notice("")

    def _unload_pdf(self) -> None:
        self._document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    @property
    def shown_pdf(self) -> bytes | None:
        """The bytes the preview is reading, for checking they are the stored ones."""
        return bytes(self._buffer.data().data()) if self._buffer is not None else None

    def _fill(self) -> None:
        assert self.visit is not None
        summary = self.visit.summary
        self.title.setText(name_of(summary))
        self.facts.setText(" · ".join(self._facts()))
        has_pdf = self.visit.pdf is not None
        self._unload_pdf()
        if self.visit.pdf is not None:
            self._buffer = load_pdf(self.visit.pdf, self._document)
        self.pdf_view.setVisible(has_pdf)
        self.no_summary.setVisible(not has_pdf)
        self.no_summary.setText(_(SUMMARY_NOT_MADE if summary.summary_failed else NO_SUMMARY))
        for button in (self.print_button, self.save_button):
            button.setEnabled(has_pdf)
        self.print_button.setText(_(PRINT_ASKING if self.clinic_printer is None else PRINT))
        self.print_button.setAccessibleName(
            _("Print the summary on {printer}").format(printer=self.clinic_printer) if self.clinic_printer
            else _("Print the summary")
        )
        self.review_button.setEnabled(not summary.reviewed)
        self.review_button.setText(_("Reviewed") if summary.reviewed else _("Mark reviewed"))
        self.discard_button.setText(_("Discard"))
        self._discard_armed = False
        self._place_actions(*self._offered())
        self._fill_sheet_languages()
        self._fill_answers()

    def _facts(self) -> list[str]:
        """Under the name: when it started, its status and outcome, whether reviewed, and the language if not English."""
        assert self.visit is not None
        summary = self.visit.summary
        # Translators: {time} is when the visit started ("25 Nov 2026 09:41").
        started = _("Started {time}").format(time=summary.started.astimezone().strftime("%d %b %Y %H:%M"))
        outcome = outcome_of(summary)
        reviewed = _("reviewed") if summary.reviewed else _("not reviewed yet")
        language = answered_in_words(self.visit.response.get("language"))
        before = [_(ANSWERED_BEFORE)] if summary.answered_before else []
        return [started, *before, status_of(summary), *([outcome] if outcome != "-" else []), reviewed,
                *([language] if language else [])]

    def _offered(self) -> tuple[list[QWidget], list[QWidget]]:
        """The actions this visit offers, in order: its next steps in view (the most used first), the rest under More.

        A finished visit: Print first. One the patient did not finish: carrying on with
        the patient first, or making the summary again when that failed at Finish (the
        patient is done: carrying on is then rare). Mark reviewed for every visit.
        """
        assert self.visit is not None
        summary = self.visit.summary
        admin = [self.fhir_export] if self._session is not None and self._session.is_admin else []
        if summary.status == FINISHED:
            has_pdf = self.visit.pdf is not None
            printing = [self.print_button, *([self.choose_printer_button] if self.clinic_printer else [])] if has_pdf else []
            return [*printing, self.review_button], [*([self.save_button] if has_pdf else []), self._sheet, *admin]
        if summary.summary_failed:
            return ([self.remake_button, self.so_far_button, self.review_button],
                    [self.continue_button, self._sheet, *admin, self.discard_button])
        return [self.continue_button, self.so_far_button, self.review_button], [self._sheet, *admin, self.discard_button]

    def _place_actions(self, shown: list[QWidget], folded: list[QWidget]) -> None:
        """These actions in view and under More, in this order; every other one hidden."""
        for row in (self._main_row, self.more.row):
            while row.takeAt(0) is not None:
                pass
        for action in self._actions:
            action.hide()
        for row, actions in ((self._main_row, [*shown, self.more.toggle]), (self.more.row, folded)):
            for action in actions:
                row.addWidget(action)
                action.show()
        set_role(self.continue_button, "primary" if self.continue_button in shown else "quiet")

    def _fill_sheet_languages(self) -> None:
        """Every sheet by its language's own name, the patient's language chosen (else English)."""
        assert self.visit is not None
        self.sheet_language.clear()
        for language, name in sheet_language_names().items():
            self.sheet_language.addItem(name, language)
        chosen = self.sheet_language.findData(sheet_language_for(self.visit.response.get("language")))
        self.sheet_language.setCurrentIndex(max(chosen, 0))

    def _fill_answers(self) -> None:
        """Question and answer rows under a bold, full-width row per section (the form's title, or the red flags')."""
        assert self.visit is not None
        self.answers.clearSpans()
        self.answers.setRowCount(0)
        section = None
        for line in answer_listing(self._form, self.visit.response.get("answers", {})):
            row = self.answers.rowCount()
            if line.section != section:
                section = line.section
                self.answers.insertRow(row)
                self.answers.setItem(row, 0, table_item(_(section) if section == RED_FLAGS_FIRST else section, bold=True))
                self.answers.setSpan(row, 0, 1, 2)
                row += 1
            self.answers.insertRow(row)
            self.answers.setItem(row, 0, table_item(line.question, bold=line.red_flag))
            self.answers.setItem(row, 1, table_item(line.answer, bold=line.red_flag))
        self.answers.resizeRowsToContents()

    def _chosen_printer(self, title: str, no_printer: str, instead: QWidget | None = None) -> ChosenPrinter | None:
        """The system print dialog on the clinic's printer; None when there is none or staff cancel.

        With no printer at all, `instead` (another way to get the document) takes focus.
        """
        found = find_printer(self._printer_name)
        if found is None:
            self._show_notice(no_printer)
            if instead is not None:
                self.more.reveal(instead)
            return None
        try:
            return choose_in_dialog(found, title, self)
        except PrintFailed as failure:
            # Translators: {problem} is what the print system said went wrong.
            self._show_notice(_("Printing failed: {problem}.").format(problem=failure))
            return None

    def print_summary(self) -> None:
        """Print: on the clinic's printer without asking when it is set and installed, else through the dialog."""
        if self.clinic_printer is None:
            self.print_with_dialog()
        else:
            self.print_on_clinic_printer()

    def print_on_clinic_printer(self) -> None:
        """The stored PDF straight to the clinic's printer (as CUPS takes it, else as page images), audited."""
        if self.visit is None or self.visit.pdf is None or self._session is None or self.clinic_printer is None:
            return
        printer, title = self.clinic_printer, job_title(self.visit.summary.id)
        try:
            job = self._session.print_summary(self.visit, partial(print_on, name=printer, title=title))
        except PrintFailed as failure:
            # Translators: {problem} is what the print system said went wrong; {button} the name of the "Choose printer…" button.
            self._show_notice(_("Not printed on {printer}: {problem}. Try again, or tap “{button}”.").format(
                printer=printer, problem=failure, button=_(CHOOSE_PRINTER)))
            return
        self._show_notice(job_sent(job))

    def print_with_dialog(self) -> None:
        """Print through the system dialog, on the clinic's printer by default."""
        if self.visit is None or self.visit.pdf is None:
            return
        chosen = self._chosen_printer(_("Print summary"), _(NO_PRINTER), self.save_button)
        if chosen is not None:
            self.print_to(chosen)

    def print_to(self, chosen: ChosenPrinter) -> None:
        """Print the stored PDF as staff chose and audit it."""
        assert self.visit is not None and self.visit.pdf is not None and self._session is not None
        title = job_title(self.visit.summary.id)
        try:
            job = self._session.print_summary(self.visit, partial(chosen.send, title=title))
        except PrintFailed as failure:
            # Translators: {problem} is what the print system said went wrong.
            self._show_notice(_("Printing failed: {problem}. Try again, or save the summary as a PDF.").format(problem=failure))
            return
        self._show_notice(job_sent(job))

    def print_info_sheet_with_dialog(self) -> None:
        """Print the information sheet through the system dialog, on the clinic's printer by default."""
        if self.visit is None:
            return
        chosen = self._chosen_printer(_("Print information sheet"), _(NO_PRINTER_FOR_SHEET))
        if chosen is not None:
            self.print_info_sheet_to(chosen)

    def print_info_sheet_to(self, chosen: ChosenPrinter) -> None:
        """Print the sheet in the chosen language as staff chose and audit it for this visit."""
        assert self.visit is not None and self._session is not None
        language = self.sheet_language.currentData()
        try:
            text = load_sheet_text(language)
            sheet = render_info_sheet(text, self._clinic).pdf
            job = self._session.print_info_sheet(self.visit, partial(chosen.send, sheet, INFO_SHEET_TITLE))
        except DataFileError as error:
            # Translators: {problem} is the first line of what is wrong with the sheet's file.
            self._show_notice(_("The information sheet could not be read: {problem}").format(problem=error.lines[0]))
            return
        except PrintFailed as failure:
            # Translators: {problem} is what the print system said went wrong.
            self._show_notice(_("Printing failed: {problem}. Try again.").format(problem=failure))
            return
        # Translators: {language} is the sheet's language, named in itself ("Español"); {printer} the printer's name.
        sent = _("Sent the information sheet ({language}) to {printer}.")
        self._show_notice(sent.format(language=language_name(text.language), printer=job.printer))

    def save_pdf(self) -> None:
        """Into the clinic's output folder, named by visit id only (no patient data in file names)."""
        if self.visit is None or self.visit.pdf is None or self._session is None:
            return
        try:
            path = self._session.save_pdf(self.visit)
        except OSError as error:
            # Translators: {folder} is the clinic's output folder, {problem} what the system said went wrong.
            problem = _("Could not save in {folder}: {problem}. Check the output folder in Settings.")
            self._show_notice(problem.format(folder=self._session.summaries_folder, problem=error.strerror or error))
            return
        # Translators: {path} is the file the summary was saved as.
        self._show_notice(_("Saved as {path}").format(path=path))

    def mark_reviewed(self) -> None:
        if self.visit is None or self._session is None:
            return
        visit_id = self.visit.summary.id
        self.visit = self._session.mark_reviewed(visit_id)
        self._fill()
        self.changed.emit()

    def discard(self) -> None:
        """Remove an unfinished visit staff will not resume (audited), after a second tap."""
        if self.visit is None or self._session is None or self.visit.summary.status == FINISHED:
            return
        if not self._discard_armed:
            self._discard_armed = True
            self.discard_button.setText(_("Confirm discard"))
            self._show_notice(_("Discarding deletes these answers for good. Tap “Confirm discard” to go ahead."))
            return
        visit_id = self.visit.summary.id
        self._session.discard(visit_id)
        self.changed.emit()
        self._on_back()

    def print_answers_so_far_with_dialog(self) -> None:
        """A visit not finished: its answers so far and their assessment, through the system print dialog."""
        if self.visit is None or self.visit.summary.status == FINISHED:
            return
        chosen = self._chosen_printer(_("Print answers so far"), _(NO_PRINTER_FOR_SHEET))
        if chosen is not None:
            self.print_answers_so_far_to(chosen)

    def print_answers_so_far_to(self, chosen: ChosenPrinter) -> None:
        """Rendered now under the clinic's policy, printed as staff chose, and audited."""
        assert self.visit is not None and self._session is not None
        title = job_title(self.visit.summary.id)
        try:
            job = self._session.print_answers_so_far(self.visit, partial(chosen.send, title=title))
        except PrintFailed as failure:
            # Translators: {problem} is what the print system said went wrong.
            self._show_notice(_("Printing failed: {problem}. Try again.").format(problem=failure))
            return
        except InvalidResponse:
            self._show_notice(_("These answers could not be read for printing. They are all under Answers."))
            return
        # Translators: {sent} says where the answers went ("Sent to Front-desk (job Front-desk-12).").
        self._show_notice(_("Answers so far: {sent}").format(sent=job_sent(job)))

    def remake_summary(self) -> None:
        """Make a failed summary again under the clinic's policy now; the visit is then finished (audited)."""
        if self.visit is None or self._session is None or not self.visit.summary.summary_failed:
            return
        visit_id = self.visit.summary.id
        try:
            self.visit = self._session.remake_summary(visit_id)
        except ValueError:
            self._show_notice(_("This summary was already made, on another station. Go back to the list to see it."))
            return
        except Exception as error:  # noqa: BLE001 - any failure of the report leaves the answers as they are
            log.error("visit %s: summary not made again: %s", visit_id, type(error).__name__)
            self._show_notice(_("The summary could not be made again. Every answer is still kept; ask your IT contact."))
            return
        self._fill()
        self.tabs.setCurrentIndex(0)
        self._show_notice(_("Summary made."))
        self.changed.emit()

    def continue_with_patient(self) -> None:
        """Hand the tablet to the patient: this visit, in progress again, on its first page with an answer missing."""
        if self.visit is None or self._session is None or self.visit.summary.status == FINISHED:
            return
        try:
            continued = self._session.continue_with_patient(self.visit.summary.id)
        except VisitNotFound:
            self._show_notice(_(VISIT_GONE))
            return
        self.continued.emit(continued)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _on_back(self) -> None:
        self.clear()
        self.closed.emit()

    @property
    def session(self) -> StaffDesk | None:
        """The signed-in person's desk while a visit is open (the amend and notes panels act through it)."""
        return self._session

    def show_changed(self, visit: StoredVisit, notice: str) -> None:
        """The visit as a use case just left it (an answer amended, a note added): shown again, the queue told."""
        self.visit = visit
        self._fill()
        self._show_notice(notice)
        self.changed.emit()

    def focus_form(self, active: bool) -> None:
        """A panel's form (an amendment, a note) has the screen under the alerts, or gives it back.

        On a landscape tablet with the keyboard up, the heading, the actions and the tab bar
        would leave the form no room; the form names the patient and has its own Cancel.
        """
        self.header.setVisible(not active)
        self.tabs.tabBar().setVisible(not active)

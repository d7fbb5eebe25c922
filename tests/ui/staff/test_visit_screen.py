"""One visit for staff: the stored PDF previewed and printed as stored, every action audited."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from patient_driver import tap
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QDialog, QPushButton, QWidget
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from cases import vignette
from fake_lp import POSIX_ONLY
from intake.app.finishing import assess_and_render
from intake.app.visit import new_visit_id
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.staff_wording import RED_FLAGS_FIRST
from intake.ui.staff import printing, visit_screen
from intake.ui.staff.printing import NO_PRINTER, load_pdf


@pytest.fixture
def opened(open_kiosk, stores, add_visit, tmp_path):
    """Bob has V01 open on the visit screen; the clinic saves PDFs in tmp_path/out."""
    visit_id = add_visit("V01")
    window, _patient = open_kiosk(stores=stores, output_dir=tmp_path / "out")
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    return desk, visit_id


def _actions(stores) -> list[tuple[str, str, str | None]]:
    return [(row.staff_id, row.action, row.visit_id) for row in stores.audit.rows()]


def test_preview_reads_exactly_the_stored_pdf_and_viewing_is_audited(opened, stores) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    stored = stores.visits.get(visit_id)
    assert screen.shown_pdf == stored.pdf
    assert screen.pdf_view.document().pageCount() == len(PdfReader(io.BytesIO(stored.pdf)).pages)
    answers = vignette("V01")["answers"]
    assert screen.title.text() == f"{answers['given_name']} {answers['family_name']}"
    assert "✓ REFER" in screen.facts.text() and "Answered in" not in screen.facts.text()
    assert ("bob", "viewed", visit_id) in _actions(stores)
    assert stored.rules_version in {row.rules_version for row in stores.audit.rows() if row.action == "viewed"}


def test_answers_tab_lists_the_patients_answers(opened, form) -> None:
    desk, _visit_id = opened
    table = desk.area.visit.answers
    questions = [table.item(row, 0).text() for row in range(table.rowCount()) if table.columnSpan(row, 0) == 1]
    sections = [table.item(row, 0).text() for row in range(table.rowCount()) if table.columnSpan(row, 0) == 2]
    assert sections[0] == form.sections[0].title
    assert form.question("headache_days").label in questions
    assert len(questions) == len(vignette("V01")["answers"])


class _KeepEverythingDialog:
    """The system print dialog, where the person presses Print without changing anything."""

    def __init__(self, _printer: QPrinter, _parent: object) -> None:
        pass

    def setWindowTitle(self, _title: str) -> None:  # noqa: N802 - Qt's name
        pass

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted


@POSIX_ONLY
def test_print_as_offered_hands_the_stored_pdf_to_cups_and_is_audited(opened, stores, printers, fake_lp, monkeypatch) -> None:
    desk, visit_id = opened
    printers("Front-desk", default="Front-desk")
    monkeypatch.setattr(printing, "QPrintDialog", _KeepEverythingDialog)
    screen = desk.area.visit
    tap(screen.print_button)
    [job] = fake_lp.jobs()
    assert job.pdf == stores.visits.get(visit_id).pdf, "the stored bytes, not page images"
    assert job.args == ["-d", "Front-desk", "-t", f"visit-{visit_id}", "-"]
    assert screen.notice.text() == "Sent to Front-desk (job Front-desk-1)."
    assert ("bob", "printed", visit_id) in _actions(stores)


@POSIX_ONLY
def test_print_as_offered_draws_the_pages_when_cups_refuses(opened, stores, printers, fake_lp, monkeypatch) -> None:
    desk, visit_id = opened
    printers("Front-desk", default="Front-desk")
    fake_lp.refuse("lp: The printer or class does not exist.")
    monkeypatch.setattr(printing, "QPrintDialog", _KeepEverythingDialog)
    screen = desk.area.visit
    tap(screen.print_button)
    stored, drawn = stores.visits.get(visit_id).pdf, printers.paper("Front-desk")
    assert len(PdfReader(drawn).pages) == len(PdfReader(io.BytesIO(stored)).pages)
    assert _looks_alike(drawn.read_bytes(), stored)
    assert screen.notice.text().startswith("Sent ") and ("bob", "printed", visit_id) in _actions(stores)


def test_changed_print_options_draw_pages_on_their_printer(opened, stores, printers, fake_lp, monkeypatch, tmp_path) -> None:
    """Staff chose "Print to file" in the dialog: CUPS never sees the job, their QPrinter does."""
    desk, visit_id = opened
    printers("Front-desk", default="Front-desk")
    _PrintToFileDialog.target = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "QPrintDialog", _PrintToFileDialog)
    tap(desk.area.visit.print_button)
    printed = _PrintToFileDialog.target
    stored = stores.visits.get(visit_id).pdf
    assert PdfReader(printed).pages and len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(stored)).pages)
    assert _looks_alike(printed.read_bytes(), stored), "the printed page shows the stored summary"
    assert fake_lp.jobs() == []
    assert ("bob", "printed", visit_id) in _actions(stores)
    assert desk.area.visit.notice.text() == f"Sent {len(PdfReader(printed).pages)} page(s) to {printed}."


class _NoDialog:
    """The system print dialog, which must not open."""

    def __init__(self, _printer: QPrinter, _parent: object) -> None:
        raise AssertionError("the print dialog opened")


class _SeenDialog(_KeepEverythingDialog):
    """The system print dialog, accepted as offered; counts its openings."""

    opened = 0

    def __init__(self, printer: QPrinter, parent: object) -> None:
        super().__init__(printer, parent)
        _SeenDialog.opened += 1


def _open_with_clinic_printer(open_kiosk, stores, add_visit, printers, printer: str = "Front-desk") -> tuple[FrontDesk, str]:
    visit_id = add_visit("V01")
    printers("Front-desk", "Back-office", default="Back-office")
    window, _patient = open_kiosk(stores=stores, printer=printer)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    return desk, visit_id


@POSIX_ONLY
def test_with_the_clinic_printer_set_print_sends_the_summary_there_without_asking(
    open_kiosk, stores, add_visit, printers, fake_lp, monkeypatch
) -> None:
    desk, visit_id = _open_with_clinic_printer(open_kiosk, stores, add_visit, printers)
    monkeypatch.setattr(printing, "QPrintDialog", _NoDialog)
    screen = desk.area.visit
    assert screen.print_button.text() == "Print" and screen.choose_printer_button.isVisible()
    tap(screen.print_button)
    [job] = fake_lp.jobs()
    assert job.pdf == stores.visits.get(visit_id).pdf
    assert job.args == ["-d", "Front-desk", "-t", f"visit-{visit_id}", "-"]
    assert screen.notice.isVisible() and screen.notice.text() == "Sent to Front-desk (job Front-desk-1)."
    assert ("bob", "printed", visit_id) in _actions(stores)


@POSIX_ONLY
def test_choose_printer_opens_the_system_dialog_on_the_clinic_printer(
    open_kiosk, stores, add_visit, printers, fake_lp, monkeypatch
) -> None:
    desk, visit_id = _open_with_clinic_printer(open_kiosk, stores, add_visit, printers)
    _SeenDialog.opened = 0
    monkeypatch.setattr(printing, "QPrintDialog", _SeenDialog)
    tap(desk.area.visit.choose_printer_button)
    assert _SeenDialog.opened == 1
    [job] = fake_lp.jobs()
    assert job.args[:2] == ["-d", "Front-desk"], "the dialog opened on the clinic's printer, not the system default"
    assert ("bob", "printed", visit_id) in _actions(stores)


class _CancelledDialogWindow:
    """The system print dialog as a window of its own, active while open, cancelled."""

    def __init__(self, _printer: QPrinter, _parent: object) -> None:
        self.window = QWidget()

    def setWindowTitle(self, _title: str) -> None:  # noqa: N802 - Qt's name
        pass

    def exec(self) -> QDialog.DialogCode:
        self.window.show()
        self.window.activateWindow()
        QTest.qWaitForWindowActive(self.window, 1000)
        self.window.close()
        return QDialog.DialogCode.Rejected


def test_once_the_print_dialog_closes_the_kiosk_window_is_active_again(
    open_kiosk, stores, add_visit, printers, monkeypatch, qtbot
) -> None:
    """A kiosk with no window manager: nothing else would give the window back its focus (and the PIN pad)."""
    desk, visit_id = _open_with_clinic_printer(open_kiosk, stores, add_visit, printers)
    monkeypatch.setattr(printing, "QPrintDialog", _CancelledDialogWindow)
    desk.window.activateWindow()
    assert QTest.qWaitForWindowActive(desk.window, 1000)
    tap(desk.area.visit.choose_printer_button)
    qtbot.waitUntil(desk.window.isActiveWindow, timeout=1000)
    assert ("bob", "printed", visit_id) not in _actions(stores)


def test_a_clinic_printer_not_installed_here_leaves_print_asking(open_kiosk, stores, add_visit, printers) -> None:
    desk, _visit_id = _open_with_clinic_printer(open_kiosk, stores, add_visit, printers, printer="Upstairs")
    screen = desk.area.visit
    assert screen.print_button.text() == "Print…" and not screen.choose_printer_button.isVisible()


@POSIX_ONLY
def test_a_clinic_printer_gone_since_the_visit_opened_is_said_and_nothing_is_audited(
    open_kiosk, stores, add_visit, printers, fake_lp, monkeypatch
) -> None:
    desk, visit_id = _open_with_clinic_printer(open_kiosk, stores, add_visit, printers)
    monkeypatch.setattr(printing, "QPrintDialog", _NoDialog)
    printers("Back-office", default="Back-office")
    fake_lp.refuse("lp: The printer or class does not exist.")
    screen = desk.area.visit
    tap(screen.print_button)
    said = "Not printed on Front-desk: Front-desk is no longer installed. Try again, or tap “Choose printer…”."
    assert screen.notice.text() == said
    assert ("bob", "printed", visit_id) not in _actions(stores)


def _first_page(pdf: bytes) -> QImage:
    document = QPdfDocument()
    buffer = load_pdf(pdf, document)
    rendered = document.render(0, QSize(170, 240))
    buffer.close()
    sheet = QImage(rendered.size(), QImage.Format.Format_Grayscale8)
    sheet.fill(255)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return sheet


def _looks_alike(printed: bytes, stored: bytes) -> bool:
    """Same ink in the same places at thumbnail size, and not a blank page."""
    a, b = _first_page(printed), _first_page(stored)
    pixels = [(a.pixelColor(x, y).value(), b.pixelColor(x, y).value()) for x in range(0, 170, 2) for y in range(0, 240, 2)]
    inked = sum(1 for _, value in pixels if value < 200)
    differ = sum(1 for one, other in pixels if abs(one - other) > 96)
    return inked > 200 and differ < 0.05 * len(pixels)


def test_no_printer_says_so_and_offers_saving(opened, stores, printers, tmp_path) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    tap(screen.print_button)
    assert screen.notice.isVisible() and screen.notice.text() == NO_PRINTER
    tap(screen.save_button)
    saved = tmp_path / "out" / f"visit-{visit_id}.pdf"
    assert saved.read_bytes() == stores.visits.get(visit_id).pdf
    assert str(saved) in screen.notice.text()
    assert ("bob", "exported", visit_id) in _actions(stores)
    assert not any(row[1] == "printed" for row in _actions(stores))


def test_mark_reviewed_updates_store_queue_and_audit(opened, stores) -> None:
    desk, visit_id = opened
    tap(desk.area.visit.review_button)
    assert stores.visits.get(visit_id).summary.reviewed
    assert not desk.area.visit.review_button.isEnabled()
    assert ("bob", "reviewed", visit_id) in _actions(stores)
    tap(desk.area.visit.back_button)
    assert desk.in_queue and desk.area.queue.table.item(0, 4).text() == "Yes"
    assert desk.area.visit.shown_pdf is None, "nothing of the visit stays in the closed screen"


def test_an_unfinished_visit_shows_answers_and_can_be_discarded_after_confirming(open_kiosk, stores) -> None:
    stores.visits.create("20261125-080000-aaaaaa", {"form": "headache-intake", "authored": "2026-11-25",
                                                   "answers": {"given_name": "Zoë", "family_name": "Ng"}})
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    desk.open_row(0)
    screen = desk.area.visit
    assert screen.tabs.tabText(screen.tabs.currentIndex()) == "Answers", "no summary: the answers come first"
    assert not screen.no_summary.isHidden() and not screen.print_button.isEnabled()
    assert not screen.discard_button.isVisible(), "rarely wanted: under More actions"
    desk.open_more()
    tap(screen.discard_button)
    assert stores.visits.list() and screen.discard_button.text() == "Confirm discard"
    tap(screen.discard_button)
    assert stores.visits.list() == [] and desk.in_queue
    assert ("maria", "discarded", "20261125-080000-aaaaaa") in _actions(stores)


class _PrintToFileDialog:
    """The system print dialog, where the person picks "Print to file" and presses Print."""

    target: Path

    def __init__(self, printer: QPrinter, _parent: object) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))
        printer.setFullPage(True)

    def setWindowTitle(self, _title: str) -> None:  # noqa: N802 - Qt's name
        pass

    def exec(self) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted


@pytest.fixture
def sheet_printer(monkeypatch, tmp_path, printers) -> list[bytes]:
    """A PDF printer behind the print dialog; returns the sheets sent to it, as rendered PDFs."""
    sent: list[bytes] = []
    real_print_pdf = printing.print_pdf

    def print_and_keep(pdf: bytes, printer: QPrinter) -> int:
        sent.append(pdf)
        return real_print_pdf(pdf, printer)

    _PrintToFileDialog.target = tmp_path / "sheet-printed.pdf"
    printers("Front-desk")
    monkeypatch.setattr(printing, "QPrintDialog", _PrintToFileDialog)
    monkeypatch.setattr(printing, "print_pdf", print_and_keep)
    return sent


def _store_finished(stores, form, data: dict) -> str:
    finished = assess_and_render(new_visit_id(), parse_response(data, form), form, Settings())
    stores.visits.finish(finished.visit_id, finished.response.to_json_dict(), finished.assessment.to_json_dict(), finished.pdf)
    return finished.visit_id


def _open_sheet_desk(open_kiosk, stores) -> FrontDesk:
    window, _patient = open_kiosk(stores=stores, clinic_name="Harbour Headache Clinic", clinic_phone="555 0100")
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    desk.open_more()
    return desk


def _sheet_words(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_information_sheet_prints_in_the_patients_language_and_is_audited(open_kiosk, stores, form, sheet_printer) -> None:
    visit_id = _store_finished(stores, form, {**vignette("V14"), "language": "es-MX"})
    desk = _open_sheet_desk(open_kiosk, stores)
    screen = desk.area.visit
    assert screen.facts.text().endswith("· Answered in Spanish"), "staff see the patient answered in Spanish"
    assert screen.sheet_language.currentText() == "Español"
    tap(screen.sheet_button)
    [sheet] = sheet_printer
    words = _sheet_words(sheet)
    assert "Qué ocurre en una consulta de Botox" in words
    assert "Harbour Headache Clinic" in words and "Teléfono: 555 0100" in words
    printed = PdfReader(_PrintToFileDialog.target)
    assert len(printed.pages) == 1 and _looks_alike(_PrintToFileDialog.target.read_bytes(), sheet)
    assert ("bob", "printed_info", visit_id) in _actions(stores)
    assert not any(action == "printed" for _staff, action, _visit in _actions(stores)), "the summary was not printed"
    assert screen.notice.text().startswith("Sent the information sheet (Español)")


def test_staff_can_choose_another_language_for_the_sheet(open_kiosk, stores, form, sheet_printer, qtbot) -> None:
    _store_finished(stores, form, {**vignette("V01"), "language": "es"})
    desk = _open_sheet_desk(open_kiosk, stores)
    screen = desk.area.visit
    QTest.mouseClick(screen.sheet_language, Qt.MouseButton.LeftButton)
    view = screen.sheet_language.view()
    qtbot.waitUntil(view.isVisible)
    english = view.visualRect(view.model().index(screen.sheet_language.findText("English"), 0))
    QTest.mouseMove(view.viewport(), english.center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, english.center())
    assert screen.sheet_language.currentText() == "English"
    tap(screen.sheet_button)
    assert "What happens at a Botox consultation" in _sheet_words(sheet_printer[0])


def test_an_unfinished_visit_in_another_language_gets_the_english_sheet(open_kiosk, stores, sheet_printer) -> None:
    visit_id = "20261125-080000-bbbbbb"
    stores.visits.create(visit_id, {"form": "headache-intake", "authored": "2026-11-25", "language": "fr",
                                    "answers": {"given_name": "Zoë", "family_name": "Ng"}})
    desk = _open_sheet_desk(open_kiosk, stores)
    screen = desk.area.visit
    assert screen.facts.text().endswith("· Answered in French")
    assert not screen.no_summary.isHidden() and screen.sheet_language.currentText() == "English"
    tap(screen.sheet_button)
    assert "What happens at a Botox consultation" in _sheet_words(sheet_printer[0])
    assert ("bob", "printed_info", visit_id) in _actions(stores)


def test_information_sheet_without_a_printer_says_so_and_audits_nothing(opened, stores, printers) -> None:
    desk, _visit_id = opened
    screen = desk.area.visit
    desk.open_more()
    tap(screen.sheet_button)
    assert screen.notice.isVisible() and screen.notice.text() == visit_screen.NO_PRINTER_FOR_SHEET
    assert not any(action == "printed_info" for _staff, action, _visit in _actions(stores))


def test_the_sheet_is_offered_in_staff_mode_only(open_kiosk, stores, add_visit) -> None:
    add_visit("V01")
    window, _patient = open_kiosk(stores=stores)

    def offered() -> list[QPushButton]:
        return [button for button in window.findChildren(QPushButton)
                if button.text() == "Print information sheet" and button.isVisible()]

    assert not offered(), "the kiosk never offers the sheet"
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    desk.open_more()
    assert offered() and all(desk.area.isAncestorOf(button) for button in offered())


@POSIX_ONLY
def test_the_information_sheet_as_offered_goes_to_cups_as_a_pdf(opened, stores, printers, fake_lp, monkeypatch) -> None:
    desk, visit_id = opened
    printers("Front-desk", default="Front-desk")
    monkeypatch.setattr(printing, "QPrintDialog", _KeepEverythingDialog)
    desk.open_more()
    tap(desk.area.visit.sheet_button)
    [job] = fake_lp.jobs()
    assert job.args == ["-d", "Front-desk", "-t", "information-sheet", "-"]
    assert "What happens at a Botox consultation" in _sheet_words(job.pdf)
    assert ("bob", "printed_info", visit_id) in _actions(stores)
    assert desk.area.visit.notice.text() == "Sent the information sheet (English) to Front-desk."


URGENT_LEFT_ID = "20261125-081500-cccccc"


def _urgent_visit_left_unfinished(stores) -> dict:
    """A patient answered the first page and the first red-flag page (a thunderclap headache), then walked away."""
    answers = vignette("V14")["answers"]
    first = {key: answers[key] for key in ("given_name", "family_name", "date_of_birth", "sex_at_birth")}
    flags = {"rf_systemic": "no", "rf_cancer": "no", "rf_neuro_deficit": "no", "rf_thunderclap": "yes", "rf_new_or_changed": "no"}
    draft = {"form": "headache-intake", "authored": "2026-11-25", "answers": {**first, "headache_days": 20, **flags}}
    stores.visits.create(URGENT_LEFT_ID, draft)
    stores.visits.set_aside(URGENT_LEFT_ID, draft, True)
    return draft


def _open_first_row(open_kiosk, stores, **settings) -> FrontDesk:
    window, _patient = open_kiosk(stores=stores, **settings)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    return desk


def test_an_unfinished_urgent_visit_shows_its_red_flags_first_and_can_be_marked_reviewed(open_kiosk, stores, form) -> None:
    _urgent_visit_left_unfinished(stores)
    desk = _open_first_row(open_kiosk, stores)
    screen = desk.area.visit
    table = screen.answers
    assert screen.tabs.tabText(screen.tabs.currentIndex()) == "Answers" and table.isVisible()
    assert table.columnSpan(0, 0) == 2 and table.item(0, 0).text() == RED_FLAGS_FIRST
    thunderclap = table.item(1, 0)
    assert thunderclap.text() == form.question("rf_thunderclap").label and thunderclap.font().bold()
    assert table.item(1, 1).text() == "Yes" and table.item(1, 1).font().bold()
    assert not table.item(3, 0).font().bold(), "the rest as before"
    for button in (screen.print_button, screen.save_button, screen.remake_button):
        assert not button.isVisible()
    for button in (screen.continue_button, screen.so_far_button, screen.review_button):
        assert button.isVisible()
    assert screen.continue_button.property("role") == "primary", "the next step, prominent"
    desk.open_more()
    assert screen.discard_button.isVisible()
    tap(screen.review_button)
    assert stores.visits.get(URGENT_LEFT_ID).summary.reviewed and not screen.review_button.isEnabled()
    assert screen.review_button.text() == "Reviewed" and "· reviewed" in screen.facts.text()
    assert ("bob", "reviewed", URGENT_LEFT_ID) in _actions(stores)


def test_answers_so_far_are_printed_through_the_dialog_and_audited_not_stored(open_kiosk, stores, sheet_printer) -> None:
    _urgent_visit_left_unfinished(stores)
    desk = _open_first_row(open_kiosk, stores)
    screen = desk.area.visit
    tap(screen.so_far_button)
    [sent] = sheet_printer
    words = _sheet_words(sent)
    assert words.startswith("Visit not finished: answers so far")
    assert words.index("⚑ Sudden severe (thunderclap) headache Yes") < words.index("Urgent clinician review")
    printed = _PrintToFileDialog.target
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(sent)).pages)
    assert _looks_alike(printed.read_bytes(), sent), "the paper shows the answers so far"
    assert screen.notice.text() == f"Answers so far: Sent {len(PdfReader(printed).pages)} page(s) to {printed}."
    assert stores.visits.get(URGENT_LEFT_ID).pdf is None, "nothing is stored with the visit"
    assert ("bob", "answers_printed", URGENT_LEFT_ID) in _actions(stores)


def test_a_failed_summary_is_made_again_and_its_alert_goes(open_kiosk, stores, form) -> None:
    visit_id = "20261125-083000-dddddd"
    stores.visits.create(visit_id, {"form": "headache-intake", "authored": "2026-11-25", "answers": {}})
    stores.visits.summary_failed(visit_id, parse_response(vignette("V01"), form).to_json_dict(), False)
    desk = _open_first_row(open_kiosk, stores)
    screen = desk.area.visit
    assert "SUMMARY FAILED" in desk.area.queue.alert.text()
    assert screen.remake_button.isVisible() and screen.no_summary.text() == visit_screen.SUMMARY_NOT_MADE
    tap(screen.remake_button)
    stored = stores.visits.get(visit_id)
    assert (stored.summary.status, stored.summary.summary_failed) == ("finished", False)
    assert screen.shown_pdf == stored.pdf and screen.tabs.currentIndex() == 0 and screen.pdf_view.isVisible()
    assert screen.notice.text() == "Summary made." and "✓ REFER" in screen.facts.text()
    for button in (screen.remake_button, screen.so_far_button, screen.continue_button, screen.discard_button):
        assert not button.isVisible()
    assert screen.print_button.isVisible() and screen.print_button.isEnabled()
    assert ("bob", "summary_remade", visit_id) in _actions(stores)
    assert desk.area.queue.alert_bar.isHidden(), "the alert went with the failure"


WORST_CASE_ID = "20261125-084500-eeeeee"
LONG_NAMES = {"given_name": "Maximiliana-Josefina", "family_name": "Okafor-Lindqvist"}


def _every_button_at_once(stores, form) -> None:
    """The visit that shows every alert and action at once: a red flag, help asked, the summary failed."""
    draft = {"form": "headache-intake", "authored": "2026-11-25", "answers": dict(LONG_NAMES)}
    stores.visits.create(WORST_CASE_ID, draft)
    stores.visits.request_help(WORST_CASE_ID, draft, True)
    case = vignette("V14")
    response = parse_response({**case, "answers": {**case["answers"], **LONG_NAMES}}, form).to_json_dict()
    stores.visits.summary_failed(WORST_CASE_ID, response, True)


def _whole(widget: QWidget) -> bool:
    """Shown in full: not clipped by what holds it, nor squeezed narrower than its words."""
    return (
        widget.isVisible() and widget.visibleRegion() == QRegion(widget.rect())
        and widget.width() >= widget.sizeHint().width() and widget.height() >= widget.minimumSizeHint().height()
    )


@pytest.mark.parametrize("size", [(800, 1280), (1280, 800)], ids=["portrait", "landscape"])
def test_every_action_fits_and_is_reachable_with_every_button_showing(open_kiosk, stores, form, qtbot, tmp_path, size) -> None:
    _every_button_at_once(stores, form)
    window, _patient = open_kiosk(stores=stores, export_dir=tmp_path / "exports")
    window.resize(*size)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    desk.open_row(0)
    screen, queue = desk.area.visit, desk.area.queue
    qtbot.wait(50)
    assert window.staff.minimumSizeHint().width() <= 720, "comfortably inside an 800 px portrait tablet"
    assert window.width() == size[0] and window.height() == size[1]
    in_view = (screen.back_button, screen.remake_button, screen.so_far_button, screen.review_button, screen.more.toggle,
               queue.alert_seen_button, *queue.help_bar.buttons, screen.tabs.tabBar())
    assert all(_whole(widget) for widget in in_view), [widget.accessibleName() for widget in in_view if not _whole(widget)]
    assert screen.tabs.height() >= 240, "room to read the answers"
    tap(screen.more.toggle)
    qtbot.wait(50)
    folded = (screen.continue_button, screen.sheet_language, screen.sheet_button, screen.fhir_export.version,
              screen.fhir_export.export_button, screen.discard_button)
    reachable = (*in_view, *folded)
    assert all(_whole(widget) for widget in reachable), [widget.accessibleName() for widget in reachable if not _whole(widget)]
    tap(screen.fhir_export.export_button)
    qtbot.wait(50)
    assert screen.notice.isVisible() and screen.notice.height() > 2 * screen.notice.fontMetrics().height(), "a long notice"
    assert all(_whole(widget) for widget in reachable), [widget.accessibleName() for widget in reachable if not _whole(widget)]
    areas = window.findChildren(QAbstractScrollArea)
    scrolled = [area for area in areas if area.isVisible() and area.horizontalScrollBar().isVisible()]
    assert scrolled == [], "nothing scrolls sideways"
    assert screen.print_button.isHidden() and screen.save_button.isHidden(), "nothing to print or save yet"

"""One visit for staff: the stored PDF previewed and printed as stored, every action audited."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from cases import vignette
from patient_driver import tap
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from intake.ui.staff import visit_screen
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
    assert "✓ REFER" in screen.facts.text()
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


def test_printing_to_a_pdf_printer_writes_the_summary_and_is_audited(opened, stores, tmp_path) -> None:
    desk, visit_id = opened
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setFullPage(True)
    desk.area.visit.print_to(printer)
    stored = stores.visits.get(visit_id).pdf
    assert PdfReader(printed).pages and len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(stored)).pages)
    assert _looks_alike(printed.read_bytes(), stored), "the printed page shows the stored summary"
    assert ("bob", "printed", visit_id) in _actions(stores)
    assert "Sent" in desk.area.visit.notice.text()


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


def test_no_printer_says_so_and_offers_saving(opened, stores, monkeypatch, tmp_path) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    monkeypatch.setattr(visit_screen, "find_printer", lambda _name: None)
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
    assert screen.no_summary.isVisible() and not screen.print_button.isEnabled()
    tap(screen.discard_button)
    assert stores.visits.list() and "Confirm discard" == screen.discard_button.text()
    tap(screen.discard_button)
    assert stores.visits.list() == [] and desk.in_queue
    assert ("maria", "discarded", "20261125-080000-aaaaaa") in _actions(stores)

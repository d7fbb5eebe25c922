"""Printing the stored PDF, and auto-print on Finish with and without a printer."""

from __future__ import annotations

import io
import logging

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from cases import vignette
from intake.ui import app as kiosk_app
from intake.ui.staff.printing import PrintFailed, find_printer, print_pdf


def test_every_page_is_printed(qapp, tmp_path, stores, add_visit) -> None:
    pdf = stores.visits.get(add_visit("V14")).pdf
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    pages = print_pdf(pdf, printer)
    assert pages == len(PdfReader(io.BytesIO(pdf)).pages) == len(PdfReader(tmp_path / "out.pdf").pages)


def test_a_damaged_pdf_is_refused_with_a_reason(qapp, tmp_path) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    with pytest.raises(PrintFailed, match="could not be read"):
        print_pdf(b"%PDF-1.4 not really", printer)


@pytest.mark.skipif(bool(QPrinterInfo.availablePrinters()), reason="this machine has printers")
def test_no_printer_installed_is_none(qapp) -> None:
    assert find_printer(None) is None and find_printer("Front desk") is None


def test_auto_print_without_a_printer_tells_staff_not_the_patient(open_kiosk, stores, qtbot, caplog, monkeypatch) -> None:
    monkeypatch.setattr(kiosk_app, "print_on_clinic_printer", lambda _pdf, _name: "no printer installed")
    window, patient = open_kiosk(stores=stores, auto_print=True)
    with caplog.at_level(logging.WARNING), qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.complete(vignette("V01")["answers"])
    assert window.thank_you.message.text() == "Please give the tablet back to the front desk."
    assert "automatic printing failed: no printer installed" in caplog.text
    assert vignette("V01")["answers"]["family_name"] not in caplog.text
    assert not [row for row in stores.audit.rows() if row.action == "printed"]


def test_auto_print_prints_the_finished_summary_and_audits_it(open_kiosk, stores, qtbot, monkeypatch, tmp_path) -> None:
    printed: list[bytes] = []

    def print_to_file(pdf: bytes, name: str | None) -> None:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "auto.pdf"))
        print_pdf(pdf, printer)
        printed.append(pdf)

    monkeypatch.setattr(kiosk_app, "print_on_clinic_printer", print_to_file)
    window, patient = open_kiosk(stores=stores, auto_print=True, printer="Front desk")
    with qtbot.waitSignal(window.visit_finished, timeout=10_000) as finished:
        patient.complete(vignette("V01")["answers"])
    visit_id = finished.args[0].visit_id
    assert printed == [stores.visits.get(visit_id).pdf]
    assert (tmp_path / "auto.pdf").read_bytes().startswith(b"%PDF")
    assert [(r.staff_id, r.action, r.visit_id) for r in stores.audit.rows()] == [
        ("kiosk", "started", visit_id), ("kiosk", "finished", visit_id), ("kiosk", "printed", visit_id)
    ]

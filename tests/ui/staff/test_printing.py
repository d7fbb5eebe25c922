"""Printing the stored PDF (as it is through CUPS, else as page images), and auto-print on Finish.

The printers the system offers and `lp` are stand-ins (see the conftests), and the tests of
how the system's list is read give Qt's list as they say, so these tests come out the same
on every machine, printers or none, and never print on a real printer.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from cases import vignette
from cups_server import COLOUR_DRIVER, CupsUnavailable, private_cups
from fake_lp import POSIX_ONLY
from intake.app.print_jobs import Printers, PrintFailed, PrintJob
from intake.ui.staff import printing
from intake.ui.staff.printing import installed_printers, job_sent, print_pdf, printer_for

ROOT = Path(__file__).resolve().parents[3]


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.mark.parametrize(
    ("job", "said"),
    [
        (PrintJob("Front-desk", cups_job="Front-desk-1"), "Sent to Front-desk (job Front-desk-1)."),
        (PrintJob("Gone", pages=2), "Sent 2 page(s) to Gone."),
        (PrintJob("Ward-3"), "Sent to Ward-3."),
    ],
)
def test_staff_are_told_where_the_job_went_and_what_to_look_for(job: PrintJob, said: str) -> None:
    assert job_sent(job) == said


def test_every_page_is_printed(qapp, tmp_path, stores, add_visit) -> None:
    pdf = stores.visits.get(add_visit("V14")).pdf
    pages = print_pdf(pdf, _pdf_printer(tmp_path / "out.pdf"))
    assert pages == len(PdfReader(io.BytesIO(pdf)).pages) == len(PdfReader(tmp_path / "out.pdf").pages)


def test_a_damaged_pdf_is_refused_with_a_reason(qapp, tmp_path) -> None:
    with pytest.raises(PrintFailed, match="could not be read"):
        print_pdf(b"%PDF-1.4 not really", _pdf_printer(tmp_path / "out.pdf"))


class _SystemPrinters:
    """Qt's view of the system's printers, as a test says: whatever this machine has installed is never asked."""

    names: tuple[str, ...] = ()
    default = ""

    @classmethod
    def availablePrinters(cls) -> list[QPrinterInfo]:  # noqa: N802 - Qt's name
        return [_Named(name) for name in cls.names]

    @classmethod
    def defaultPrinterName(cls) -> str:  # noqa: N802 - Qt's name
        return cls.default

    @classmethod
    def printerInfo(cls, _name: str) -> QPrinterInfo:  # noqa: N802 - Qt's name
        return QPrinterInfo()  # a null one: no such printer


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name

    def printerName(self) -> str:  # noqa: N802 - Qt's name
        return self.name


@pytest.mark.parametrize(("names", "default"), [(("Front-desk", "Ward-3"), "Ward-3"), (("Front-desk",), ""), ((), "")])
def test_the_printers_offered_are_the_systems(qapp, monkeypatch, names, default) -> None:
    monkeypatch.setattr(_SystemPrinters, "names", names)
    monkeypatch.setattr(_SystemPrinters, "default", default)
    monkeypatch.setattr(printing, "QPrinterInfo", _SystemPrinters)
    assert installed_printers() == Printers(names, default or None)


def test_a_printer_the_system_no_longer_has_is_refused_not_swapped_for_the_default(qapp, monkeypatch) -> None:
    monkeypatch.setattr(printing, "QPrinterInfo", _SystemPrinters)
    with pytest.raises(PrintFailed, match="Upstairs is no longer installed"):
        printer_for("Upstairs")


def test_auto_print_without_a_printer_tells_staff_not_the_patient(open_kiosk, stores, qtbot, caplog, printers, fake_lp) -> None:
    window, patient = open_kiosk(stores=stores, auto_print=True)
    with caplog.at_level(logging.WARNING), qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.complete(vignette("V01")["answers"])
    assert window.thank_you.message.text() == "Please give the tablet back to the front desk."
    assert "automatic printing failed: no printer installed" in caplog.text
    assert vignette("V01")["answers"]["family_name"] not in caplog.text
    assert not [row for row in stores.audit.rows() if row.action == "printed"]
    assert fake_lp.jobs() == []


@POSIX_ONLY
def test_auto_print_hands_the_stored_pdf_to_cups_and_audits_it(open_kiosk, stores, qtbot, printers, fake_lp) -> None:
    printers("Front-desk", "Ward-3")
    window, patient = open_kiosk(stores=stores, auto_print=True, printer="Ward-3")
    with qtbot.waitSignal(window.visit_finished, timeout=10_000) as finished:
        patient.complete(vignette("V01")["answers"])
    visit_id = finished.args[0].visit_id
    [job] = fake_lp.jobs()
    assert job.args == ["-d", "Ward-3", "-t", f"visit-{visit_id}", "-"]
    assert job.pdf == stores.visits.get(visit_id).pdf
    assert [(r.staff_id, r.action, r.visit_id) for r in stores.audit.rows()] == [
        ("kiosk", "started", visit_id), ("kiosk", "finished", visit_id), ("kiosk", "printed", visit_id)
    ]


@POSIX_ONLY
def test_auto_print_draws_the_pages_when_cups_refuses(open_kiosk, stores, qtbot, printers, fake_lp) -> None:
    printers("Front-desk", default="Front-desk")
    fake_lp.refuse("lp: Unable to connect to server: Connection refused")
    drawn = printers.paper("Front-desk")
    window, patient = open_kiosk(stores=stores, auto_print=True)
    with qtbot.waitSignal(window.visit_finished, timeout=10_000) as finished:
        patient.complete(vignette("V01")["answers"])
    visit_id = finished.args[0].visit_id
    stored = stores.visits.get(visit_id).pdf
    assert len(PdfReader(drawn).pages) == len(PdfReader(io.BytesIO(stored)).pages)
    assert PdfReader(drawn).metadata.title == f"visit-{visit_id}", "the job is titled by visit id, not by name"
    assert ("kiosk", "printed", visit_id) in [(r.staff_id, r.action, r.visit_id) for r in stores.audit.rows()]


DIALOG_CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QWidget
from intake.ui.staff.printing import choose_in_dialog

app = QApplication([])
parent = QWidget()
changes = {
    "nothing": lambda dialog: None,
    "copies": lambda dialog: dialog.findChild(QSpinBox, "copies").setValue(2),
    "odd pages only": lambda dialog: dialog.findChild(QComboBox, "pageSetCombo").setCurrentIndex(1),
}
offered = {}
for name, change in changes.items():
    def press_print(change=change):
        [dialog] = [widget for widget in app.topLevelWidgets() if isinstance(widget, QPrintDialog) and widget.isVisible()]
        change(dialog)
        dialog.accept()
    QTimer.singleShot(200, press_print)
    offered[name] = choose_in_dialog(sys.argv[1], "Print summary", parent).as_offered
print(json.dumps(offered))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the system print dialog lists CUPS printers on Linux and macOS")
@pytest.mark.parametrize("driver", [None, COLOUR_DRIVER], ids=["raw queue", "colour driver"])
def test_the_system_print_dialog_left_alone_keeps_the_printer_as_offered(driver: str | None) -> None:
    """Qt's own dialog on a printer of a private CUPS scheduler: a change of any option means page images.

    In a process of its own: libcups reads which scheduler to ask once per process.
    """
    try:
        with private_cups("Front-desk", driver) as cups:
            env = {**cups.env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
            child = subprocess.run(
                [sys.executable, "-c", DIALOG_CHILD, cups.printer], env=env, capture_output=True, text=True, timeout=60,
                check=False,
            )
    except CupsUnavailable as reason:
        pytest.skip(str(reason))
    assert child.returncode == 0, child.stderr
    assert json.loads(child.stdout) == {"nothing": True, "copies": False, "odd pages only": False}

"""Printing a stored summary PDF exactly as it is, and finding a printer to print on.

The PDF is the document of record, so it is never re-laid out: where CUPS takes PDF it
gets the stored bytes (see `intake.app.print_jobs`), and otherwise, or when staff change
options in the print dialog, the pages are drawn from QtPdf renders at print quality.
Either way what the clinician reads on paper is what the store holds.

What staff are told (`job_sent`, the problems a `PrintFailed` carries) is in the staff
language; the kiosk's unattended printing only logs its problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrintEngine, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from intake.app.print_jobs import Printers, PrintFailed, PrintJob, job_title, send_pdf
from intake.ui.staff.words import N_, _, ngettext

RENDER_DPI = 300
"""Sharp on paper, and an A4 page stays near 35 MB in memory (1200 dpi would be 560 MB)."""
NO_PRINTER = N_(
    "No printer is set up on this computer. Save the summary as a PDF instead, "
    "or ask your IT contact to add a printer."
)
CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)
"""Qt's key for the CUPS options its Unix print dialog sets (pages per sheet, banners, the printer's own options)."""
UNTOUCHED_CUPS_OPTIONS = {
    "number-up": "1", "number-up-layout": "lrtb", "job-billing": "", "job-priority": "50", "job-sheets": "none,none"
}
"""What that dialog sets when nobody changes anything: not a choice staff made."""

AutoPrint = Callable[[bytes, str | None], str | None]


def load_pdf(pdf: bytes, document: QPdfDocument) -> QBuffer:
    """Load these bytes into `document`; the returned buffer must live as long as the document reads it."""
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        # Translators: {error} is Qt's name for what is wrong with the PDF ("InvalidFileFormat").
        raise PrintFailed(_("the summary PDF could not be read ({error})").format(error=document.error().name))
    return buffer


def installed_printers() -> Printers:
    names = tuple(info.printerName() for info in QPrinterInfo.availablePrinters())
    return Printers(names, QPrinterInfo.defaultPrinterName() or None)


def printer_names() -> list[str]:
    return list(installed_printers().names)


def find_printer(name: str | None) -> str | None:
    """The clinic's chosen printer, else the system default, else the first installed, else None."""
    return installed_printers().find(name)


def printer_for(name: str) -> QPrinter:
    """A print-quality QPrinter on this printer, on its own default paper as its print dialog offers.

    A printer gone since it was listed is refused: Qt would quietly print on the default one.
    """
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintFailed(_("{printer} is no longer installed").format(printer=name))
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    paper = info.defaultPageSize()
    if paper.isValid() and paper.id() != QPageSize.PageSizeId.Custom:
        printer.setPageSize(paper)
    return printer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page onto `printer` as an image, scaled to fit its page; returns the page count."""
    document = QPdfDocument()
    load_pdf(pdf, document)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(_("the printer could not be opened"))
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            _draw_page(painter, document, page, printer.pageRect(QPrinter.Unit.DevicePixel).toRect())
    finally:
        painter.end()
    return document.pageCount()


def _draw_page(painter: QPainter, document: QPdfDocument, page: int, area: QRect) -> None:
    """Render at print quality on white (QtPdf leaves the background transparent), then fit the page."""
    points = document.pagePointSize(page)
    pixels = (points * RENDER_DPI / 72).toSize()
    sheet = QImage(pixels, QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    on_sheet = QPainter(sheet)
    on_sheet.drawImage(0, 0, document.render(page, pixels))
    on_sheet.end()
    fitted = points.scaled(QSizeF(area.size()), Qt.AspectRatioMode.KeepAspectRatio).toSize()
    painter.drawImage(QRect(QPoint(0, 0), fitted), sheet)


def _raster(pdf: bytes, name: str, title: str) -> int:
    """Page images on this printer, the job titled like the CUPS one would be (never a patient's name)."""
    printer = printer_for(name)
    printer.setDocName(title)
    return print_pdf(pdf, printer)


def print_on(pdf: bytes, name: str, title: str) -> PrintJob:
    """Print without asking on this printer: the PDF as it is where CUPS takes it, else as page images."""
    return send_pdf(pdf, name, title, partial(_raster, pdf, name, title))


def job_sent(job: PrintJob) -> str:
    """What staff are told: where it went, and the job to look for in the print queue."""
    if job.cups_job:
        # Translators: {job} is the print system's id for the job ("Front-desk-12"), to find it in the print queue.
        return _("Sent to {printer} (job {job}).").format(printer=job.printer, job=job.cups_job)
    if job.pages is not None:
        # Translators: English says "page(s)" whatever the count; translate each form as your language counts.
        sent = ngettext("Sent {count} page(s) to {printer}.", "Sent {count} page(s) to {printer}.", job.pages)
        return sent.format(count=job.pages, printer=job.printer)
    return _("Sent to {printer}.").format(printer=job.printer)


def dialog_choices(printer: QPrinter) -> tuple[object, ...]:
    """What staff can choose in the print dialog, to tell whether they chose anything.

    The page size and orientation stand for the layout: accepting the dialog unchanged
    still moves the margins to the printer's own. Colour is left out: the dialog offers
    colour even where the printer says it prints grey, and the summary reads the same
    either way (status is in words and symbols).
    """
    layout = printer.pageLayout()
    options = printer.printEngine().property(CUPS_OPTIONS)
    options = options if isinstance(options, list) else []
    pairs = dict(zip(options[::2], options[1::2], strict=False))
    chosen_options = sorted((key, value) for key, value in pairs.items() if UNTOUCHED_CUPS_OPTIONS.get(key) != value)
    return (
        printer.printerName(), printer.outputFormat(), printer.outputFileName(), printer.copyCount(),
        printer.collateCopies(), printer.duplex(), printer.pageOrder(), printer.printRange(),
        printer.fromPage(), printer.toPage(), printer.pageRanges().toRangeList(), layout.pageSize().id(),
        layout.orientation(), tuple(chosen_options),
    )


@dataclass(frozen=True)
class ChosenPrinter:
    """The printer staff accepted in the print dialog, and whether they left it as offered."""

    name: str
    """The clinic's printer the dialog opened on."""
    printer: QPrinter
    as_offered: bool
    """Same printer, no option changed: the PDF may go to it as it is."""

    def send(self, pdf: bytes, title: str) -> PrintJob:
        """As offered: the PDF as it is where CUPS takes it. Changed options: drawn onto their QPrinter."""
        self.printer.setDocName(title)
        if self.as_offered:
            return send_pdf(pdf, self.name, title, partial(print_pdf, pdf, self.printer))
        where = self.printer.printerName() or self.printer.outputFileName()
        return PrintJob(where, pages=print_pdf(pdf, self.printer))


def choose_in_dialog(name: str, title: str, parent: QWidget) -> ChosenPrinter | None:
    """The system print dialog, opened on this printer; None when staff cancel.

    The kiosk's window is made active again once the dialog closes: on a kiosk with no
    window manager nothing else does, and a window left inactive gets no focus, so the
    next sign-in would show no PIN pad.
    """
    printer = printer_for(name)
    offered = dialog_choices(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    parent.window().activateWindow()
    if not accepted:
        return None
    return ChosenPrinter(name, printer, dialog_choices(printer) == offered)


def kiosk_printing(visit_id: str) -> AutoPrint:
    """How the kiosk prints this visit's summary on Finish: without asking; returns what went wrong, or None."""
    return partial(_print_unattended, title=job_title(visit_id))


def _print_unattended(pdf: bytes, printer_name: str | None, title: str) -> str | None:
    found = find_printer(printer_name)
    if found is None:
        return "no printer installed"
    try:
        print_on(pdf, found, title)
    except PrintFailed as failure:
        return str(failure)
    return None

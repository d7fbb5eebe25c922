"""Printing a stored summary PDF exactly as it is, and finding a printer to print on.

The PDF is the document of record, so it is printed page by page from QtPdf renders
rather than re-laid out: what the clinician reads on paper is what the store holds.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

log = logging.getLogger(__name__)

RENDER_DPI = 300
"""Sharp on paper, and an A4 page stays near 35 MB in memory (1200 dpi would be 560 MB)."""
NO_PRINTER = (
    "No printer is set up on this computer. Save the summary as a PDF instead, "
    "or ask your IT contact to add a printer."
)


class PrintFailed(Exception):
    pass


def load_pdf(pdf: bytes, document: QPdfDocument) -> QBuffer:
    """Load these bytes into `document`; the returned buffer must live as long as the document reads it."""
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintFailed(f"the summary PDF could not be read ({document.error().name})")
    return buffer


def find_printer(name: str | None) -> QPrinterInfo | None:
    """The clinic's chosen printer, else the system default, else None."""
    if name:
        chosen = QPrinterInfo.printerInfo(name)
        if not chosen.isNull():
            return chosen
        log.warning("printer named in settings is not installed; using the default")
    default = QPrinterInfo.defaultPrinter()
    if not default.isNull():
        return default
    printers = QPrinterInfo.availablePrinters()
    return printers[0] if printers else None


def printer_names() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page onto `printer`, scaled to fit its page; returns the page count."""
    document = QPdfDocument()
    load_pdf(pdf, document)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be opened")
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


def print_on_clinic_printer(pdf: bytes, printer_name: str | None) -> str | None:
    """Print without asking (auto-print on Finish); returns what went wrong, or None."""
    found = find_printer(printer_name)
    if found is None:
        return "no printer installed"
    try:
        print_pdf(pdf, QPrinter(found, QPrinter.PrinterMode.HighResolution))
    except PrintFailed as failure:
        return str(failure)
    return None

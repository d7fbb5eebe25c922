"""Guards against known defects of the Qt bindings the app is pinned around, and for QtPdf in each Python version's Qt."""

from __future__ import annotations

import sys

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel
from reportlab.pdfgen import canvas


def test_void_qt_calls_keep_the_reference_to_none(qtbot) -> None:
    """PySide6 6.12.0 on CPython 3.11 loses one reference to None per void call and the
    process aborts after a few thousand; a kiosk makes that many calls in one visit."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.update()
    assert sys.getrefcount(None) - before > -100


def test_qtpdf_is_installed_for_the_print_preview(tmp_path) -> None:
    """QtPdf comes from PySide6-Addons on 3.11 and from PySide6-Pdf on 3.12 and later
    (pyproject's markers): either must open the PDFs the app writes."""
    path = tmp_path / "one-page.pdf"
    page = canvas.Canvas(str(path))
    page.drawString(72, 720, "Headache intake")
    page.save()
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1

"""The printer test page, read back as text: one page, which clinic, printer and time, no patient data."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER

from intake.report.test_page import HEADING, TestSheet, render_test_page

PRINTED_AT = datetime(2026, 11, 25, 9, 41)


@pytest.mark.parametrize(("paper", "paper_name", "size"), [("a4", "A4", A4), ("letter", "US Letter", LETTER)])
def test_one_page_says_which_clinic_printer_and_time(paper: str, paper_name: str, size: tuple[float, float]) -> None:
    pdf = render_test_page(TestSheet("Klinik Zoë Nord", "Ward-3", PRINTED_AT, paper, paper_name))
    [page] = PdfReader(io.BytesIO(pdf)).pages
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size)
    words = " ".join(page.extract_text().split())
    assert HEADING == "Test page: no patient data" and HEADING in words
    for fact in ("Clinic: Klinik Zoë Nord", "Printer: Ward-3", "Printed: 25 Nov 2026 09:41", f"Paper: {paper_name}"):
        assert fact in words

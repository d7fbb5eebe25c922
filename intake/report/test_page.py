"""The one-page test sheet the settings screen prints: which clinic, which printer, when.

It holds no patient data, so it can be printed, left on the printer and thrown away
freely. A frame at the margins the summary uses shows at a glance whether the printer
cuts anything off.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from intake import __version__
from intake.report.builder import PAPER
from intake.report.fonts import fonts, markup
from intake.report.styles import INK, MARGIN, MUTED
from intake.report.words import N_, _

HEADING = N_("Test page: no patient data")
FRAME_NOTE = N_("The frame is drawn at the summary's margins: if all four sides show, nothing is cut off.")


@dataclass(frozen=True)
class TestSheet:
    __test__ = False  # a sheet, not a pytest test class

    clinic: str
    printer: str
    printed_at: datetime
    paper: str = "a4"
    paper_name: str = "A4"
    """As the settings screen names the paper, so the sheet and the screen agree."""


def _frame(canvas: Canvas, document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1)
    width, height = document.pagesize
    canvas.rect(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN)
    canvas.restoreState()


def render_test_page(sheet: TestSheet) -> bytes:
    found = fonts()
    heading = ParagraphStyle("heading", fontName=found.bold, fontSize=22, leading=28, textColor=INK, spaceAfter=18)
    body = ParagraphStyle("body", fontName=found.regular, fontSize=12, leading=17, textColor=INK)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=MUTED)
    facts = (
        (_("Clinic:"), sheet.clinic),
        (_("Printer:"), sheet.printer),
        (_("Printed:"), sheet.printed_at.strftime("%d %b %Y %H:%M")),
        (_("Paper:"), sheet.paper_name),
    )
    story: list[Flowable] = [Paragraph(markup(_(HEADING)), heading)]
    story += [Paragraph(f"<b>{markup(label)}</b> {markup(value)}", body) for label, value in facts]
    story += [Spacer(0, 12 * mm), Paragraph(markup(_(FRAME_NOTE)), small), Paragraph(f"headache-intake {__version__}", small)]
    buffer = io.BytesIO()
    inset = MARGIN + 8 * mm
    document = SimpleDocTemplate(
        buffer, pagesize=PAPER[sheet.paper], leftMargin=inset, rightMargin=inset, topMargin=inset, bottomMargin=inset,
        title=_(HEADING), author=sheet.clinic, creator=f"headache-intake {__version__}",
    )
    document.build(story, onFirstPage=_frame)
    return buffer.getvalue()

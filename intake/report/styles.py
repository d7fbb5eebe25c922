"""Paragraph and table styles, defined once. Greyscale-safe: status is words and symbols.

A heading keeps with what follows it: never alone at the foot of a page, its section on the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from intake.report.fonts import fonts

INK = colors.HexColor("#111111")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#888888")
SHADE = colors.HexColor("#e6e6e6")
MET = colors.HexColor("#1b5e20")
UNMET = colors.HexColor("#8b0000")
URGENT_FILL = colors.HexColor("#f2f2f2")
MARGIN = 16 * mm
CELL_PADDING = 3
CELL_SIZE, CELL_LEADING = 8.5, 10.5


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    status_met: ParagraphStyle
    status_unmet: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    outcome: ParagraphStyle
    warning: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    found = fonts()
    body = ParagraphStyle("body", fontName=found.regular, fontSize=9.5, leading=12.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=CELL_LEADING)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=found.bold),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, textColor=MUTED),
        status_met=ParagraphStyle("status_met", parent=cell, fontName=found.bold, textColor=MET),
        status_unmet=ParagraphStyle("status_unmet", parent=cell, fontName=found.bold, textColor=UNMET),
        heading=ParagraphStyle("heading", parent=body, fontName=found.bold, fontSize=11.5, leading=14,
                               spaceBefore=7, spaceAfter=3, keepWithNext=1),
        title=ParagraphStyle("title", parent=body, fontName=found.bold, fontSize=15, leading=18, spaceAfter=2),
        outcome=ParagraphStyle("outcome", parent=body, fontName=found.bold, fontSize=12, leading=15),
        warning=ParagraphStyle("warning", parent=body, fontName=found.bold, fontSize=9, leading=11.5),
    )


def grid(header_rows: int = 1) -> TableStyle:
    """A plain ruled table with a shaded header row that repeats on every page."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts().regular),
            ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
            ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), fonts().bold),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ]
    )

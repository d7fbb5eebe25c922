"""The one-page patient information sheet "What happens at a Botox consultation".

Words come from `forms/info/<language>.yaml` (see `info_text`), the clinic's name and
phone from its settings. The sheet is handed to a patient, so it must stay one page
whatever the clinic's name is: it is laid out at the largest text size that fits, from a
comfortable 11 pt down to 9 pt.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from intake import __version__
from intake.atomic import write_private
from intake.report.fonts import fonts, markup
from intake.report.info_text import BOLD, InfoSection, InfoSheetText
from intake.report.styles import INK, MUTED, RULE
from intake.settings import Settings

PAPER = {"a4": A4, "letter": LETTER}
BODY_SIZES = (11.0, 10.75, 10.5, 10.25, 10.0, 9.75, 9.5, 9.25, 9.0)
"""Largest first; 9 pt is the smallest a patient should be asked to read."""
MARGIN = 13 * mm
"""Narrower than the clinician summary's: room for larger text, still inside any printer's reach."""
FRAME_PADDING = 6
"""reportlab's default padding inside the page frame: tables are this much narrower than the margins."""
WARNING_SHADE = colors.HexColor("#f0f0f0")
BULLET = "•"
WARNING_SIGN = "⚠"


@dataclass(frozen=True)
class SheetClinic:
    name: str
    phone: str = ""
    address: str = ""
    paper: str = "a4"


@dataclass(frozen=True)
class RenderedSheet:
    pdf: bytes
    pages: int
    body_size: float


def sheet_clinic(settings: Settings, paper: str | None = None) -> SheetClinic:
    """The clinic as the sheet shows it; `paper` overrides the clinic's paper size."""
    return SheetClinic(settings.clinic_name, settings.clinic_phone, settings.clinic_address, paper or settings.paper)


def _rich(text: str) -> str:
    """Paragraph markup for the sheet's own words: escaped, with `**bold**` set in the bold font."""
    parts = text.split(BOLD)
    return "".join(f"<b>{markup(part)}</b>" if index % 2 else markup(part) for index, part in enumerate(parts))


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    point: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    clinic: ParagraphStyle
    contact: ParagraphStyle
    small: ParagraphStyle


def _styles(size: float) -> _Styles:
    """Every style scales with the body size, so shrinking to fit keeps the proportions."""
    found = fonts()
    body = ParagraphStyle(
        "sheet-body", fontName=found.regular, fontSize=size, leading=size * 1.28, textColor=INK, spaceAfter=size * 0.25
    )

    def bold(name: str, larger: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, fontName=found.bold, fontSize=size + larger,
                              leading=(size + larger) * 1.25, **extra)

    return _Styles(
        body=body,
        point=ParagraphStyle("sheet-point", parent=body, leftIndent=size * 1.3, bulletIndent=size * 0.2, spaceAfter=size * 0.1),
        heading=bold("sheet-heading", 2, spaceBefore=size * 0.5, spaceAfter=size * 0.2),
        title=bold("sheet-title", 8, spaceBefore=size * 0.3, spaceAfter=size * 0.3),
        clinic=bold("sheet-clinic", 1, spaceAfter=0),
        contact=bold("sheet-contact", 1, spaceAfter=0, alignment=TA_RIGHT),
        small=ParagraphStyle("sheet-small", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.3, textColor=MUTED,
                             spaceAfter=0),
    )


def _phone_line(text: InfoSheetText, clinic: SheetClinic) -> str:
    return f"{_rich(text.phone_label)}: {markup(clinic.phone)}" if clinic.phone else ""


def _header(text: InfoSheetText, clinic: SheetClinic, style: _Styles, width: float) -> list[Flowable]:
    """Clinic name (and address) left, phone right, over a rule: whom to call is the first thing seen."""
    left: list[Flowable] = [Paragraph(markup(clinic.name), style.clinic)]
    if clinic.address:
        left.append(Paragraph(markup(clinic.address), style.small))
    phone = _phone_line(text, clinic)
    table = Table([[left, Paragraph(phone, style.contact) if phone else ""]], colWidths=(width * 0.64, width * 0.36))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
    ]))
    return [table]


def _points(section: InfoSection, style: _Styles, width: float) -> list[Flowable]:
    bullets: list[Flowable] = [Paragraph(_rich(point), style.point, bulletText=BULLET) for point in section.points]
    if section.point_columns == 1 or len(bullets) < 2:
        return bullets
    half = (len(bullets) + 1) // 2
    table = Table([[bullets[:half], bullets[half:]]], colWidths=(width / 2, width / 2))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table]


def _section(section: InfoSection, style: _Styles, width: float) -> Flowable:
    if not section.warning:
        parts = [Paragraph(_rich(section.heading), style.heading)]
        parts += [Paragraph(_rich(paragraph), style.body) for paragraph in section.paragraphs]
        return KeepTogether(parts + _points(section, style, width))
    inner = width - 16
    boxed: list[Flowable] = [Paragraph(f"{WARNING_SIGN} {_rich(section.heading)}", style.heading)]
    boxed += [Paragraph(_rich(paragraph), style.body) for paragraph in section.paragraphs]
    boxed += _points(section, style, inner)
    box = Table([[boxed]], colWidths=(width,))
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.6, INK),
        ("BACKGROUND", (0, 0), (-1, -1), WARNING_SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return KeepTogether([Spacer(0, style.body.fontSize * 0.6), box])


def _footer(text: InfoSheetText, clinic: SheetClinic, style: _Styles, width: float) -> list[Flowable]:
    contact = " · ".join(part for part in (markup(clinic.name), _phone_line(text, clinic)) if part)
    rule = Table([[""]], colWidths=(width,), rowHeights=(1,))
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE)]))
    return [Spacer(0, style.body.fontSize * 0.6), rule,
            Paragraph(_rich(text.footer), style.small), Paragraph(contact, style.small)]


def _build(text: InfoSheetText, clinic: SheetClinic, size: float) -> RenderedSheet:
    pagesize = PAPER[clinic.paper]
    width = pagesize[0] - 2 * MARGIN - 2 * FRAME_PADDING
    style = _styles(size)
    story: list[Flowable] = _header(text, clinic, style, width)
    story.append(Paragraph(_rich(text.title), style.title))
    story.append(Paragraph(_rich(text.lead), style.body))
    story += [_section(section, style, width) for section in text.sections]
    story += _footer(text, clinic, style, width)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=text.title.replace(BOLD, ""),
        author=clinic.name,
        subject="Patient information",
        creator=f"headache-intake {__version__}",
        lang=text.language,
    )
    document.build(story)
    return RenderedSheet(buffer.getvalue(), document.page, size)


def render_info_sheet(text: InfoSheetText, clinic: SheetClinic) -> RenderedSheet:
    """The sheet at the largest text size that keeps it on one page (the smallest size if none does)."""
    rendered = _build(text, clinic, BODY_SIZES[0])
    for size in BODY_SIZES[1:]:
        if rendered.pages == 1:
            break
        rendered = _build(text, clinic, size)
    return rendered


def write_info_sheet(text: InfoSheetText, clinic: SheetClinic, target: Path) -> RenderedSheet:
    """Render and write readable by this user only, like every PDF the app writes."""
    rendered = render_info_sheet(text, clinic)
    write_private(target, rendered.pdf)
    return rendered

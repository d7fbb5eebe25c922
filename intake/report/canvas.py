"""Header and footer on every page, with "Page X of Y" from a two-pass canvas."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen import canvas

from intake.report.fonts import fonts
from intake.report.styles import MARGIN, MUTED, RULE
from intake.report.words import _


@dataclass(frozen=True)
class PageFurniture:
    clinic_name: str
    document_title: str
    provenance: str


def numbered_canvas(furniture: PageFurniture) -> Callable[..., canvas.Canvas]:
    """A canvas class that draws the page furniture once the page count is known."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # private in reportlab; Canvas.showPage calls it too

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            found = fonts()
            width, height = self._pagesize  # type: ignore[attr-defined]  # set by Canvas.__init__
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.setFont(found.bold, 9)
            self.drawString(MARGIN, height - MARGIN + 6, furniture.clinic_name)
            self.setFont(found.regular, 9)
            self.drawRightString(width - MARGIN, height - MARGIN + 6, furniture.document_title)
            self.line(MARGIN, height - MARGIN + 2, width - MARGIN, height - MARGIN + 2)
            self.line(MARGIN, MARGIN - 4, width - MARGIN, MARGIN - 4)
            self.setFont(found.regular, 8)
            # Translators: the foot of every page; {page} is this page's number, {pages} how many the PDF has.
            footer = _("Patient-reported, not verified · Decision support, not a diagnosis · Page {page} of {pages}")
            self.drawString(MARGIN, MARGIN - 14, footer.format(page=self.getPageNumber(), pages=total))
            self.setFillColor(MUTED)
            self.setFont(found.regular, 6.5)
            self.drawString(MARGIN, MARGIN - 23, furniture.provenance)
            self.restoreState()

    return NumberedCanvas

"""The clinician PDF summary (reportlab platypus). No Qt here."""

from intake.report.addenda import Addenda, AmendmentLine, NoteLine
from intake.report.builder import ClinicInfo, NotFinished, RenderedReport, render_report

__all__ = ["Addenda", "AmendmentLine", "ClinicInfo", "NotFinished", "NoteLine", "RenderedReport", "render_report"]

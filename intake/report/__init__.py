"""The clinician PDF summary (reportlab platypus). No Qt here."""

from intake.report.builder import ClinicInfo, NotFinished, RenderedReport, render_report

__all__ = ["ClinicInfo", "NotFinished", "RenderedReport", "render_report"]

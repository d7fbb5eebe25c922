"""The clinician PDF summary (reportlab platypus). No Qt here."""

from intake.report.builder import ClinicInfo, RenderedReport, render_report

__all__ = ["ClinicInfo", "RenderedReport", "render_report"]

"""The clinician PDF summary (reportlab platypus). No Qt here."""

from intake.report.builder import ClinicInfo, RenderedReport, build_pdf, render_report

__all__ = ["ClinicInfo", "RenderedReport", "build_pdf", "render_report"]

"""Time to build the clinician PDF: V01, and a response with 40 preventive trials.

Run: .venv/bin/python benchmarks/report_build.py
Targets: under 100 ms for V01 on a 2-core machine (issue 3), and within 3x a bare
reportlab document of the same page count (issue 15), which this also times.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table  # noqa: E402

from intake.app.assessing import assess_for_clinic  # noqa: E402
from intake.questionnaire.loader import default_form  # noqa: E402
from intake.questionnaire.response import parse_response  # noqa: E402
from intake.report import ClinicInfo, render_report  # noqa: E402


def _bare(pages: int) -> bytes:
    """Full pages with no styling: a heading, a paragraph and a 30-row table of plain strings, in Helvetica."""
    style = getSampleStyleSheet()
    story = []
    for page in range(pages):
        rows = [[f"Question {row} on page {page + 1}", "an answer", f"{row} days", "met"] for row in range(30)]
        story += [Paragraph(f"Page {page + 1}", style["Heading1"]), Paragraph("Plain text. " * 40, style["BodyText"]),
                  Table(rows), PageBreak()]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story[:-1])
    return buffer.getvalue()


def _time(label: str, build) -> float:
    build()  # fonts and first-use caches
    times = []
    for _ in range(15):
        start = time.perf_counter()
        pdf = build()
        times.append(time.perf_counter() - start)
    print(f"{label}: median {statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms,"
          f" {len(pdf) // 1024} KB (n=15)")
    return statistics.median(times)


def main() -> None:
    form = default_form()
    case = json.loads((ROOT / "tests/data/vignettes.json").read_text(encoding="utf-8"))[0]["response"]
    response = parse_response(case, form)
    assessment = assess_for_clinic(response, form, "us-payer")
    v01 = _time("PDF for V01", lambda: render_report(response, assessment, form, ClinicInfo()).pdf)
    pages = len(PdfReader(io.BytesIO(render_report(response, assessment, form, ClinicInfo()).pdf)).pages)
    assert len(PdfReader(io.BytesIO(_bare(pages))).pages) == pages, "the baseline must have V01's page count"
    bare = _time(f"Bare reportlab document, {pages} pages", lambda: _bare(pages))
    print(f"V01 / bare: {v01 / bare:.2f}x (target: within 3x)")
    names = ["propranolol", "topiramate", "amitriptyline", "venlafaxine", "candesartan"]
    rows = [{"medicine": names[i % 5], "weeks": 4 + i, "outcome": "ineffective", "dose": "10 mg"} for i in range(40)]
    big = response.model_copy(update={"answers": {**response.answers, "preventives": rows}})
    big_assessment = assess_for_clinic(big, form, "us-payer")
    _time("PDF with 40 preventive trials", lambda: render_report(big, big_assessment, form, ClinicInfo()).pdf)


if __name__ == "__main__":
    main()

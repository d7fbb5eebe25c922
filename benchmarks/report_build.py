"""Time to build the clinician PDF: V01, and a response with 40 preventive trials.

Run: .venv/bin/python benchmarks/report_build.py
Target (issue 3): under 100 ms for V01 on a 2-core machine.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intake.app.assessing import assess_for_clinic  # noqa: E402
from intake.questionnaire.loader import default_form  # noqa: E402
from intake.questionnaire.response import parse_response  # noqa: E402
from intake.report import ClinicInfo, render_report  # noqa: E402


def _time(label: str, build) -> None:
    build()  # fonts and first-use caches
    times = []
    for _ in range(15):
        start = time.perf_counter()
        pdf = build()
        times.append(time.perf_counter() - start)
    print(f"{label}: median {statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms, {len(pdf) // 1024} KB (n=15)")


def main() -> None:
    form = default_form()
    case = json.loads((ROOT / "tests/data/vignettes.json").read_text(encoding="utf-8"))[0]["response"]
    response = parse_response(case, form)
    assessment = assess_for_clinic(response, form, "us-payer")
    _time("PDF for V01", lambda: render_report(response, assessment, form, ClinicInfo()).pdf)
    names = ["propranolol", "topiramate", "amitriptyline", "venlafaxine", "candesartan"]
    rows = [{"medicine": names[i % 5], "weeks": 4 + i, "outcome": "ineffective", "dose": "10 mg"} for i in range(40)]
    big = response.model_copy(update={"answers": {**response.answers, "preventives": rows}})
    big_assessment = assess_for_clinic(big, form, "us-payer")
    _time("PDF with 40 preventive trials", lambda: render_report(big, big_assessment, form, ClinicInfo()).pdf)


if __name__ == "__main__":
    main()

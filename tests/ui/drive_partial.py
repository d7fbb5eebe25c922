"""Run by `main.py --drive`: answer V01's first three pages, then wait to be killed.

Prints `on page 4 VISIT_ID` once the fourth page shows (the third page was saved when
Next was tapped); the test then kills the process with SIGKILL.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from cases import vignette  # noqa: E402
from patient_driver import Patient  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def drive(window) -> None:
    try:
        patient = Patient(window)
        patient.start()
        for _ in range(3):
            patient.answer_page(vignette("V01")["answers"])
            patient.next()
        assert patient.page().section.id == "preventives"
    except Exception:  # noqa: BLE001 - report any failure as an exit status, never hang
        traceback.print_exc()
        QApplication.exit(3)
        return
    print(f"on page 4 {patient.wizard.visit.visit_id}", flush=True)

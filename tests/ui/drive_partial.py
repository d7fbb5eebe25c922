"""Run by `main.py --drive`: answer V01's first three sections, then wait to be killed.

Prints `on preventives VISIT_ID` once the preventives page shows (the page before was
saved when Next was tapped); the test then kills the process with SIGKILL.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from patient_driver import Patient  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cases import vignette  # noqa: E402


def drive(window) -> None:
    try:
        patient = Patient(window)
        patient.start()
        while patient.page().section.id != "preventives":
            patient.answer_page(vignette("V01")["answers"])
            patient.next_page()
    except Exception:  # noqa: BLE001 - report any failure as an exit status, never hang
        traceback.print_exc()
        QApplication.exit(3)
        return
    print(f"on preventives {patient.wizard.visit.visit_id}", flush=True)

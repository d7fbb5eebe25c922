"""Run by `main.py --drive`: a burst of taps, then the process kills itself with SIGKILL.

Answers V01's first page (kept by Next), then on the next page taps every option and
presses every + a few times, faster than the typing pause, and is killed right after the
last tap. Prints one JSON line first: the visit id and every answer the taps gave.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from patient_driver import Patient, tap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cases import vignette  # noqa: E402
from intake.ui.widgets.number_input import NumberInput  # noqa: E402
from intake.ui.widgets.option_cards import OptionCards  # noqa: E402

PLUS_PRESSES = 3


def burst(patient: Patient) -> dict:
    """Every question on the page answered by taps alone; returns what each now holds."""
    tapped = {}
    for question_id, block in patient.page().blocks.items():
        if not block.isVisible():
            continue
        if isinstance(block.input, OptionCards):
            tap(block.input.buttons()[-1])
        elif isinstance(block.input, NumberInput):
            for _ in range(PLUS_PRESSES):
                tap(block.input.plus)
        else:
            continue
        tapped[question_id] = block.input.value()
    return tapped


def drive(window) -> None:
    try:
        patient = Patient(window)
        patient.start()
        patient.answer_page(vignette("V01")["answers"])
        patient.next_page()
        tapped = burst(patient)
        assert len(tapped) >= 4, f"too few questions tapped: {tapped}"
    except Exception:  # noqa: BLE001 - report any failure as an exit status, never hang
        traceback.print_exc()
        QApplication.exit(3)
        return
    print(json.dumps({"visit": patient.wizard.visit.visit_id, "tapped": tapped}), flush=True)
    QApplication.processEvents()
    os.kill(os.getpid(), signal.SIGKILL)

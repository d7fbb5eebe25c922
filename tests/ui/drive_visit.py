"""Run inside the real app by `main.py --drive THIS_FILE`: one patient finishes V01.

Exit status 0 means the visit finished and the app then quit cleanly; 3 means the
drive itself failed (the traceback is on stderr).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from patient_driver import Patient  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cases import vignette  # noqa: E402


def drive(window) -> None:
    try:
        Patient(window).complete(vignette("V01")["answers"])
        assert window.pages.currentWidget() is window.thank_you, "the thank-you screen did not appear"
    except Exception:  # noqa: BLE001 - report any failure as an exit status, never hang
        traceback.print_exc()
        QApplication.exit(3)
        return
    print("visit finished", flush=True)
    QTimer.singleShot(0, QApplication.quit)

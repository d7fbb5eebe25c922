"""A patient on a touch tablet, no keyboard: how many taps, how much scrolling, how long.

Drives V01, V06 and V14 (which ends at the red-flag stop) through the real kiosk widgets
with mouse and wheel events only, at 800x1280 (portrait) and 1280x800 (landscape), and
prints per visit: taps, key events (must be 0: asserted), pixels scrolled, the tallest
page in screens, and an estimated completion time from this model: 1.2 s per tap, 0.4 s
per screen height scrolled, 0.3 s per word of question text and option labels shown
(help and intro texts not counted), plus the time a finger is held down.

Run: .venv/bin/python benchmarks/touch_visit.py
Goals (issue 13): 0 key events; tallest page <= 2.5 screens; V01 in <= 5 minutes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests", ROOT / "tests" / "ui"):
    sys.path.insert(0, str(folder))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="touch-visit-")
os.environ["XDG_CONFIG_HOME"] = str(Path(_HOME) / "config")
os.environ["XDG_DATA_HOME"] = str(Path(_HOME) / "data")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from touch_driver import Figures, TouchPatient  # noqa: E402

from cases import vignette  # noqa: E402
from intake.app.desk import Desk  # noqa: E402
from intake.app.station import Station  # noqa: E402
from intake.eligibility.policy import load_rules  # noqa: E402
from intake.questionnaire.loader import default_form  # noqa: E402
from intake.settings import Settings  # noqa: E402
from intake.ui.app import MainWindow  # noqa: E402
from intake.ui.theme import apply_theme  # noqa: E402

CASES = ("V01", "V06", "V14")
SIZES = ((800, 1280), (1280, 800))


def drive(case_id: str, size: tuple[int, int], app: QApplication) -> tuple[str, Figures]:
    apply_theme(app)
    settings = Settings(on_screen_keyboard="always", output_dir=Path(_HOME) / "summaries")
    window = MainWindow(Desk(Station(None, default_form(), settings, load_rules(settings.policy))))
    window.resize(*size)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    patient = TouchPatient(window)
    try:
        ended = patient.visit(vignette(case_id)["answers"])
    finally:
        patient.close()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return ended, patient.figures


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    print(f"{'visit':<6}{'screen':>11}{'ended':>10}{'taps':>6}{'keys':>6}{'scrolled px':>13}"
          f"  {'tallest page (screens)':<30}{'words':>7}{'estimate':>10}")
    worst = 0.0
    for case_id in CASES:
        for size in SIZES:
            ended, figures = drive(case_id, size, app)
            assert figures.key_events == 0, f"{case_id}: {figures.key_events} key events reached the app"
            minutes, seconds = divmod(round(figures.estimated_seconds), 60)
            tallest = f"{figures.tallest_page:.2f} {figures.tallest_page_name.removeprefix('section-')}"
            print(f"{case_id:<6}{size[0]:>5}x{size[1]:<5}{ended:>10}{figures.taps:>6}{figures.key_events:>6}"
                  f"{figures.scrolled_px:>13}  {tallest:<30}{figures.words:>7}{minutes:>6}:{seconds:02d}")
            worst = max(worst, figures.tallest_page)
    print(f"tallest page of all: {worst:.2f} screens (goal <= 2.5); key events: 0 (asserted)")


if __name__ == "__main__":
    main()

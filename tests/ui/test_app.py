"""The real app process starts, shows its window and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from intake.paths import PROJECT_ROOT
from intake.ui.welcome import WelcomeScreen


def test_main_py_starts_and_exits_zero(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert done.returncode == 0, done.stderr


def test_main_py_finishes_a_visit_and_exits_zero(tmp_path) -> None:
    config = tmp_path / "config" / "headache-intake"
    config.mkdir(parents=True)
    summaries = tmp_path / "summaries"
    (config / "settings.yaml").write_text(f"output_dir: {summaries}\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--drive", str(Path(__file__).parent / "drive_visit.py")],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "visit finished" in done.stdout
    saved = list(summaries.glob("visit-*.pdf"))
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF")
    assert "Test" not in done.stderr and "Patient" not in done.stderr


def test_bad_settings_file_is_reported_not_crashed(tmp_path) -> None:
    settings = tmp_path / "headache-intake" / "settings.yaml"
    settings.parent.mkdir()
    settings.write_text("polcy: us-payer\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert done.returncode == 2
    assert "settings.yaml: polcy: Extra inputs are not permitted" in done.stderr


def test_welcome_shows_clinic_and_start(qtbot) -> None:
    screen = WelcomeScreen("Ñandú Headache Centre")
    qtbot.addWidget(screen)
    screen.show()
    texts = [label.text() for label in screen.findChildren(QLabel)]
    assert "Ñandú Headache Centre" in texts
    assert screen.start_button.text() == "Start"
    assert screen.start_button.accessibleName() == "Start the questionnaire"
    with qtbot.waitSignal(screen.start_requested, timeout=1000):
        screen.start_button.click()

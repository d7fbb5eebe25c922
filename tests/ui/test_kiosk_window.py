"""The kiosk window: no way out of patient mode, full screen and on top, the whole screen."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from patient_driver import tap
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from staff_driver import STAFF_PIN, FrontDesk
from test_app import app_env

from intake.paths import PROJECT_ROOT
from intake.ui.app import MainWindow


def _close_request(window: MainWindow) -> bool:
    """What Alt+F4 or a window manager's close button does: True when the window accepted it."""
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_every_patient_page_refuses_a_close_request(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    assert not _close_request(window), "welcome"
    patient.start()
    assert not _close_request(window), "questionnaire"
    tap(patient.wizard.help_button)
    assert window.pages.currentWidget() is window.help_screen
    assert not _close_request(window), "help"
    assert window.isVisible() and window.wizard is not None
    desk = FrontDesk(window)
    desk.press_shortcut()
    assert not _close_request(window), "staff sign-in, nobody signed in yet"
    assert window.isVisible()


def test_a_signed_in_person_may_close_it_and_the_visit_underneath_is_kept(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    patient.start()
    patient.answer("given_name", "Zoë")
    visit_id = patient.wizard.visit.visit_id
    FrontDesk(window).sign_in("bob", STAFF_PIN)
    assert _close_request(window)
    stored = stores.visits.get(visit_id)
    assert (stored.summary.status, stored.response["answers"]) == ("unfinished", {"given_name": "Zoë"})
    assert [row.action for row in stores.audit.rows()][-2:] == ["set_aside", "signed_out"]


def test_full_screen_is_on_top_and_fills_the_screen(qtbot, kiosk) -> None:
    window, _patient = kiosk
    window.show_kiosk()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.geometry() == window.screen().geometry()


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (apt install xvfb)")
def test_full_screen_fills_a_large_screen_without_a_window_manager(tmp_path: Path) -> None:
    """On X with no window manager nothing else sizes the window: 1920x1080, not 1280x800."""
    env = {key: value for key, value in app_env(tmp_path).items() if key != "QT_QPA_PLATFORM"}
    script = Path(__file__).parent / "drive_full_screen.py"
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, str(PROJECT_ROOT / "main.py"), "--drive", str(script)],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "window 0,0 1920x1080 on screen 0,0 1920x1080 full screen, on top" in done.stdout, done.stdout + done.stderr


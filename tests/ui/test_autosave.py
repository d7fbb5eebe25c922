"""Autosave: every committed answer is in the store at once; only typing waits for a pause."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from patient_driver import tap, type_into
from PySide6.QtTest import QTest
from test_app import app_env

from intake.paths import PROJECT_ROOT
from intake.store.database import open_database
from intake.store.visits import VisitStore


def test_a_burst_of_taps_killed_at_once_keeps_every_tapped_answer(tmp_path: Path) -> None:
    env = app_env(tmp_path)
    app = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--drive", str(Path(__file__).parent / "drive_burst.py")],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert app.returncode == -signal.SIGKILL, app.stderr
    report = json.loads(app.stdout.splitlines()[-1])

    database = open_database(None, env["INTAKE_DB_KEY"], tmp_path / "data" / "headache-intake" / "visits.db")
    stored = VisitStore(database).get(report["visit"])
    database.close()
    assert stored.summary.status == "in_progress"
    assert {key: stored.response["answers"].get(key) for key in report["tapped"]} == report["tapped"]


def test_taps_are_saved_at_once_and_typing_when_the_box_is_left(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 1000)
    patient.start()
    visit_id = patient.wizard.visit.visit_id
    page = patient.page()

    def saved() -> dict:
        return stores.visits.get(visit_id).response["answers"]

    type_into(page.blocks["given_name"].input.line, "Zoë")
    assert saved() == {}, "still typing: saved after a pause"
    tap(page.blocks["sex_at_birth"].input.button_for("female"))
    assert saved() == {"given_name": "Zoë", "sex_at_birth": "female"}
    tap(page.blocks["pregnant"].input.button_for("no"))
    assert saved()["pregnant"] == "no"
    type_into(page.blocks["family_name"].input.line, "Łukasik")
    assert "family_name" not in saved()
    tap(page.blocks["given_name"].input.line)
    assert saved()["family_name"] == "Łukasik", "a text box left is an answer given"

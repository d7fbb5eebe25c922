"""The real app process starts, shows its window and exits cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PySide6.QtWidgets import QLabel

from cases import vignette
from intake.paths import POLICIES_DIR, PROJECT_ROOT
from intake.questionnaire.loader import default_form
from intake.questionnaire.patient_wording import ENGLISH
from intake.store.database import open_database
from intake.store.visits import VisitStore
from intake.ui.welcome import WelcomeScreen

PAGES_1_TO_3 = {q.id for section in default_form().sections[:3] for q in section.questions}


def app_env(tmp_path: Path) -> dict[str, str]:
    """The real app in its own config and data dirs, with the database key from the environment."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "INTAKE_DB_KEY": "test passphrase",
        "INTAKE_ADMIN_PIN": "482193",
    }


def test_main_py_starts_and_exits_zero(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"],
        capture_output=True, text=True, timeout=60, env=app_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr


def _without_display(tmp_path: Path) -> dict[str, str]:
    env = app_env(tmp_path)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    return env | {"XDG_RUNTIME_DIR": str(tmp_path)}


KIOSK_SCRIPT = (
    "import sys; sys.argv[0] = '/opt/headache-intake/bin/intake-kiosk'; from intake.ui.app import main; sys.exit(main())"
)
"""What the installed `intake-kiosk` script runs."""


@pytest.mark.parametrize(("command", "prog"), [([str(PROJECT_ROOT / "main.py")], "main.py"),
                                               (["-c", KIOSK_SCRIPT], "intake-kiosk")])
def test_without_a_display_the_kiosk_says_so_and_exits_1(tmp_path, command, prog) -> None:
    done = subprocess.run([sys.executable, *command], capture_output=True, text=True, timeout=60, env=_without_display(tmp_path))
    assert (done.returncode, done.stderr.splitlines()[0]) == (
        1, "error: no display to open the kiosk on: DISPLAY and WAYLAND_DISPLAY are not set"
    )
    assert f"xvfb-run -s '-screen 0 1280x800x24' {prog}" in done.stderr
    assert not (tmp_path / "data" / "headache-intake").exists(), "no database opened either"


def test_a_display_left_from_an_ended_session_is_no_display_either(tmp_path) -> None:
    """Before, Qt found no X server on the DISPLAY and aborted the process (SIGABRT)."""
    display = next(f":{number}" for number in range(4711, 4811) if not Path(f"/tmp/.X11-unix/X{number}").exists())
    env = _without_display(tmp_path) | {"DISPLAY": display}
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py")], capture_output=True, text=True, timeout=60, env=env)
    assert (done.returncode, done.stderr.splitlines()[0]) == (
        1, f"error: no display to open the kiosk on: WAYLAND_DISPLAY is not set; no X server answers on DISPLAY {display}"
    )


def test_offscreen_asked_on_the_command_line_needs_no_display(tmp_path) -> None:
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "-platform", "offscreen", "--quit-after-show"],
                          capture_output=True, text=True, timeout=60, env=_without_display(tmp_path))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("command", "prog"), [([str(PROJECT_ROOT / "main.py")], "main.py"),
                                               (["-c", KIOSK_SCRIPT], "intake-kiosk")])
def test_an_unknown_option_is_a_usage_error_before_any_window(tmp_path, command, prog) -> None:
    done = subprocess.run([sys.executable, *command, "--bogus"], capture_output=True, text=True, timeout=60,
                          env=app_env(tmp_path))
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == f"{prog}: error: unrecognized arguments: --bogus"
    assert not (tmp_path / "data" / "headache-intake").exists(), "nothing started"


def test_main_py_help_shows_the_kiosk_options(tmp_path) -> None:
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--help"], capture_output=True, text=True,
                          timeout=60, env=_without_display(tmp_path))
    assert done.returncode == 0 and done.stdout.startswith("usage: main.py [-h] [--version] [--windowed]")


def test_main_py_finishes_a_visit_and_exits_zero(tmp_path) -> None:
    config = tmp_path / "config" / "headache-intake"
    config.mkdir(parents=True)
    summaries = tmp_path / "summaries"
    (config / "settings.yaml").write_text(f"output_dir: {summaries}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--drive", str(Path(__file__).parent / "drive_visit.py")],
        capture_output=True, text=True, timeout=120, env=app_env(tmp_path),
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
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"],
        capture_output=True, text=True, timeout=60, env=app_env(tmp_path) | {"XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 2
    assert "settings.yaml: polcy: Extra inputs are not permitted" in done.stderr


def test_a_kiosk_language_the_form_lacks_stops_the_app_at_start_naming_the_setting(tmp_path) -> None:
    settings = tmp_path / "config" / "headache-intake" / "settings.yaml"
    settings.parent.mkdir(parents=True)
    settings.write_text("language: fr\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"],
        capture_output=True, text=True, timeout=60, env=app_env(tmp_path),
    )
    assert done.returncode == 2
    languages = ", ".join(default_form().languages)
    assert f"{settings}: language: expected one of the form's languages ({languages}), got fr" in done.stderr


def test_a_policy_that_does_not_load_stops_the_app_at_start(tmp_path) -> None:
    """No kiosk without its rules: a clinic policy whose red flags differ from the form's is named, key by key."""
    policy = yaml.safe_load((POLICIES_DIR / "us-payer.yaml").read_text(encoding="utf-8"))
    policy["red_flags"].remove("rf_cancer")
    clinic_policy = tmp_path / "our-policy.yaml"
    clinic_policy.write_text(yaml.safe_dump(policy), encoding="utf-8")
    settings = tmp_path / "config" / "headache-intake" / "settings.yaml"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"policy: {clinic_policy}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"],
        capture_output=True, text=True, timeout=60, env=app_env(tmp_path),
    )
    assert done.returncode == 2
    assert f"{clinic_policy}: red_flags: expected exactly the questions the form marks red_flag: true; missing rf_cancer" in (
        done.stderr
    )


def test_welcome_shows_clinic_and_start(qtbot) -> None:
    screen = WelcomeScreen("Ñandú Headache Centre", ENGLISH)
    qtbot.addWidget(screen)
    screen.show()
    texts = [label.text() for label in screen.findChildren(QLabel)]
    assert "Ñandú Headache Centre" in texts
    assert screen.start_button.text() == "Start"
    assert screen.start_button.accessibleName() == "Start the questionnaire"
    with qtbot.waitSignal(screen.start_requested, timeout=1000):
        screen.start_button.click()


def test_killed_mid_visit_loses_no_answered_page(tmp_path) -> None:
    """Autosave after each page: SIGKILL the app on the preventives page, every earlier answer is kept."""
    env = app_env(tmp_path)
    app = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--drive", str(Path(__file__).parent / "drive_partial.py")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        line = app.stdout.readline()
        assert line.startswith("on preventives"), line + app.stderr.read()
        os.kill(app.pid, signal.SIGKILL)
    finally:
        app.wait(timeout=30)
    visit_id = line.split()[-1]

    restarted = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"], capture_output=True, text=True, timeout=60, env=env,
    )
    assert restarted.returncode == 0, restarted.stderr
    assert "1 unfinished visit(s) from an earlier session kept for staff" in restarted.stderr

    database = open_database(None, env["INTAKE_DB_KEY"], tmp_path / "data" / "headache-intake" / "visits.db")
    stored = VisitStore(database).get(visit_id)
    database.close()
    assert stored.summary.status == "unfinished"
    expected = {key: value for key, value in vignette("V01")["answers"].items() if key in PAGES_1_TO_3}
    assert stored.response["answers"] == expected


def test_kiosk_autosaves_each_page_and_stores_the_finished_visit(open_kiosk, qtbot, tmp_path, stores) -> None:
    store = stores.visits
    window, patient = open_kiosk(stores=stores)
    patient.start()
    visit_id = patient.wizard.visit.visit_id
    assert store.get(visit_id).summary.status == "in_progress"
    patient.answer_page(vignette("V01")["answers"])
    patient.next()
    assert store.get(visit_id).response["answers"]["family_name"] == "Patient"

    patient.answer("headache_days", 22)
    qtbot.waitUntil(lambda: store.get(visit_id).response["answers"].get("headache_days") == 22, timeout=3000)

    window.end_visit()
    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.complete(vignette("V01")["answers"])
    finished = store.list(status="finished")
    assert len(finished) == 1 and finished[0].outcome == "REFER"
    assert store.get(finished[0].id).pdf.startswith(b"%PDF")
    assert not list(tmp_path.glob("**/visit-*.pdf")), "no plain PDF file unless the clinic names a folder"


def test_staff_mode_from_the_thank_you_screen_stays_when_its_time_is_up(open_kiosk, qtbot, stores) -> None:
    """A hold on the thank-you screen opens sign-in; the patient's visit is over, and its
    screen's own time running out no longer brings the welcome screen over staff mode."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from staff_driver import STAFF_PIN, FrontDesk

    window, patient = open_kiosk(stores=stores)
    window.thank_you._timer.setInterval(3200)
    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.complete(vignette("V01")["answers"])
    QTest.mousePress(window.thank_you, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.staff, timeout=5000)
    QTest.mouseRelease(window.thank_you, Qt.MouseButton.LeftButton)
    assert window.wizard is None, "the visit handed back is over"
    FrontDesk(window).sign_in("bob", STAFF_PIN)
    qtbot.wait(1000)
    assert window.pages.currentWidget() is window.staff
    window.staff.sign_out()
    assert window.pages.currentWidget() is window.welcome


def test_a_hold_on_the_help_screen_opens_sign_in_and_leads_back_to_the_questions(open_kiosk, qtbot, stores) -> None:
    """Staff come to the patient who asked for help: the tablet has no keyboard, so a hold."""
    from patient_driver import tap
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from staff_driver import STAFF_PIN, FrontDesk

    window, patient = open_kiosk(stores=stores)
    patient.start()
    tap(patient.wizard.help_button)
    assert window.pages.currentWidget() is window.help_screen
    QTest.mousePress(window.help_screen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.staff, timeout=5000)
    QTest.mouseRelease(window.help_screen, Qt.MouseButton.LeftButton)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue, "the patient at the tablet first, not an earlier visit"
    tap(desk.area.queue.patient_button)
    assert window.pages.currentWidget() is patient.wizard


def test_the_kiosk_makes_its_daily_backup_at_start_and_asks_again_hourly(open_kiosk, qtbot, tmp_path, stores) -> None:
    """The copy runs beside the patient's screen: the welcome screen is up before it is done."""
    from intake.app.backups import CHECK_EVERY_MS, automatic_backups

    folder = tmp_path / "backups"
    window, _patient = open_kiosk(stores=stores, backup_dir=folder)
    assert window.pages.currentWidget() is window.welcome
    qtbot.waitUntil(lambda: [row.action for row in stores.audit.rows()] == ["backup_made"], timeout=10_000)
    assert len(automatic_backups(folder)) == 1
    assert window.backup_timer.isActive() and window.backup_timer.interval() == CHECK_EVERY_MS


FIRST_FRAME_IMPORTS = """
import sys
import intake.ui.app
heavy = ("pydantic", "sqlalchemy", "alembic", "reportlab", "intake.store", "intake.questionnaire.form",
         "intake.ui.wizard", "intake.ui.staff.area", "PySide6.QtPdf", "importlib.metadata")
print(" ".join(name for name in heavy if name in sys.modules))
"""


def test_the_first_frame_loads_neither_pydantic_nor_the_store_nor_staff_mode() -> None:
    """What the welcome screen needs is all `intake.ui.app` imports; the rest comes after its first frame."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_IMPORTS], capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_the_welcome_screen_shows_before_the_desk_and_a_start_tapped_then_starts_once_it_is_ready(
    qtbot, qapp, form, form_languages, us_rules, tmp_path
) -> None:
    from patient_driver import Patient

    from intake.app.desk import Desk
    from intake.app.station import Station
    from intake.questionnaire.patient_wording import wording_for
    from intake.settings import Settings
    from intake.ui.app import MainWindow, Opening
    from intake.ui.theme import apply_theme

    apply_theme(qapp)
    window = MainWindow(Opening("Ñandú Headache Centre", False, False, ("en", "es"), "es"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.welcome.start_button.text() == wording_for("es").START
    assert window.windowTitle() == "Ñandú Headache Centre - intake"
    patient = Patient(window)
    patient.start()
    assert window.wizard is None and window.pages.currentWidget() is window.welcome

    settings = Settings(clinic_name="Ñandú Headache Centre", language="es", output_dir=tmp_path / "summaries")
    window.attach(Desk(Station(None, form, settings, us_rules, translations=form_languages)))
    assert window.wizard is not None and window.pages.currentWidget() is window.wizard
    assert window.wizard.visit.language == "es"


def test_staff_mode_screens_are_built_the_first_time_staff_mode_opens(open_kiosk, stores) -> None:
    from staff_driver import FrontDesk

    from intake.ui.staff.area import StaffArea

    window, _patient = open_kiosk(stores=stores)
    assert window.findChildren(StaffArea) == []
    FrontDesk(window).press_shortcut()
    assert window.findChildren(StaffArea) == [window.staff]
    assert window.pages.currentWidget() is window.staff

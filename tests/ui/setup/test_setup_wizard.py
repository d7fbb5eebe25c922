"""A clinic's first start at the tablet: the set-up wizard by touch, its recovery code, then the welcome screen."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from setup_driver import SIZES, start

from intake.app.first_start import PassphraseSource
from intake.paths import PROJECT_ROOT, config_dir, data_dir
from intake.questionnaire.patient_wording import wording_for
from intake.settings import load_settings
from intake.ui.setup.wizard import SetUpWizard
from intake.ui.staff.audit_screen import action_words

PASSPHRASE = "harbour lights"
PIN = "509217"


def _wizard(window) -> SetUpWizard:
    page = window.pages.currentWidget()
    assert isinstance(page, SetUpWizard), f"the set-up wizard shows, not {page}"
    return page


def _visible_problems(step) -> list[str]:
    return [shown.text() for shown in step._problems.values() if shown.isVisible()]


def _choose_passphrase(staff, wizard: SetUpWizard) -> None:
    """The passphrase step, typed twice alike, then Next."""
    staff.type_text(wizard.passphrase.passphrase, PASSPHRASE)
    staff.type_text(wizard.passphrase.passphrase_again, PASSPHRASE)
    staff.tap(wizard.next_button)


def _name_the_admin(staff, wizard: SetUpWizard, pin: str = PIN) -> None:
    """The administrator step's name and PIN twice on the PIN pad, then "Set up"."""
    admin = wizard.admin.fields
    staff.type_text(admin.name, "Maria Lopez")
    for field in (admin.pin, admin.pin_again):
        staff.tap(field)
        staff.type_on_pad(pin)
    staff.tap(wizard.next_button)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_clinic_sets_up_by_touch_and_the_kiosk_is_ready(first_frame, settings_file, size) -> None:
    settings_path = settings_file("clinic_name: Harbour Clinic\n")
    window, staff = first_frame(size)
    start(window)
    wizard = _wizard(window)
    clinic = wizard.clinic
    assert clinic.editors["clinic_name"].text() == "Harbour Clinic", "the settings file IT wrote prefills it"
    assert not wizard.back_button.isEnabled() and wizard.progress.text() == "Step 1 of 3"
    staff.tap(clinic.editors["clinic_phone"])
    assert window.keyboard.isVisible() and window.keyboard.panel.layout_name == "pin"
    staff.type_on_pad("5550100")
    staff.choose(clinic.editors["policy"], "NICE TA260 (England and Wales)")
    staff.choose(clinic.editors["language"], "Español")
    staff.tap(wizard.next_button)

    step = wizard.passphrase
    assert wizard.stack.currentWidget() is step and step.plan.source is PassphraseSource.TYPED
    assert "staff will type it each time the kiosk starts" in step.where.text()
    assert step.passphrase is not None and step.passphrase_again is not None
    staff.type_text(step.passphrase, "harbour")
    staff.tap(wizard.next_button)
    assert _visible_problems(step) == ["Passphrase (at least 8 characters): too short (7 characters)."]
    staff.clear(step.passphrase)
    staff.type_text(step.passphrase, PASSPHRASE)
    staff.type_text(step.passphrase_again, "harbour light")
    staff.tap(wizard.next_button)
    assert _visible_problems(step) == ["Passphrase again: The two passphrases differ. Please type it again."]
    staff.type_text(step.passphrase_again, PASSPHRASE)
    staff.tap(wizard.next_button)

    admin = wizard.admin.fields
    assert wizard.next_button.text() == "Set up"
    staff.tap(wizard.back_button)
    assert wizard.stack.currentWidget() is step and step.passphrase.text() == PASSPHRASE, "Back keeps what was typed"
    staff.tap(wizard.next_button)
    staff.type_text(admin.name, "Maria Lopez")
    staff.clear(admin.staff_id)
    staff.tap(admin.staff_id)
    staff.type_on_pad("maria")
    staff.tap(admin.pin)
    assert window.keyboard.panel.layout_name == "pin", "PINs on the PIN pad"
    staff.type_on_pad(PIN)
    staff.tap(admin.pin_again)
    staff.type_on_pad(PIN)
    assert settings_path.read_text(encoding="utf-8") == "on_screen_keyboard: always\nclinic_name: Harbour Clinic\n"
    assert not (data_dir() / "visits.db").exists(), "nothing is written before Set up"
    staff.tap(wizard.next_button)

    recovery = wizard.recovery
    assert recovery is not None and wizard.stack.currentWidget() is recovery and not wizard.bar.isVisible()
    assert not recovery.passphrase_notice.isVisible(), "the passphrase went where its step said"
    lines = recovery.code.text().split("\n")
    audit_key = (config_dir() / "audit.key").read_text(encoding="utf-8").strip()
    assert [len(line.split()) for line in lines] == [4, 4, 4, 4] and "".join(recovery.code.text().split()) == audit_key
    assert not recovery.done_button.isEnabled()
    staff.tap(recovery.confirm)
    assert recovery.done_button.isEnabled()
    staff.tap(recovery.done_button)

    assert window.pages.currentWidget() is window.welcome and window.wizard is None
    assert window.welcome.start_button.text() == wording_for("es").START
    assert window.welcome.clinic.text() == "Harbour Clinic"
    assert staff._keys.count == 0, "by touch alone: no key event reached the app"
    saved = load_settings(settings_path)
    assert (saved.clinic_phone, saved.policy, saved.language) == ("5550100", "nice-ta260", "es")
    assert stat.S_IMODE(settings_path.stat().st_mode) == 0o600
    rows = window.desk.station.required_stores().audit.rows()
    assert [(row.staff_id, action_words(row.action), row.subject) for row in rows] == [
        ("kiosk", "Staff added", "maria"), ("maria", "Clinic set up", None)]
    assert not window.desk.needs_first_admin()
    window.desk.station.required_stores().database.close()


def test_a_failed_set_up_names_the_file_and_a_second_tap_sets_up(first_frame, settings_file, tmp_path) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_text("from IT\n", encoding="utf-8")
    key_file.chmod(0o644)
    settings_file(f"key_file: {key_file}\n")
    window, staff = first_frame((1280, 800))
    start(window)
    wizard = _wizard(window)
    staff.tap(wizard.next_button)
    assert wizard.passphrase.passphrase is None and str(key_file) in wizard.passphrase.where.text()
    staff.tap(wizard.next_button)
    _name_the_admin(staff, wizard)
    assert wizard.stack.currentWidget() is wizard.passphrase
    assert wizard.passphrase.message.isVisible() and wizard.passphrase.message.text().startswith(str(key_file))
    assert "make it 0600" in wizard.passphrase.message.text()
    assert not (data_dir() / "visits.db").exists()
    key_file.chmod(0o600)
    staff.tap(wizard.next_button)
    staff.tap(wizard.next_button)
    assert wizard.recovery is not None and wizard.stack.currentWidget() is wizard.recovery
    assert window.pages.currentWidget() is wizard
    staff.tap(wizard.recovery.confirm)
    staff.tap(wizard.recovery.done_button)
    assert window.pages.currentWidget() is window.welcome
    window.desk.station.required_stores().database.close()


def test_an_administrator_the_store_would_refuse_is_named_beside_its_field(first_frame, settings_file) -> None:
    settings_file()
    window, staff = first_frame((800, 1280))
    start(window)
    wizard = _wizard(window)
    staff.tap(wizard.next_button)
    _choose_passphrase(staff, wizard)
    _name_the_admin(staff, wizard, "5092")
    assert _visible_problems(wizard.admin) == [
        "PIN (at least 6 characters): An administrator's PIN needs at least 6 characters."]
    assert not (config_dir() / "settings.yaml").read_text(encoding="utf-8").count("\n") > 1
    assert not (data_dir() / "visits.db").exists()


def test_a_keyring_that_refuses_the_passphrase_at_set_up_is_said_on_the_recovery_page(
    first_frame, settings_file, monkeypatch
) -> None:
    """The keyring kept the test secret, then would not keep the passphrase: the next start will ask for it."""
    from intake.app import first_start, setting_up
    from intake.store.keys import KeptIn

    monkeypatch.setattr(first_start, "keyring_works", lambda: True)
    monkeypatch.setattr(setting_up, "keep_passphrase", lambda _passphrase, _key_file: KeptIn.NOWHERE)
    settings_file()
    window, staff = first_frame((1280, 800))
    start(window)
    wizard = _wizard(window)
    staff.tap(wizard.next_button)
    assert "kept in this computer's keyring" in wizard.passphrase.where.text()
    _choose_passphrase(staff, wizard)
    _name_the_admin(staff, wizard)
    notice = wizard.recovery.passphrase_notice
    assert notice.isVisible() and notice.text() == (
        "The passphrase is not kept where its step said. This computer has no keyring and no key file is set: "
        "staff will type it each time the kiosk starts.")
    staff.tap(wizard.recovery.confirm)
    staff.tap(wizard.recovery.done_button)
    window.desk.station.required_stores().database.close()


def test_a_scripted_install_never_shows_the_wizard(first_frame, settings_file, monkeypatch) -> None:
    settings_file()
    window, _staff = first_frame((1280, 800))
    monkeypatch.setenv("INTAKE_DB_KEY", "unattended station key")
    monkeypatch.setenv("INTAKE_ADMIN_PIN", PIN)
    start(window)
    assert window.pages.currentWidget() is window.welcome
    assert not window.findChildren(SetUpWizard)
    assert not window.desk.needs_first_admin(), "INTAKE_ADMIN_PIN made the first administrator"
    window.desk.station.required_stores().database.close()


def test_the_kiosk_process_shows_the_wizard_in_a_fresh_data_dir_and_its_test_hook_still_quits(tmp_path) -> None:
    """`--quit-after-show` quits on the wizard rather than wait for staff (no start-up test can hang on it)."""
    env = {name: value for name, value in os.environ.items() if name not in ("INTAKE_DB_KEY", "INTAKE_ADMIN_PIN")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--quit-after-show"],
                          capture_output=True, text=True, timeout=60, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "first start: the set-up wizard is showing" in done.stderr
    assert not (tmp_path / "data" / "headache-intake" / "visits.db").exists()

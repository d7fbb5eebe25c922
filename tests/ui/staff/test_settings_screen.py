"""The admin's settings screen writes settings.yaml, refuses bad values by name, is audited."""

from __future__ import annotations

from patient_driver import tap, type_into
from staff_driver import ADMIN_PIN, FrontDesk

from intake.settings import load_settings


def _open_settings(open_kiosk, stores) -> FrontDesk:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.settings_button)
    assert desk.area.currentWidget() is desk.area.settings_screen
    return desk


def test_saved_settings_reach_the_file_the_kiosk_and_the_audit(open_kiosk, stores, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    type_into(screen.field("clinic_name"), "Klinik Zoë Nord")
    screen.field("policy").setCurrentText("nice-ta260")
    screen.field("idle_timeout_s").setValue(90)
    screen.field("midas").setChecked(True)
    type_into(screen.field("output_dir"), str(tmp_path / "printed"))
    tap(screen.save_button)
    assert desk.in_queue
    saved = load_settings(tmp_path / "settings.yaml")
    assert (saved.clinic_name, saved.policy, saved.idle_timeout_s, saved.midas) == ("Klinik Zoë Nord", "nice-ta260", 90, True)
    window = desk.window
    assert window.settings == saved and window.rules.policy.name == "nice-ta260"
    assert window.welcome.clinic.text() == "Klinik Zoë Nord"
    assert [row.action for row in stores.audit.rows()][-1] == "settings_changed"


def test_a_bad_value_is_refused_naming_the_setting(open_kiosk, stores, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    type_into(screen.field("clinic_name"), "")
    tap(screen.save_button)
    assert screen.message.isVisible() and screen.message.text().startswith("Clinic name:")
    assert not (tmp_path / "settings.yaml").exists()
    blocked = tmp_path / "file"
    blocked.write_text("x")
    type_into(screen.field("clinic_name"), "Clinic")
    type_into(screen.field("output_dir"), str(blocked / "sub"))
    tap(screen.save_button)
    assert "Folder for saved PDFs: cannot create or write" in screen.message.text()
    tap(screen.cancel_button)
    assert desk.in_queue


def test_the_clinic_phone_is_saved_and_a_too_long_one_refused_by_name(open_kiosk, stores, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    type_into(screen.field("clinic_phone"), "0" * 41)
    tap(screen.save_button)
    assert screen.message.isVisible() and screen.message.text().startswith("Clinic phone (on the patient information sheet):")
    type_into(screen.field("clinic_phone"), "+1 555 0100 ext. 2")
    tap(screen.save_button)
    assert desk.in_queue
    assert load_settings(tmp_path / "settings.yaml").clinic_phone == "+1 555 0100 ext. 2"
    assert desk.window.settings.clinic_phone == "+1 555 0100 ext. 2"
    tap(desk.area.queue.settings_button)
    assert screen.field("clinic_phone").text() == "+1 555 0100 ext. 2"

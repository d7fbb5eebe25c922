"""Leaving patient mode: sign-in with one's own PIN, refusals, lockout, first-start set-up."""

from __future__ import annotations

from patient_driver import tap, type_into
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from audit_keys import AUDIT_KEY
from intake.store.staff import MAX_FAILURES


def test_shortcut_and_right_pin_open_the_queue(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    assert window.pages.currentWidget() is window.welcome
    desk.sign_in("maria", ADMIN_PIN)
    assert desk.in_queue
    assert desk.area.queue.who.text() == "Signed in: María Ó"
    assert desk.area.queue.settings_button.isVisible()
    assert [(r.staff_id, r.action) for r in stores.audit.rows()] == [("maria", "signed_in")]


def test_staff_without_admin_role_sees_no_settings(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue and not desk.area.queue.settings_button.isVisible()


def test_wrong_pin_is_refused_and_the_pin_field_emptied(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", "0000")
    assert not desk.in_queue
    assert desk.message == "Wrong staff ID or PIN."
    assert desk.area.sign_in.pin.text() == ""
    assert [(r.staff_id, r.action, r.subject) for r in stores.audit.rows()] == [("kiosk", "sign_in_failed", "maria")]


def test_lockout_after_repeated_wrong_pins(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    for _ in range(MAX_FAILURES):
        desk.sign_in("maria", "0000")
    assert "locked" in desk.message
    desk.sign_in("maria", ADMIN_PIN)
    assert not desk.in_queue and "locked" in desk.message
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue, "the lock is on one account, not the kiosk"


def test_back_to_patient_screen_leaves_nothing_typed(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.press_shortcut()
    type_into(desk.area.sign_in.staff_id, "maria")
    tap(desk.area.sign_in.cancel_button)
    assert window.pages.currentWidget() is window.welcome
    assert desk.area.sign_in.staff_id.text() == ""


def test_long_press_on_the_clinic_name_asks_for_sign_in(open_kiosk, stores, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window, _patient = open_kiosk(stores=stores)
    QTest.mousePress(window.welcome.clinic, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.staff, timeout=5000)
    QTest.mouseRelease(window.welcome.clinic, Qt.MouseButton.LeftButton)


def test_a_tap_on_the_clinic_name_does_nothing(open_kiosk, stores, qtbot) -> None:
    window, _patient = open_kiosk(stores=stores)
    tap(window.welcome.clinic)
    qtbot.wait(300)
    assert window.pages.currentWidget() is window.welcome


def test_first_start_asks_for_the_administrator(open_kiosk, tmp_path) -> None:
    from intake.store.database import open_database
    from intake.store.stores import Stores

    empty = Stores.on(open_database(None, "test passphrase", tmp_path / "fresh.db"), AUDIT_KEY)
    try:
        window, _patient = open_kiosk(stores=empty)
        desk = FrontDesk(window)
        screen = desk.area.first_admin
        assert window.pages.currentWidget() is desk.area and desk.area.currentWidget() is screen
        type_into(screen.name, "Ana Admin")
        type_into(screen.pin, "5092")
        type_into(screen.pin_again, "5093")
        tap(screen.create_button)
        assert screen.message.text() == "The two PINs differ. Please type them again."
        type_into(screen.pin, "5092")
        type_into(screen.pin_again, "5092")
        tap(screen.create_button)
        assert desk.in_queue
        assert empty.staff.sign_in("admin", "5092").name == "Ana Admin"
        actions = [(r.staff_id, r.action, r.subject) for r in empty.audit.rows()]
        assert actions == [("kiosk", "staff_added", "admin"), ("admin", "signed_in", None)]
    finally:
        empty.database.close()

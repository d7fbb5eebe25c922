"""Leaving patient mode: sign-in with one's own PIN, refusals, lockout, first-start set-up
(once per store, never again), and a new PIN for an admin whose PIN is too short."""

from __future__ import annotations

from patient_driver import tap, type_into
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from audit_keys import AUDIT_KEY
from intake.store.staff import MAX_FAILURES, REFUSED, Role


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
    assert desk.message == REFUSED
    assert desk.area.sign_in.pin.text() == ""
    assert [(r.staff_id, r.action, r.subject) for r in stores.audit.rows()] == [("kiosk", "sign_in_failed", "maria")]


def test_lockout_after_repeated_wrong_pins(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    for _ in range(MAX_FAILURES):
        desk.sign_in("maria", "0000")
    assert desk.message == REFUSED
    desk.sign_in("maria", ADMIN_PIN)
    assert not desk.in_queue and desk.message == REFUSED, "the lock holds, in the same words as any refusal"
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
        type_into(screen.pin, "509217")
        type_into(screen.pin_again, "509218")
        tap(screen.create_button)
        assert screen.message.text() == "The two PINs differ. Please type them again."
        type_into(screen.pin, "5092")
        type_into(screen.pin_again, "5092")
        tap(screen.create_button)
        assert screen.message.text() == "An administrator's PIN needs at least 6 characters."
        type_into(screen.pin, "509217")
        type_into(screen.pin_again, "509217")
        tap(screen.create_button)
        assert desk.in_queue
        assert empty.staff.sign_in("admin", "509217").name == "Ana Admin"
        actions = [(r.staff_id, r.action, r.subject) for r in empty.audit.rows()]
        assert actions == [("kiosk", "staff_added", "admin"), ("admin", "signed_in", None)]
    finally:
        empty.database.close()


def test_the_set_up_never_returns_once_an_admin_was_disabled(open_kiosk, stores) -> None:
    stores.staff.add("ann", "Ann Admin", Role.ADMIN, ADMIN_PIN)
    stores.staff.disable("maria")
    window, _patient = open_kiosk(stores=stores)
    assert window.pages.currentWidget() is window.welcome, "no set-up screen at start"
    desk = FrontDesk(window)
    desk.press_shortcut()
    assert window.pages.currentWidget() is desk.area
    assert desk.area.currentWidget() is desk.area.sign_in, "Ctrl+Shift+S asks for a sign-in, not a new admin"
    desk.sign_in("maria", ADMIN_PIN)
    assert not desk.in_queue and desk.message == REFUSED
    desk.sign_in("ann", ADMIN_PIN)
    assert desk.in_queue


def _promote_bob(stores) -> None:
    """Bob's 4-digit PIN, as an admin's PIN was allowed to be before admins needed 6."""
    with stores.database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE staff SET role = 'admin' WHERE id = 'bob'")


def test_an_admin_with_a_short_pin_chooses_a_new_one_before_anything_else(open_kiosk, stores) -> None:
    _promote_bob(stores)
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    screen = desk.area.change_pin
    assert desk.area.currentWidget() is screen and not desk.in_queue
    type_into(screen.pin, "5092")
    type_into(screen.pin_again, "5092")
    tap(screen.save_button)
    assert screen.message.text() == "An administrator's PIN needs at least 6 characters."
    assert screen.pin.text() == screen.pin_again.text() == ""
    type_into(screen.pin, "509217")
    type_into(screen.pin_again, "509218")
    tap(screen.save_button)
    assert screen.message.text() == "The two PINs differ. Please type them again."
    type_into(screen.pin, "509217")
    type_into(screen.pin_again, "509217")
    tap(screen.save_button)
    assert desk.in_queue and desk.area.queue.settings_button.isVisible()
    assert [(r.staff_id, r.action) for r in stores.audit.rows()] == [("bob", "signed_in"), ("bob", "pin_changed")]
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("bob", "509217")
    assert desk.in_queue, "the new PIN signs in straight to the queue"


def test_signing_out_instead_of_choosing_a_pin_leaves_staff_mode(open_kiosk, stores) -> None:
    _promote_bob(stores)
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.area.currentWidget() is desk.area.change_pin
    type_into(desk.area.change_pin.pin, "50921")
    tap(desk.area.change_pin.sign_out_button)
    assert window.pages.currentWidget() is window.welcome
    assert desk.area.change_pin.pin.text() == ""
    assert [(r.staff_id, r.action) for r in stores.audit.rows()] == [("bob", "signed_in"), ("bob", "signed_out")]


def test_the_last_staff_id_waits_with_the_pin_field_focused(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    tap(desk.area.queue.sign_out_button)
    desk.press_shortcut()
    screen = desk.area.sign_in
    assert screen.staff_id.text() == "bob" and screen.pin.hasFocus() and screen.pin.text() == ""
    assert screen.not_you_button.isVisible()
    type_into(screen.pin, STAFF_PIN)
    tap(screen.sign_in_button)
    assert desk.in_queue and desk.area.queue.who.text() == "Signed in: Bob Front-Desk"


def test_not_you_clears_the_id_and_the_station_forgets_it(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    tap(desk.area.queue.sign_out_button)
    desk.press_shortcut()
    screen = desk.area.sign_in
    tap(screen.not_you_button)
    assert screen.staff_id.text() == "" and screen.staff_id.hasFocus() and not screen.not_you_button.isVisible()
    tap(screen.cancel_button)
    desk.press_shortcut()
    assert screen.staff_id.text() == "", "forgotten, not only cleared"


def test_only_an_id_that_signed_in_is_remembered(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("Jane Patient", "0000")
    assert desk.message == REFUSED
    tap(desk.area.sign_in.cancel_button)
    desk.press_shortcut()
    assert desk.area.sign_in.staff_id.text() == "maria"


def test_the_pin_field_brings_the_pin_pad_and_the_id_field_the_letters(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores, on_screen_keyboard="always")
    desk = FrontDesk(window)
    desk.press_shortcut()
    screen = desk.area.sign_in
    assert screen.staff_id.hasFocus() and window.keyboard.panel.layout_name == "letters"
    assert not window.keyboard.panel.shifted, "IDs are lower case"
    tap(screen.pin)
    assert window.keyboard.isVisible() and window.keyboard.panel.layout_name == "pin"
    bottom = screen.sign_in_button.mapTo(window, screen.sign_in_button.rect().bottomLeft()).y()
    assert bottom <= window.keyboard.mapTo(window, window.keyboard.rect().topLeft()).y(), "Sign in stays above the keys"


def test_the_set_up_screen_scrolls_its_pin_field_above_the_pin_pad_in_landscape(open_kiosk, tmp_path) -> None:
    from PySide6.QtCore import QPoint

    from intake.store.database import open_database
    from intake.store.stores import Stores
    from intake.ui.scrolling import nearest_scroll_area

    empty = Stores.on(open_database(None, "test passphrase", tmp_path / "fresh.db"), AUDIT_KEY)
    try:
        window, _patient = open_kiosk(stores=empty, on_screen_keyboard="always")
        screen = FrontDesk(window).area.first_admin
        tap(screen.pin_again)
        assert window.keyboard.panel.layout_name == "pin"
        keys_top = window.keyboard.mapTo(window, QPoint(0, 0)).y()
        top, bottom = (screen.pin_again.mapTo(window, QPoint(0, y)).y() for y in (0, screen.pin_again.height()))
        assert top >= 0 and bottom <= keys_top, "the field being typed into is in sight, above the keys"
        area = nearest_scroll_area(screen.create_button)
        assert area is not None, "the rest of the form scrolls rather than being squeezed under the keys"
        area.ensureWidgetVisible(screen.create_button)
        assert screen.create_button.mapTo(window, QPoint(0, screen.create_button.height())).y() <= keys_top
    finally:
        empty.database.close()

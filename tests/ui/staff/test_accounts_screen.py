"""Staff accounts for admins, driven like a person at the desk: add an account and sign in
with its one-time PIN, reset a locked-out person's PIN, change roles (never demoting the
last admin), disable after a second tap; every change audited."""

from __future__ import annotations

from patient_driver import tap, type_into
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from intake.app.records import Role
from intake.store.staff import MAX_FAILURES, REFUSED
from intake.ui.staff.accounts_screen import ADDED, NOW, AccountsScreen
from intake.ui.staff.change_pin import ONE_TIME


def _open_accounts(open_kiosk, stores, locked: tuple[str, ...] = ()) -> tuple[FrontDesk, AccountsScreen]:
    """Maria on the accounts screen, once the `locked` accounts locked themselves out at this kiosk."""
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    for staff_id in locked:
        for _ in range(MAX_FAILURES):
            desk.sign_in(staff_id, "0000")
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.accounts_button)
    assert desk.area.currentWidget() is desk.area.accounts
    return desk, desk.area.accounts


def _rows(screen: AccountsScreen) -> list[tuple[str, ...]]:
    """(ID, name, role, active, locked) as the table shows them, the name over the ID."""
    table = screen.table
    rows = []
    for row in range(table.rowCount()):
        name, staff_id = table.item(row, 0).text().split("\n")
        rows.append((staff_id, name, *(table.item(row, column).text() for column in range(1, table.columnCount()))))
    return rows


def _tap_row(screen: AccountsScreen, staff_id: str) -> None:
    """A finger on the account's row."""
    table = screen.table
    [row] = [row for row in range(table.rowCount()) if table.item(row, 0).text().endswith(f"\n{staff_id}")]
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     table.visualItemRect(table.item(row, 1)).center())
    QApplication.processEvents()
    assert screen.selected() is not None and screen.selected().id == staff_id


def _audit(stores) -> list[tuple[str, str, str | None]]:
    return [(row.staff_id, row.action, row.subject) for row in stores.audit.rows()]


def test_only_admins_see_the_accounts_button(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue and not desk.area.queue.accounts_button.isVisible()
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("maria", ADMIN_PIN)
    assert desk.area.queue.accounts_button.isVisible()


def test_an_added_account_signs_in_once_with_its_one_time_pin_then_chooses_its_own(open_kiosk, stores) -> None:
    desk, screen = _open_accounts(open_kiosk, stores)
    assert _rows(screen) == [("bob", "Bob Front-Desk", "Staff", "Yes", ""), ("maria", "María Ó", "Administrator", "Yes", "")]
    tap(screen.add_button)
    form = screen.add_form
    assert screen.pages.currentWidget() is screen.add_page and form.isVisible()
    type_into(form.staff_id, "Carl")
    type_into(form.name, "Carl Nurse")
    type_into(form.pin, "5092")
    type_into(form.pin_again, "5093")
    tap(form.action_button)
    assert form.message.text() == "The two PINs differ. Please type them again."
    assert form.pin.text() == form.pin_again.text() == ""
    type_into(form.pin, "5092")
    type_into(form.pin_again, "5092")
    tap(form.action_button)
    assert screen.pages.currentWidget() is screen.list_page
    assert ("carl", "Carl Nurse", "Staff", "Yes\none-time PIN", "") in _rows(screen)
    assert screen.notice.text().startswith("Added Carl Nurse (carl), staff. Tell them their one-time PIN")
    assert _audit(stores)[-1] == ("maria", "staff_added", "carl")
    tap(screen.back_button)
    tap(desk.area.queue.sign_out_button)

    desk.sign_in("carl", "5092")
    change = desk.area.change_pin
    assert desk.area.currentWidget() is change and change.reason.text() == ONE_TIME
    type_into(change.pin, "5092")
    type_into(change.pin_again, "5092")
    tap(change.save_button)
    assert change.message.text() == "Choose a PIN of your own: not the one-time PIN you were given."
    type_into(change.pin, "6103")
    type_into(change.pin_again, "6103")
    tap(change.save_button)
    assert desk.in_queue and not desk.area.queue.accounts_button.isVisible()
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("carl", "6103")
    assert desk.in_queue, "their own PIN signs in straight to the queue"


def test_a_locked_out_person_gets_a_one_time_pin(open_kiosk, stores) -> None:
    desk, screen = _open_accounts(open_kiosk, stores, locked=("bob",))
    [bob] = [row for row in _rows(screen) if row[0] == "bob"]
    assert bob[4].startswith("until "), "the lock's end is shown"
    _tap_row(screen, "bob")
    tap(screen.reset_button)
    form = screen.reset_form
    assert screen.pages.currentWidget() is screen.reset_page and form.isVisible()
    assert form.who.text().startswith("Bob Front-Desk (bob) signs in once with this PIN")
    type_into(form.pin, "12")
    type_into(form.pin_again, "12")
    tap(form.action_button)
    assert form.message.text() == "The PIN needs at least 4 characters."
    type_into(form.pin, "5092")
    type_into(form.pin_again, "5092")
    tap(form.action_button)
    assert screen.pages.currentWidget() is screen.list_page
    assert [row for row in _rows(screen) if row[0] == "bob"] == [("bob", "Bob Front-Desk", "Staff", "Yes\none-time PIN", "")]
    assert screen.notice.text() == "Bob Front-Desk signs in once with the one-time PIN, then chooses their own."
    assert _audit(stores)[-1] == ("maria", "pin_reset", "bob")
    tap(screen.back_button)
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.message == REFUSED, "the old PIN is gone"
    desk.sign_in("bob", "5092")
    assert desk.area.currentWidget() is desk.area.change_pin


def test_demoting_the_last_admin_is_refused_with_the_reason(open_kiosk, stores) -> None:
    desk, screen = _open_accounts(open_kiosk, stores)
    _tap_row(screen, "maria")
    assert screen.role_button.text() == "Make staff"
    tap(screen.role_button)
    assert screen.notice.text() == "Staff ID 'maria' is the last active administrator: add another administrator first."
    assert ("maria", "María Ó", "Administrator", "Yes", "") in _rows(screen)
    _tap_row(screen, "bob")
    assert screen.role_button.text() == "Make administrator"
    tap(screen.role_button)
    assert screen.notice.text() == "Bob Front-Desk is now an administrator."
    assert ("bob", "Bob Front-Desk", "Administrator", "Yes", "") in _rows(screen)
    assert _audit(stores)[-1] == ("maria", "role_changed", "bob")
    _tap_row(screen, "maria")
    tap(screen.role_button)
    assert desk.window.pages.currentWidget() is desk.window.welcome, "an admin who demotes themselves is signed out"
    assert _audit(stores)[-2:] == [("maria", "role_changed", "maria"), ("maria", "signed_out", None)]
    assert screen.table.rowCount() == 0, "no account is left on screen"


def test_disabling_asks_for_a_second_tap(open_kiosk, stores) -> None:
    _desk, screen = _open_accounts(open_kiosk, stores)
    _tap_row(screen, "bob")
    tap(screen.disable_button)
    assert screen.disable_button.text() == "Confirm disable"
    assert "Bob Front-Desk will no longer be able to sign in" in screen.notice.text()
    assert stores.staff.list()[0].active
    _tap_row(screen, "maria")
    assert screen.disable_button.text() == "Disable" and not screen.notice.isVisible(), "another row: the question is gone"
    _tap_row(screen, "bob")
    tap(screen.disable_button)
    tap(screen.disable_button)
    assert screen.notice.text() == "Bob Front-Desk (bob) is disabled."
    assert ("bob", "Bob Front-Desk", "Staff", "No", "") in _rows(screen)
    assert not screen.disable_button.isEnabled() and not screen.reset_button.isEnabled()
    assert _audit(stores)[-1] == ("maria", "staff_disabled", "bob")


def test_every_role_has_its_own_sentences() -> None:
    """Each role's notice is a whole sentence a translation can make agree with the role."""
    assert set(ADDED) == set(NOW) == {role.value for role in Role}

"""The admin's forms for someone else's account: refusals said on the form, the PINs
emptied, nothing stored or audited."""

from __future__ import annotations

from patient_driver import tap, type_into
from PySide6.QtCore import QPoint, QRect
from staff_driver import ADMIN_PIN, FrontDesk

from intake.ui.scrolling import nearest_scroll_area


def _in_view(widget) -> bool:
    """Wholly inside the scrolling form's window, not scrolled off it."""
    viewport = nearest_scroll_area(widget).viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


def _add_form(open_kiosk, stores):
    """Maria on the new-account form (the desk is returned too: it keeps the window alive)."""
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.accounts_button)
    screen = desk.area.accounts
    tap(screen.add_button)
    return desk, screen, screen.add_form


def test_a_taken_id_is_refused_on_the_form(open_kiosk, stores) -> None:
    _desk, screen, form = _add_form(open_kiosk, stores)
    type_into(form.staff_id, "bob")
    type_into(form.name, "Another Bob")
    form.role.setCurrentText("Administrator")
    type_into(form.pin, "5092")
    type_into(form.pin_again, "5092")
    tap(form.action_button)
    assert form.message.text() == "An administrator's PIN needs at least 6 characters."
    assert _in_view(form.message) and _in_view(form.action_button), "the form scrolled to say why (it is taller than 800 px)"
    type_into(form.pin, "509217")
    type_into(form.pin_again, "509217")
    tap(form.action_button)
    assert form.message.text() == "Staff ID 'bob' is already taken."
    tap(form.cancel_button)
    assert screen.pages.currentWidget() is screen.list_page and screen.table.rowCount() == 2
    assert [row.action for row in stores.audit.rows()] == ["signed_in"], "nothing was added"


def test_a_form_left_keeps_no_pin(open_kiosk, stores) -> None:
    _desk, screen, form = _add_form(open_kiosk, stores)
    type_into(form.staff_id, "carl")
    type_into(form.pin, "5092")
    tap(form.cancel_button)
    tap(screen.add_button)
    assert form.staff_id.text() == form.pin.text() == form.pin_again.text() == "" and not form.message.isVisible()

"""Requests for help above every staff screen, until a staff member taps "Handled" (audited)."""

from __future__ import annotations

from patient_driver import tap
from PySide6.QtCore import QPoint, QRect
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from cases import vignette

ANSWERS = vignette("V01")["answers"]
NAME = f"{ANSWERS['given_name']} {ANSWERS['family_name']}"


def _asks_for_help(patient) -> str:
    patient.advance_to("headache_pattern", ANSWERS)
    tap(patient.wizard.help_button)
    return patient.wizard.visit.visit_id


def test_handled_clears_the_request_for_everyone_and_is_audited(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _asks_for_help(patient)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    bar = desk.area.queue.help_bar
    assert bar.isVisible() and bar.notice.text() == f"Asked for help: {NAME}"
    assert [button.text() for button in bar.buttons] == ["Handled"]
    assert not desk.area.queue.alert_bar.isVisible(), "asking for help is not the urgent alert"
    desk.open_row(0)
    assert bar.isVisible(), "above the visit screen too"

    tap(bar.buttons[0])
    assert not bar.isVisible()
    assert [(row.staff_id, row.action, row.visit_id) for row in stores.audit.rows()][-1] == ("bob", "help_handled", visit_id)
    tap(desk.area.visit.back_button)
    assert desk.area.queue.table.item(0, 2).text() == "In progress\nAsked for help", "the row keeps the mark"
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("maria", ADMIN_PIN)
    assert not bar.isVisible()


def test_several_patients_waiting_get_a_named_button_each(open_kiosk, stores) -> None:
    first, second = "20261125-090000-aaaaaa", "20261125-090100-bbbbbb"
    for visit_id, given in ((first, "Ana"), (second, "Bo")):
        draft = {"form": "headache-intake", "authored": "2026-11-25", "answers": {"given_name": given, "family_name": "Silva"}}
        stores.visits.create(visit_id, draft)
        stores.visits.request_help(visit_id, draft, False)
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    bar = desk.area.queue.help_bar
    names = sorted(button.text() for button in bar.buttons)
    assert names == ["Handled: Ana Silva", "Handled: Bo Silva"]
    tap(next(button for button in bar.buttons if button.text() == "Handled: Bo Silva"))
    assert bar.notice.text() == "Asked for help: Ana Silva"
    assert [button.text() for button in bar.buttons] == ["Handled"]
    assert stores.visits.get(second).summary.help_handled and not stores.visits.get(first).summary.help_handled


def test_on_a_portrait_tablet_the_buttons_go_under_the_line(open_kiosk, stores, qtbot) -> None:
    for visit_id, given in (("20261125-090000-aaaaaa", "Ana"), ("20261125-090100-bbbbbb", "Bo")):
        draft = {"form": "headache-intake", "authored": "2026-11-25", "answers": {"given_name": given, "family_name": "Silva"}}
        stores.visits.create(visit_id, draft)
        stores.visits.request_help(visit_id, draft, False)
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    bar = desk.area.queue.help_bar
    assert all(button.y() == bar.notice.y() for button in bar.buttons), "beside the line on a landscape screen"
    window.resize(800, 1280)
    qtbot.waitUntil(lambda: all(button.y() > bar.notice.geometry().bottom() and _within(button, bar) for button in bar.buttons))


def _within(button, bar) -> bool:
    return bar.rect().contains(QRect(button.mapTo(bar, QPoint(0, 0)), button.size()))

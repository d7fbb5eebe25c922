"""From the patient handing the tablet back to the summary in staff's hands: right after
sign-in the visit this tablet just finished opens, Print ready, when it is fresh."""

from __future__ import annotations

import pytest
from patient_driver import tap
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk
from touch_staff import TouchStaff

from cases import vignette
from fake_lp import POSIX_ONLY
from intake.app import hand_back

PRINTER = "Front-desk"


def _finish_v01(window, patient, qtbot) -> str:
    with qtbot.waitSignal(window.visit_finished, timeout=10_000) as finished:
        patient.complete(vignette("V01")["answers"])
    assert window.pages.currentWidget() is window.thank_you
    return finished.args[0].visit_id


def test_the_visit_just_handed_back_opens_with_print_focused(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _finish_v01(window, patient, qtbot)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    screen = desk.area.visit
    assert desk.area.currentWidget() is screen and screen.visit.summary.id == visit_id
    assert screen.print_button.hasFocus() and screen.print_button.isEnabled()
    assert [(row.staff_id, row.action) for row in stores.audit.rows()][-2:] == [("bob", "signed_in"), ("bob", "viewed")]
    tap(screen.back_button)
    assert desk.in_queue, "the queue is one tap behind it"


def test_once_someone_has_opened_it_the_queue_comes_first(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    _finish_v01(window, patient, qtbot)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    tap(desk.area.visit.back_button)
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("maria", ADMIN_PIN)
    assert desk.in_queue


def test_a_visit_finished_too_long_ago_leaves_the_queue_first(open_kiosk, stores, qtbot, monkeypatch) -> None:
    window, patient = open_kiosk(stores=stores)
    _finish_v01(window, patient, qtbot)
    monkeypatch.setattr(hand_back, "FRESH_FOR", hand_back.FRESH_FOR * 0)
    qtbot.wait(5)
    FrontDesk(window).sign_in("bob", STAFF_PIN)
    assert FrontDesk(window).in_queue


def test_not_while_the_next_patient_is_answering(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    _finish_v01(window, patient, qtbot)
    window.end_visit()
    patient.start()
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue, "staff came for the patient at the tablet, not the one before"


def test_sign_in_fits_a_portrait_tablet_whatever_the_other_staff_screens_need(open_kiosk, stores) -> None:
    """A wider screen behind it would widen the window past an 800 px tablet: out of full
    screen, and the on-screen keyboard (shown for a full-screen kiosk) with it."""
    window, _patient = open_kiosk(stores=stores)
    FrontDesk(window).press_shortcut()
    assert window.staff.minimumSizeHint().width() <= 800


@POSIX_ONLY
@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
def test_hand_back_to_printed_summary_by_touch(open_kiosk, stores, qtbot, printers, fake_lp, size) -> None:
    """The smallest honest sequence, every tap counted: hold the thank-you screen (1), the
    four PIN digits (4), Enter (1), Print (1, on the clinic's printer without a dialog): 7."""
    printers(PRINTER)
    window, patient = open_kiosk(stores=stores, on_screen_keyboard="always", printer=PRINTER)
    window.resize(*size)
    FrontDesk(window).sign_in("bob", STAFF_PIN)
    window.staff.sign_out()
    visit_id = _finish_v01(window, patient, qtbot)

    staff = TouchStaff(window)
    staff.take_tablet_back()
    assert window.keyboard.isVisible() and window.keyboard.panel.layout_name == "pin"
    staff.sign_in_with_pin(STAFF_PIN)
    assert window.staff.visit.print_button.hasFocus()
    staff.press_print()
    staff.close()

    [job] = fake_lp.jobs()
    assert job.pdf == stores.visits.get(visit_id).pdf and job.args[job.args.index("-d") + 1] == PRINTER
    assert ("bob", "printed", visit_id) in [(row.staff_id, row.action, row.visit_id) for row in stores.audit.rows()]
    assert window.staff.visit.notice.text() == f"Sent to {PRINTER} (job {PRINTER}-1)."
    assert staff.figures.taps == 7 and staff.figures.held_ms < 3000

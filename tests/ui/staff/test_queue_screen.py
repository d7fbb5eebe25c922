"""The queue: urgent first, filters, search, and a live alert for urgent visits."""

from __future__ import annotations

from patient_driver import tap, type_into
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from cases import vignette
from intake.app.review_queue import QueueView


def _names(vignette_id: str) -> str:
    answers = vignette(vignette_id)["answers"]
    return f"{answers['given_name']} {answers['family_name']}"


def test_urgent_first_then_review_then_the_rest(open_kiosk, stores, add_visit) -> None:
    refer, urgent, incomplete = add_visit("V01"), add_visit("V14"), add_visit("V02")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    shown = [visit.id for visit in desk.area.queue.rows]
    assert shown[0] == urgent and shown[-1] == refer and set(shown) == {refer, urgent, incomplete}
    table = desk.area.queue.table
    assert table.item(0, 3).text() == "!! URGENT REVIEW" and table.item(0, 4).text() == "No"
    assert table.item(0, 0).font().bold()


def test_filters_and_search_by_name(open_kiosk, stores, add_visit) -> None:
    add_visit("V01")
    urgent = add_visit("V14")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    queue.view.setCurrentText(str(QueueView.URGENT))
    assert [visit.id for visit in queue.rows] == [urgent]
    queue.view.setCurrentText(str(QueueView.ALL))
    family = vignette("V01")["answers"]["family_name"]
    type_into(queue.search, family.lower())
    assert desk.queue_names() == [n for n in desk.queue_names() if family in n] and desk.queue_names()
    type_into(queue.search, "nobody-by-this-name")
    assert desk.queue_names() == [] and queue.empty.isVisible()


def test_a_finished_urgent_visit_raises_the_alert_at_once(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert not queue.alert_bar.isVisible()
    tap(queue.patient_button)
    assert window.pages.currentWidget() is window.welcome
    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.complete(vignette("V14")["answers"])
    window.end_visit()
    desk.sign_in("bob", STAFF_PIN)
    assert queue.alert_bar.isVisible() and "URGENT" in queue.alert.text() and _names("V14") in queue.alert.text()
    tap(queue.alert_seen_button)
    assert not queue.alert_bar.isVisible()


def test_the_queue_updates_while_open_when_a_visit_finishes(open_kiosk, stores, add_visit, form) -> None:
    from intake.app.finishing import assess_and_render
    from intake.questionnaire.response import parse_response
    from intake.settings import Settings

    add_visit("V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    assert len(desk.area.queue.rows) == 1
    finished = assess_and_render("20261125-101010-abcdef", parse_response(vignette("V14"), form), form, Settings())
    stores.visits.finish(finished.visit_id, finished.response.to_json_dict(), finished.assessment.to_json_dict(), finished.pdf)
    window.visit_finished.emit(finished)
    assert desk.area.queue.rows[0].id == finished.visit_id
    assert desk.area.queue.alert_bar.isVisible()


def test_a_red_flag_in_progress_alerts_staff_before_the_patient_finishes(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    tap(desk.area.queue.patient_button)
    patient.advance_to("red_flags", vignette("V14")["answers"])
    with qtbot.waitSignal(window.staff_alert, timeout=1000):
        patient.answer("rf_thunderclap", "yes")
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert queue.alert_bar.isVisible()
    assert queue.rows[0].status == "in_progress" and queue.table.item(0, 3).text() == "Red flag answered"
    tap(queue.patient_button)
    assert window.pages.currentWidget() is patient.wizard, "the patient goes on where they were"


def test_sign_out_and_patient_mode_leave_no_names_on_screen(open_kiosk, stores, add_visit) -> None:
    add_visit("V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.sign_out_button)
    assert window.pages.currentWidget() is window.welcome
    assert desk.area.queue.table.rowCount() == 0 and desk.area.queue.who.text() == ""
    assert [r.action for r in stores.audit.rows()][-1] == "signed_out"


def test_a_reviewed_urgent_visit_no_longer_alerts(open_kiosk, stores, add_visit) -> None:
    urgent = add_visit("V14")
    stores.visits.mark_reviewed(urgent, "maria")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert not desk.area.queue.alert_bar.isVisible()

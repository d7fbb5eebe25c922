""""I need help": the patient is sent to the front desk, and every station's queue shows it calmly.

The wizard raises `help_requested` from its "I need help" button; here the test raises
it on the page the patient is on, as the button would.
"""

from __future__ import annotations

from patient_driver import tap, visible_texts
from staff_driver import STAFF_PIN, FrontDesk

from cases import vignette
from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.language_button import spoken_choice

ANSWERS = vignette("V01")["answers"]
NAME = f"{ANSWERS['given_name']} {ANSWERS['family_name']}"


def _ask_for_help_on_page_two(patient) -> str:
    patient.advance_to("headache_pattern", ANSWERS)
    patient.answer("headache_days", ANSWERS["headache_days"])
    visit_id = patient.wizard.visit.visit_id
    tap(patient.wizard.help_button)
    return visit_id


def _finish_from_here(patient) -> None:
    """Go on answering, page after page, to Finish (without Start: the visit is under way)."""
    while not patient.on_review():
        patient.answer_page(ANSWERS)
        patient.next_page()
    patient.finish()


def test_help_says_where_to_ask_and_back_returns_to_the_same_page(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _ask_for_help_on_page_two(patient)
    page = patient.page()
    assert window.pages.currentWidget() is window.help_screen
    spanish = ["Español", spoken_choice("es")]
    assert visible_texts(window) == [*spanish, ENGLISH.ASK_AT_FRONT_DESK, ENGLISH.BACK_TO_QUESTIONS, ENGLISH.BACK_TO_QUESTIONS]
    assert ENGLISH.ASK_AT_FRONT_DESK == "Please ask at the front desk"

    tap(window.help_screen.back_button)
    assert window.pages.currentWidget() is patient.wizard and patient.page() is page
    assert patient.wizard.visit.answers["headache_days"] == ANSWERS["headache_days"]
    assert window.patient_idle.running

    stored = stores.visits.get(visit_id)
    assert stored.summary.help_requested and stored.summary.status == "in_progress"
    assert stored.response["answers"]["headache_days"] == ANSWERS["headache_days"]
    asked = [(row.staff_id, row.visit_id) for row in stores.audit.rows() if row.action == "help_requested"]
    assert asked == [("kiosk", visit_id)]


def test_idle_on_the_help_screen_still_asks_are_you_still_there(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    _ask_for_help_on_page_two(patient)
    window.patient_idle.idle.emit()
    assert window.pages.currentWidget() is window.still_there
    window.still_there.stop()


def test_the_queue_marks_the_row_and_a_calm_notice_lasts_until_reviewed(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _ask_for_help_on_page_two(patient)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert queue.help_bar.notice.isVisible() and queue.help_bar.notice.text() == f"Asked for help: {NAME}"
    assert queue.help_bar.notice.property("role") == "staff-calm"
    assert not queue.alert_bar.isVisible(), "asking for help is not the urgent alert"
    assert queue.table.item(0, 2).text() == "In progress\nAsked for help"
    tap(queue.patient_button)

    assert window.pages.currentWidget() is patient.wizard, "staff have come: back to the questions"
    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        _finish_from_here(patient)
    window.end_visit()

    desk.sign_in("bob", STAFF_PIN)
    assert desk.area.currentWidget() is desk.area.visit, "the visit just handed back opens first"
    assert desk.area.visit.visit.summary.id == visit_id
    tap(desk.area.visit.back_button)
    assert queue.help_bar.notice.isVisible(), "opening the visit is not reviewing it"
    desk.open_row(0)
    assert desk.area.visit.visit.summary.id == visit_id
    tap(desk.area.visit.review_button)
    tap(desk.area.visit.back_button)
    assert desk.in_queue
    assert not queue.help_bar.notice.isVisible()
    assert queue.table.item(0, 2).text() == "Finished\nAsked for help"

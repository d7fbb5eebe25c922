"""The red-flag hold: the patient hands the tablet over, and only staff go on from there.

The wizard raises `hold_requested` when the patient leaves the red-flag section with a
flag still flagged; here the test raises it on that page as the wizard would.
"""

from __future__ import annotations

from patient_driver import tap, visible_texts
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from staff_driver import STAFF_PIN, FrontDesk

from cases import vignette
from intake.questionnaire.patient_wording import ENGLISH
from intake.store.visits import URGENT
from intake.ui.language_button import spoken_choice
from intake.ui.long_press import HOLD_MS

HOLD_WORDS = "Thank you. Please bring the tablet to the front desk now; they will help you with the rest."


def _put_on_hold(patient) -> str:
    """Answer every red-flag page (a thunderclap headache among them) and tap Next past the last."""
    answers = vignette("V14")["answers"]
    patient.advance_to("red_flags", answers)
    while patient.window.pages.currentWidget() is patient.wizard:
        patient.answer_page(answers)
        patient.next()
    return patient.wizard.visit.visit_id


def _long_press(widget) -> None:
    point = QPoint(widget.width() // 2, widget.height() // 2)
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.qWait(HOLD_MS + 300)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_the_hold_screen_has_the_exact_words_no_button_and_the_answers_are_saved(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores, clinic_name="Kopfschmerzzentrum Łódź")
    visit_id = _put_on_hold(patient)
    assert window.pages.currentWidget() is window.hold_screen
    assert f"{ENGLISH.HOLD_THANKS} {ENGLISH.HOLD_MESSAGE}" == HOLD_WORDS
    spanish = ["Español", spoken_choice("es")]
    assert visible_texts(window) == [*spanish, "Kopfschmerzzentrum Łódź", ENGLISH.HOLD_THANKS, ENGLISH.HOLD_MESSAGE]
    buttons = [button for button in window.hold_screen.findChildren(QAbstractButton) if button.isVisible()]
    assert buttons == [window.hold_screen.language], "no way on but staff's; only the language can change"
    stored = stores.visits.get(visit_id)
    assert stored.summary.status == "in_progress" and stored.summary.priority == URGENT
    assert stored.response["answers"]["rf_thunderclap"] == "yes"


def test_no_idle_time_out_while_on_hold(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _put_on_hold(patient)
    assert not window.patient_idle.running
    window.patient_idle.idle.emit()
    qtbot.wait(50)
    assert window.pages.currentWidget() is window.hold_screen and window.wizard is not None
    assert stores.visits.get(visit_id).summary.status == "in_progress"


def test_staff_continue_the_visit_with_the_patient(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _put_on_hold(patient)
    desk = FrontDesk(window)

    _long_press(window.hold_screen.clinic)
    assert window.pages.currentWidget() is desk.area and desk.area.currentWidget() is desk.area.sign_in
    assert not desk.area.queue.held_visit.isVisible(), "nobody signed in: no way on"
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue and desk.area.queue.held_visit.isVisible()
    tap(desk.area.queue.held_visit.continue_button)

    assert window.pages.currentWidget() is patient.wizard and patient.on_review(), "the questions after the red flags"
    assert window.patient_idle.running
    assert desk.area.session is None and not desk.area.queue.held_visit.isVisible()
    rows = stores.audit.rows()
    resumed = [row for row in rows if row.action == "resumed"]
    assert [(row.staff_id, row.visit_id) for row in resumed] == [("bob", visit_id)]
    assert rows[-1].action == "signed_out"
    for text in visible_texts(window):
        assert "urgent" not in text.lower() and "red flag" not in text.lower()


def test_leaving_staff_mode_without_choosing_keeps_the_hold_then_a_new_visit(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _put_on_hold(patient)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    tap(desk.area.queue.patient_button)
    assert window.pages.currentWidget() is window.hold_screen and not window.patient_idle.running

    desk.sign_in("bob", STAFF_PIN)
    assert desk.area.queue.held_visit.isVisible()
    tap(desk.area.queue.held_visit.new_visit_button)
    assert window.pages.currentWidget() is window.welcome and window.wizard is None
    assert not window.patient_idle.running and desk.area.session is None
    assert stores.visits.get(visit_id).summary.status == "unfinished"
    assert not [row for row in stores.audit.rows() if row.action == "resumed"]

    desk.sign_in("bob", STAFF_PIN)
    assert not desk.area.queue.held_visit.isVisible(), "the choice is gone once made"

"""A patient who walks away after giving their date of birth: the visit pauses, hidden.

The right birth date, picked by touch, brings back the same page with every answer;
three wrong dates, the resume window running out, or staff starting a new visit put
it away as unfinished and wipe the screen.
"""

from __future__ import annotations

from datetime import date

from patient_driver import Patient, tap, visible_texts
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from staff_driver import STAFF_PIN, FrontDesk
from test_idle_timeout import _every_text_in_the_app

from cases import vignette
from intake.ui.app import MainWindow
from intake.ui.widgets.birth_date_picker import BirthDatePicker

NAME = "Łukasik-Ó'Brien"
BORN = date(1992, 1, 15)


def _pause(window: MainWindow, patient: Patient, qtbot, resume_window_s: int = 900) -> str:
    """Answer the first page and a bit of the second, walk away, let the countdown end."""
    window.desk.station.settings = window.settings.model_copy(update={"idle_countdown_s": 1, "resume_window_s": resume_window_s})
    patient.start()
    answers = vignette("V01")["answers"] | {"family_name": NAME}
    assert answers["date_of_birth"] == BORN.isoformat()
    patient.answer_page(answers)
    patient.next()
    patient.answer("headache_days", 22)
    QGuiApplication.clipboard().setText(NAME)
    window.patient_idle.idle.emit()
    assert window.pages.currentWidget() is window.still_there
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.paused, timeout=5000)
    return patient.wizard.visit.visit_id


def _pick(picker: BirthDatePicker, when: date) -> None:
    """Four taps: the decade, the year, the month, the day."""
    decade = next(button for button in picker.choices if button.text().startswith(f"{when.year - when.year % 10}–"))
    tap(decade)
    for text in (str(when.year), picker.month_name(when.month), str(when.day)):
        tap(next(button for button in picker.choices if button.text() == text))


def _confirm(window: MainWindow, when: date) -> None:
    if window.paused.continue_button.isVisible():
        tap(window.paused.continue_button)
    _pick(window.paused.picker, when)


def _actions(stores) -> list[tuple[str, str, str | None]]:
    return [(row.action, row.staff_id, row.visit_id) for row in stores.audit.rows()]


def test_paused_screen_shows_nothing_of_the_answers_and_the_visit_stays_in_progress(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot)
    shown = "\n".join(visible_texts(window))
    assert "paused" in shown and "date of birth" in shown
    for secret in (NAME, "Test", "22", "1992", "January"):
        assert secret not in shown
    assert not patient.wizard.isVisible(), "the wizard waits hidden"
    assert QGuiApplication.clipboard().text() == ""
    assert not window.patient_idle.running
    stored = stores.visits.get(visit_id)
    assert stored.summary.status == "in_progress"
    assert stored.response["answers"]["headache_days"] == 22
    assert ("paused", "kiosk", visit_id) in _actions(stores)


def test_continue_and_the_right_date_return_to_the_same_page(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot)
    wizard = patient.wizard
    page = patient.page()
    tap(window.paused.continue_button)
    assert window.paused.picker.isVisible()
    _pick(window.paused.picker, BORN)
    assert window.pages.currentWidget() is wizard and patient.page() is page
    assert wizard.visit.answers["headache_days"] == 22 and wizard.visit.answers["family_name"] == NAME
    assert window.patient_idle.running
    assert _actions(stores)[-2:] == [("paused", "kiosk", visit_id), ("resumed", "kiosk", visit_id)]


def test_two_wrong_dates_then_the_right_one_resume(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    _pause(window, patient, qtbot)
    page = patient.page()
    _confirm(window, date(1992, 1, 16))
    assert window.pages.currentWidget() is window.paused
    assert window.paused.differs.isVisible()
    assert "does not match" in window.paused.differs.text()
    _confirm(window, date(1991, 1, 15))
    assert window.pages.currentWidget() is window.paused
    _confirm(window, BORN)
    assert window.pages.currentWidget() is patient.wizard and patient.page() is page


def test_the_third_wrong_date_puts_the_visit_away(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot)
    for wrong in (date(1992, 1, 16), date(1992, 2, 15), date(1982, 1, 15)):
        _confirm(window, wrong)
    assert window.pages.currentWidget() is window.welcome
    assert window.wizard is None
    QApplication.processEvents()
    assert NAME not in _every_text_in_the_app()
    stored = stores.visits.get(visit_id)
    assert stored.summary.status == "unfinished"
    assert stored.response["answers"]["headache_days"] == 22
    assert "resumed" not in [action for action, _who, _visit in _actions(stores)]


def test_a_new_pause_after_the_page_was_left_starts_afresh(open_kiosk, stores, qtbot) -> None:
    """The wrong-date message and the picker's step do not survive into the next pause."""
    window, patient = open_kiosk(stores=stores)
    _pause(window, patient, qtbot)
    _confirm(window, date(1992, 1, 16))
    _confirm(window, BORN)
    window.patient_idle.idle.emit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.paused, timeout=5000)
    assert window.paused.continue_button.isVisible() and not window.paused.differs.isVisible()
    for wrong in (date(1992, 1, 16), date(1992, 2, 15)):
        _confirm(window, wrong)
    _confirm(window, BORN)
    assert window.pages.currentWidget() is patient.wizard


def test_the_resume_window_running_out_puts_the_visit_away(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot, resume_window_s=1)
    tap(window.paused.continue_button)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5000)
    assert window.wizard is None
    assert stores.visits.get(visit_id).summary.status == "unfinished"


def test_staff_start_a_new_visit_after_signing_in(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot)
    desk = FrontDesk(window)
    tap(window.paused.staff_button)
    assert window.pages.currentWidget() is desk.area
    assert stores.visits.get(visit_id).summary.status == "in_progress", "nothing happens before sign-in"
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue
    assert stores.visits.get(visit_id).summary.status == "unfinished"
    assert window.wizard is None
    tap(desk.area.queue.patient_button)
    assert window.pages.currentWidget() is window.welcome


def test_staff_who_cancel_sign_in_leave_the_visit_paused(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot)
    desk = FrontDesk(window)
    tap(window.paused.staff_button)
    tap(desk.area.sign_in.cancel_button)
    assert window.pages.currentWidget() is window.paused
    assert stores.visits.get(visit_id).summary.status == "in_progress"
    _confirm(window, BORN)
    assert window.pages.currentWidget() is patient.wizard


def test_staff_mode_over_a_paused_visit_returns_to_the_paused_screen(open_kiosk, stores, qtbot) -> None:
    """Signing in the usual way (shortcut) neither resumes nor discards the paused visit."""
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue
    tap(desk.area.queue.patient_button)
    assert window.pages.currentWidget() is window.paused
    assert not patient.wizard.isVisible()
    assert stores.visits.get(visit_id).summary.status == "in_progress"
    _confirm(window, BORN)
    assert window.pages.currentWidget() is patient.wizard


def test_a_visit_without_a_birth_date_is_not_paused(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    window.desk.station.settings = window.settings.model_copy(update={"idle_countdown_s": 1})
    patient.start()
    patient.answer("family_name", NAME)
    visit_id = patient.wizard.visit.visit_id
    window.patient_idle.idle.emit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5000)
    assert window.wizard is None
    assert stores.visits.get(visit_id).summary.status == "unfinished"
    assert "paused" not in [action for action, _who, _visit in _actions(stores)]


def test_staff_mode_holds_the_resume_window(open_kiosk, stores, qtbot) -> None:
    """Time spent in staff mode is not the patient's: the visit is still paused when staff leave."""
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot, resume_window_s=1)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    qtbot.wait(1500)
    assert desk.in_queue and window.wizard is not None
    tap(desk.area.queue.patient_button)
    assert window.pages.currentWidget() is window.paused
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5000)
    assert stores.visits.get(visit_id).summary.status == "unfinished"

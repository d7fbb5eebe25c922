"""A patient who walks away: "Are you still there?", then answers kept for staff and a clean screen.

A visit with a date of birth is paused instead (tests/ui/test_pause.py); these walk away
before giving one.
"""

from __future__ import annotations

from patient_driver import tap
from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from cases import vignette

NAME = "Łukasik-Ó'Brien"


def _every_text_in_the_app() -> str:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = []
    for widget in QApplication.allWidgets():
        for getter in ("text", "toPlainText", "placeholderText", "accessibleName", "accessibleDescription", "windowTitle"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str):
                    texts.append(result)
    return "\n".join(texts)


def _walk_away(window, patient, stores):
    """Names typed, no date of birth yet: nothing to resume with."""
    window.desk.station.settings = window.settings.model_copy(update={"idle_countdown_s": 1})
    patient.start()
    answers = vignette("V01")["answers"]
    patient.answer("given_name", answers["given_name"])
    patient.answer("family_name", NAME)
    patient.answer("sex_at_birth", "male")
    QGuiApplication.clipboard().setText(NAME)
    return patient.wizard.visit.visit_id


def test_idle_shows_the_countdown_and_continue_returns_to_the_page(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    _walk_away(window, patient, stores)
    page = patient.page()
    window.patient_idle.idle.emit()
    assert window.pages.currentWidget() is window.still_there
    assert window.still_there.countdown.text().startswith("For your privacy, the questionnaire will close in 1 second")
    tap(window.still_there.continue_button)
    assert window.pages.currentWidget() is patient.wizard and patient.page() is page
    assert window.patient_idle.running
    assert patient.wizard.visit.answers["family_name"] == NAME


def test_timeout_without_a_birth_date_keeps_the_answers_as_unfinished_and_wipes_every_widget(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _walk_away(window, patient, stores)
    assert NAME in _every_text_in_the_app()
    window.patient_idle.idle.emit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5000)

    stored = stores.visits.get(visit_id)
    assert stored.summary.status == "unfinished"
    assert stored.response["answers"]["family_name"] == NAME
    assert stored.response["answers"]["sex_at_birth"] == "male"

    assert window.wizard is None
    assert NAME not in _every_text_in_the_app()
    assert NAME not in {line.text() for line in QApplication.allWidgets() if isinstance(line, QLineEdit)}
    assert "paused" not in [row.action for row in stores.audit.rows()]
    assert QGuiApplication.clipboard().text() == ""
    assert not window.patient_idle.running


def test_timeout_without_a_store_still_wipes(open_kiosk, qtbot) -> None:
    window, patient = open_kiosk()
    _walk_away(window, patient, None)
    window.patient_idle.idle.emit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5000)
    assert NAME not in _every_text_in_the_app()


def test_idle_is_not_watched_on_the_welcome_screen(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    assert not window.patient_idle.running


def test_staff_are_signed_out_when_idle(open_kiosk, stores) -> None:
    from staff_driver import STAFF_PIN, FrontDesk

    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue
    desk.area._idle.idle.emit()
    assert window.pages.currentWidget() is window.welcome
    assert desk.area.session is None and desk.area.queue.table.rowCount() == 0
    assert [row.action for row in stores.audit.rows()][-1] == "signed_out"

"""Finish never loses a visit: answers first, thank-you once they are safe, then the summary.

A failing summary leaves the visit unfinished with every answer and alerts staff; a store
that refuses even the answers sends the patient to the front desk (never the thank-you
screen) and keeps them in the encrypted recovery file for the next start.
"""

from __future__ import annotations

import threading

from patient_driver import tap, visible_texts
from staff_driver import STAFF_PIN, FrontDesk

from cases import vignette
from intake.app.desk import Desk
from intake.app.station import Station
from intake.questionnaire.patient_wording import ENGLISH
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.recovery import RecoveryFile

V01 = vignette("V01")["answers"]
NAME = f"{V01['given_name']} {V01['family_name']}"


def _every_answer(form) -> dict:
    return parse_response(vignette("V01"), form).to_json_dict()["answers"]


def test_the_thank_you_shows_with_the_answers_stored_while_the_summary_is_made_off_the_ui_thread(
    open_kiosk, stores, form, qtbot, monkeypatch
) -> None:
    """The slow half of Finish runs on another thread: the thank-you screen does not wait for it."""
    release, threads = threading.Event(), []
    make_summary = Desk.finish

    def held_finish(desk, *args, **kwargs):
        threads.append(threading.current_thread())
        assert release.wait(10), "the test never let the summary go on"
        return make_summary(desk, *args, **kwargs)

    monkeypatch.setattr(Desk, "finish", held_finish)
    window, patient = open_kiosk(stores=stores)
    patient.reach_review(V01)
    visit_id = patient.wizard.visit.visit_id
    patient.finish()
    qtbot.waitUntil(lambda: bool(threads), timeout=5000)
    assert window.pages.currentWidget() is window.thank_you and window.thank_you.isVisible()
    assert threads[0] is not threading.main_thread()
    stored = stores.visits.get(visit_id)
    assert (stored.summary.status, stored.response["answers"]) == ("in_progress", _every_answer(form))
    assert window.summaries.pending == 1

    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        release.set()
    assert stores.visits.get(visit_id).summary.status == "finished"
    assert window.summaries.pending == 0


def test_a_failing_assessment_after_finish_keeps_every_answer_and_alerts_staff(open_kiosk, stores, form, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    window.desk.station.use_settings(Settings(policy="no-such-policy"))
    with qtbot.waitSignal(window.summary_failed, timeout=10_000) as failed:
        patient.complete(V01)
    visit_id = failed.args[0]
    assert window.pages.currentWidget() is window.thank_you
    assert window.thank_you.message.text() == ENGLISH.THANK_YOU, "staff hear of it from the store, not through the patient"
    stored = stores.visits.get(visit_id)
    assert (stored.summary.status, stored.summary.summary_failed) == ("unfinished", True)
    assert stored.response["answers"] == _every_answer(form)
    assert [(row.action, row.visit_id) for row in stores.audit.rows()][-1] == ("summary_failed", visit_id)

    window.end_visit()
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert queue.alert_bar.isVisible() and "SUMMARY FAILED" in queue.alert.text() and NAME in queue.alert.text()
    assert queue.rows[0].id == visit_id and queue.table.item(0, 2).text() == "Unfinished\nSummary failed"
    tap(queue.alert_seen_button)
    assert not queue.alert_bar.isVisible()


def test_a_store_that_refuses_the_answers_at_finish_sends_the_patient_to_the_front_desk(
    open_kiosk, stores, form, us_rules
) -> None:
    window, patient = open_kiosk(stores=stores)
    shown: list[int] = []
    window.pages.currentChanged.connect(shown.append)
    patient.reach_review(V01)
    visit_id = patient.wizard.visit.visit_id
    with stores.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_update_visits BEFORE UPDATE ON visits BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    patient.finish()

    assert window.pages.currentWidget() is window.to_front_desk
    assert window.pages.indexOf(window.thank_you) not in shown, "never the thank-you screen"
    texts = visible_texts(window)
    assert ENGLISH.ANSWERS_TO_DESK_THANKS in texts and ENGLISH.ANSWERS_TO_DESK_MESSAGE in texts
    assert not any(word in " ".join(texts) for word in ("REFER", "URGENT", "eligib", "error", "failed"))
    assert window.wizard is None and window.unsaved == []
    recovery = RecoveryFile.beside(stores.database)
    assert recovery is not None
    [kept] = recovery.read()
    assert (kept.visit_id, kept.response["answers"]) == (visit_id, _every_answer(form))

    with stores.database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER refuse_update_visits")
    next_start = Desk(Station(stores, form, Settings(), us_rules))
    assert next_start.recover_kept_answers() == 1
    stored = stores.visits.get(visit_id)
    assert (stored.summary.status, stored.response["answers"]) == ("unfinished", _every_answer(form))
    assert [(row.action, row.visit_id) for row in stores.audit.rows()][-1] == ("recovered", visit_id)

    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    tap(desk.area.queue.patient_button)
    assert window.pages.currentWidget() is window.welcome, "staff hand a fresh welcome screen to the next patient"

"""Staff continue a visit not finished with its patient, on the tablet where they signed in.

Set aside, paused (here or on another station), on hold, or finished but without a
summary: staff tap "Continue with the patient" on the visit screen, are signed out, and
the patient sees the first page with an answer missing (the review when none is), every
answer they gave back in its input. A station still holding the visit lets it go.
"""

from __future__ import annotations

import time
from datetime import date

from patient_driver import tap
from staff_driver import STAFF_PIN, FrontDesk
from test_hold import _put_on_hold
from test_pause import BORN, NAME, _pause, _pick

from cases import vignette
from intake.questionnaire.response import parse_response
from intake.ui.app import MainWindow

LEFT_ID = "20261125-081500-eeeeee"
V01 = vignette("V01")
FIRST_PAGE = ("given_name", "family_name", "date_of_birth", "sex_at_birth", "pregnant", "breastfeeding")
FIRST_PAGES = (*FIRST_PAGE, "onset_age", "headache_days", "hours_per_day", "duration_months")


def _left_unfinished(stores) -> dict:
    """The first pages of V01 and one optional answer on the next, then the patient walked away."""
    answers = {key: V01["answers"][key] for key in FIRST_PAGES} | {"pain_one_sided": "yes"}
    draft = {"form": V01["form"], "authored": V01["authored"], "answers": answers}
    stores.visits.create(LEFT_ID, draft)
    stores.visits.set_aside(LEFT_ID, draft, False)
    return draft


def _continue(window: MainWindow, row_name: str | None = None) -> FrontDesk:
    """Sign in, open the visit (the first row, or the one of this name), tap Continue with the patient
    (under "More actions" when the visit's summary failed: making it again is then the next step)."""
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(desk.queue_names().index(row_name) if row_name else 0)
    if desk.area.visit.visit.summary.summary_failed:
        desk.open_more()
    tap(desk.area.visit.continue_button)
    return desk


def _actions(stores) -> list[tuple[str, str, str | None]]:
    return [(row.action, row.staff_id, row.visit_id) for row in stores.audit.rows()]


def test_the_patient_carries_on_at_the_first_missing_answer_with_every_answer_refilled(open_kiosk, stores, form, qtbot) -> None:
    draft = _left_unfinished(stores)
    window, patient = open_kiosk(stores=stores)
    desk = _continue(window)

    assert window.pages.currentWidget() is patient.wizard and desk.area.session is None
    assert patient.wizard.visit.visit_id == LEFT_ID and window.patient_idle.running
    page = patient.page()
    assert "migraine_days" in page.blocks, "the optional pain questions before it were the patient's to skip"
    assert not page.blocks["migraine_days"].visibleRegion().isEmpty(), "the missing answer is on screen"
    assert patient.problems() == {}
    patient.back()
    assert patient.page().blocks["pain_one_sided"].value() == "yes"
    patient.back()
    assert {key: block.value() for key, block in patient.page().blocks.items() if key in draft["answers"]} == {
        key: draft["answers"][key] for key in ("onset_age", "headache_days", "hours_per_day", "duration_months")
    }
    patient.back()
    shown = {key: block.value() for key, block in patient.page().blocks.items() if block.value() is not None}
    born = date.fromisoformat(V01["answers"]["date_of_birth"])
    assert shown == {key: V01["answers"][key] for key in FIRST_PAGE} | {"date_of_birth": born}
    assert stores.visits.get(LEFT_ID).summary.status == "in_progress"
    assert _actions(stores)[-2:] == [("resumed", "bob", LEFT_ID), ("signed_out", "bob", None)]

    while not patient.on_review():
        patient.answer_page(V01["answers"])
        patient.next_page()
    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.finish()
    finished = stores.visits.get(LEFT_ID)
    assert finished.summary.status == "finished"
    assert parse_response(finished.response, form).answers == parse_response(V01, form).answers | {"pain_one_sided": "yes"}


def test_with_nothing_missing_the_patient_lands_on_the_review(open_kiosk, stores, form) -> None:
    stores.visits.create(LEFT_ID, {"form": "headache-intake", "authored": V01["authored"], "answers": {}})
    stores.visits.summary_failed(LEFT_ID, parse_response(V01, form).to_json_dict(), False)
    window, patient = open_kiosk(stores=stores)
    _continue(window)
    assert window.pages.currentWidget() is patient.wizard and patient.on_review()
    assert patient.wizard.next_button.text() == "Finish"


def test_a_visit_paused_here_carries_on_as_it_was_left(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _pause(window, patient, qtbot)
    wizard = patient.wizard
    _continue(window)
    assert window.wizard is wizard and window.pages.currentWidget() is wizard and not window.paused.active
    assert "onset_age" in patient.page().blocks, "the first page with an answer missing"
    assert patient.page().blocks["headache_days"].value() == 22
    assert not window.release_watch.running
    assert [action for action, _who, visit in _actions(stores) if visit == visit_id][-1] == "resumed"


def test_a_visit_paused_on_another_station_is_let_go_there_within_2_s(open_kiosk, stores, qtbot) -> None:
    there, patient_there = open_kiosk(stores=stores)
    visit_id = _pause(there, patient_there, qtbot)
    assert there.release_watch.running
    here, patient_here = open_kiosk(stores=stores)
    here.enter_staff_mode()  # the long press on the clinic name: two windows in one process share Ctrl+Shift+S
    _continue(here)
    taken = time.monotonic()
    qtbot.waitUntil(lambda: there.pages.currentWidget() is there.welcome, timeout=2000)
    assert time.monotonic() - taken < 2
    assert there.wizard is None and not there.paused.active

    assert patient_here.wizard.visit.visit_id == visit_id
    assert patient_here.wizard.visit.answers["family_name"] == NAME
    assert patient_here.wizard.visit.answers["date_of_birth"] == BORN
    stored = stores.visits.get(visit_id)
    assert stored.summary.status == "in_progress" and stored.response["answers"]["headache_days"] == 22
    assert "set_aside" not in [action for action, _who, _visit in _actions(stores)], "the station let go, storing nothing"


def test_another_visit_waiting_here_is_set_aside_first(open_kiosk, stores, qtbot) -> None:
    _left_unfinished(stores)
    window, patient = open_kiosk(stores=stores)
    paused_id = _pause(window, patient, qtbot)
    _continue(window, V01["answers"]["given_name"] + " " + V01["answers"]["family_name"])
    assert patient.wizard.visit.visit_id == LEFT_ID
    assert stores.visits.get(paused_id).summary.status == "unfinished"
    assert ("set_aside", "kiosk", paused_id) in _actions(stores)


def test_a_visit_on_hold_here_goes_on_after_the_red_flags_and_is_not_held_again(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    visit_id = _put_on_hold(patient)
    _continue(window)
    assert window.pages.currentWidget() is patient.wizard and patient.on_review()
    assert not window.release_watch.running and not patient.wizard.on_hold
    patient.back()
    patient.next()
    assert patient.on_review(), "staff have seen the patient: no second hold"
    assert ("resumed", "bob", visit_id) in _actions(stores)


def test_a_visit_on_hold_on_another_station_is_let_go_there_too(open_kiosk, stores, qtbot) -> None:
    there, patient_there = open_kiosk(stores=stores)
    visit_id = _put_on_hold(patient_there)
    here, patient_here = open_kiosk(stores=stores)
    here.enter_staff_mode()
    _continue(here)
    qtbot.waitUntil(lambda: there.pages.currentWidget() is there.welcome, timeout=2000)
    assert there.wizard is None and patient_here.on_review()
    assert stores.visits.get(visit_id).summary.status == "in_progress"


def test_the_right_birth_date_on_the_station_that_lost_the_visit_opens_nothing(open_kiosk, stores, qtbot) -> None:
    """The patient comes back to the first tablet in the second before it noticed: it lets go then."""
    there, patient_there = open_kiosk(stores=stores)
    visit_id = _pause(there, patient_there, qtbot)
    there.release_watch.hold()
    here, _patient_here = open_kiosk(stores=stores)
    here.enter_staff_mode()
    _continue(here)
    tap(there.paused.continue_button)
    _pick(there.paused.picker, BORN)
    assert there.pages.currentWidget() is there.welcome and there.wizard is None
    assert ("resumed", "kiosk", visit_id) not in _actions(stores)

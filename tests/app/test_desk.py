"""The kiosk's desk: a visit from Start to Finish, and the ways into staff mode, each kept
with its audit row (autosave alone is not audited)."""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from commit_together import (
    ADMIN_PIN,
    FINISHED_ID,
    NEW_ID,
    OPEN_ID,
    STAFF_PIN,
    UNFINISHED_ID,
    Bench,
    UseCase,
    audit_entries,
    blocking,
    check_failed_change,
    check_kept_together,
    check_refused_audit_row,
    jam,
    refuse,
    refusing,
    with_failing_change,
)
from sqlalchemy import update

from cases import vignette
from intake.app.desk import ADMIN_PIN_ENV, KIOSK_ID, Desk, FinishResult, Handover
from intake.app.finishing import summaries_dir
from intake.app.station import Station
from intake.app.visit import Visit
from intake.questionnaire.response import Response, parse_response
from intake.settings import Settings
from intake.store.errors import SignInRefused, StaffExists, StoreError
from intake.store.recovery import RecoveryFile
from intake.store.schema import staff, visits
from intake.store.staff import MAX_FAILURES, REFUSED, Role
from intake.store.stores import Stores
from intake.store.timestamps import utc_now
from intake.store.visits import URGENT
from intake.visit_status import FINISHED, IN_PROGRESS, UNFINISHED

NEW_ADMIN_PIN = "509217"


def _v01(bench: Bench) -> Response:
    return parse_response(vignette("V01"), bench.station.form)


def _finish_into_the_store(bench: Bench) -> bool:
    """True when the summary went into the store, False when only into a folder (the fallback)."""
    result = bench.desk.finish(OPEN_ID, _v01(bench))
    return result.kept and result.finished is not None and result.finished.pdf_path is None


def _policy_gone(bench: Bench) -> None:
    """A policy file gone since the settings named it: the assessment fails at Finish."""
    bench.station.use_settings(Settings(policy="no-such-policy"))


def _kept_for_recovery(bench: Bench) -> None:
    """Finish earlier today, when the store refused the answers: they wait in the recovery file."""
    recovery = RecoveryFile.beside(bench.stores.database)
    assert recovery is not None
    recovery.keep(OPEN_ID, _v01(bench).to_json_dict(), False)


def _wrong_pin_refused(bench: Bench) -> bool:
    try:
        bench.desk.sign_in("maria", "0000")
    except SignInRefused:
        return True
    return False


def _two_wrong_pins_earlier(bench: Bench) -> None:
    """So that a right PIN visibly changes the account (the count goes back to 0)."""
    with bench.stores.database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE staff SET failures = 2 WHERE id = 'maria'")


def never_had_an_admin(stores: Stores) -> None:
    """The store as first opened: `maria` is staff there and no admin was ever made."""
    with stores.database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE staff SET role = 'staff'")
        connection.exec_driver_sql("DELETE FROM flags")


def _first_start(bench: Bench) -> None:
    never_had_an_admin(bench.stores)


def _admin_pin_in_the_environment(bench: Bench) -> None:
    never_had_an_admin(bench.stores)
    bench.monkeypatch.setenv(ADMIN_PIN_ENV, NEW_ADMIN_PIN)


def _new_visit(bench: Bench) -> Visit:
    return Visit(bench.station.form, bench.station.rules, frozenset(), visit_id=NEW_ID)


CASES = [
    UseCase(
        "start", lambda b: b.desk.start(_new_visit(b)), [(KIOSK_ID, "started", NEW_ID, None)],
        break_change=refusing("INSERT", "visits"),
    ),
    UseCase(
        "request_help", lambda b: b.desk.request_help(b.visit), [(KIOSK_ID, "help_requested", OPEN_ID, None)],
        break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "pause", lambda b: b.desk.pause(b.visit), [(KIOSK_ID, "paused", OPEN_ID, None)],
        break_change=refusing("UPDATE", "visits"),
    ),
    UseCase("resume", lambda b: b.desk.resume(OPEN_ID), [(KIOSK_ID, "resumed", OPEN_ID, None)], changes=False),
    UseCase(
        "set_aside", lambda b: b.desk.set_aside(b.visit), [(KIOSK_ID, "set_aside", OPEN_ID, None)],
        break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "finish", _finish_into_the_store, [(KIOSK_ID, "finished", OPEN_ID, None)],
        break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "finish with a failing assessment", lambda b: b.desk.finish(OPEN_ID, _v01(b)).flagged,
        [(KIOSK_ID, "summary_failed", OPEN_ID, None)], arrange=_policy_gone, break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "recover_kept_answers", lambda b: b.desk.recover_kept_answers() == 1, [(KIOSK_ID, "recovered", OPEN_ID, None)],
        arrange=_kept_for_recovery, break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "auto_print", lambda b: b.desk.auto_print(b.finished, b.printer.unattended) is None,
        [(KIOSK_ID, "printed", FINISHED_ID, None)], changes=False, break_change=jam, tells_caller=False,
    ),
    UseCase(
        "recover_interrupted", lambda b: b.desk.recover_interrupted(), [(KIOSK_ID, "interrupted", OPEN_ID, None)],
        break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "sign_in", lambda b: b.desk.sign_in("maria", ADMIN_PIN), [("maria", "signed_in", None, None)],
        arrange=_two_wrong_pins_earlier, break_change=refusing("UPDATE", "staff"),
    ),
    UseCase(
        "sign_in with a wrong PIN", _wrong_pin_refused, [(KIOSK_ID, "sign_in_failed", None, "maria")],
        break_change=refusing("UPDATE", "staff"),
    ),
    UseCase(
        "create_first_admin", lambda b: b.desk.create_first_admin(" Ann ", "Ann Admin", NEW_ADMIN_PIN),
        [(KIOSK_ID, "staff_added", None, "ann"), ("ann", "signed_in", None, None)],
        arrange=_first_start, break_change=refusing("INSERT", "staff"),
    ),
    UseCase(
        "first_admin_from_environment", lambda b: b.desk.first_admin_from_environment() is not None,
        [(KIOSK_ID, "staff_added", None, "admin")],
        arrange=_admin_pin_in_the_environment, break_change=refusing("INSERT", "staff"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_use_case_keeps_its_change_with_its_audit_row(case: UseCase, bench: Bench) -> None:
    check_kept_together(case, bench)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_refused_audit_row_keeps_none_of_the_change(case: UseCase, bench: Bench) -> None:
    check_refused_audit_row(case, bench)


@pytest.mark.parametrize("case", with_failing_change(CASES), ids=str)
def test_a_failed_change_keeps_no_audit_row(case: UseCase, bench: Bench) -> None:
    check_failed_change(case, bench)


@pytest.fixture
def kiosk_without_store(form, us_rules) -> Desk:
    return Desk(Station(None, form, Settings(), us_rules))


def test_start_keeps_the_new_visit_in_progress(bench: Bench) -> None:
    assert bench.desk.start(_new_visit(bench))
    started = bench.stored(NEW_ID)
    assert (started.summary.status, started.response["answers"]) == (IN_PROGRESS, {})


def test_autosave_keeps_the_answers_and_is_not_audited(bench: Bench) -> None:
    assert bench.desk.autosave(bench.visit)
    assert bench.stored(OPEN_ID).response["answers"] == {"given_name": "Zoë"}
    assert bench.stored(OPEN_ID).summary.status == IN_PROGRESS
    assert audit_entries(bench) == []


def test_a_red_flag_autosaved_puts_the_visit_first_in_every_queue(bench: Bench) -> None:
    bench.visit.set_answer("rf_cancer", "yes")
    assert bench.visit.needs_staff_alert()
    assert bench.desk.autosave(bench.visit)
    assert bench.stores.visits.list()[0].id == OPEN_ID


def test_help_requested_flags_the_visit_with_the_answers_so_far(bench: Bench) -> None:
    assert bench.desk.request_help(bench.visit)
    asked = bench.stored(OPEN_ID)
    assert asked.summary.help_requested and asked.summary.status == IN_PROGRESS
    assert asked.response["answers"] == {"given_name": "Zoë"}


def test_pause_saves_the_answers_and_waits_for_the_patient(bench: Bench) -> None:
    assert bench.desk.pause(bench.visit)
    paused = bench.stored(OPEN_ID)
    assert (paused.summary.status, paused.response["answers"]) == (IN_PROGRESS, {"given_name": "Zoë"})
    assert bench.desk.resume(OPEN_ID)
    assert audit_entries(bench) == [(KIOSK_ID, "paused", OPEN_ID, None), (KIOSK_ID, "resumed", OPEN_ID, None)]


def test_set_aside_leaves_the_answers_so_far_for_staff(bench: Bench) -> None:
    assert bench.desk.set_aside(bench.visit)
    aside = bench.stored(OPEN_ID)
    assert (aside.summary.status, aside.response["answers"]) == (UNFINISHED, {"given_name": "Zoë"})


def test_a_failing_store_never_interrupts_the_patient(bench: Bench) -> None:
    refuse(bench, "UPDATE", "visits")
    for use_case in (bench.desk.autosave, bench.desk.request_help, bench.desk.pause, bench.desk.set_aside):
        assert use_case(bench.visit) is False
    assert bench.stored(OPEN_ID).response["answers"] == {}
    assert audit_entries(bench) == []


def test_without_a_store_every_save_reports_false(kiosk_without_store: Desk, form, us_rules) -> None:
    visit = Visit(form, us_rules, frozenset(), visit_id=NEW_ID)
    desk = kiosk_without_store
    assert not desk.has_store
    saves = (desk.start, desk.autosave, desk.request_help, desk.pause, desk.set_aside)
    assert [save(visit) for save in saves] == [False] * len(saves)
    assert desk.resume(NEW_ID) is False


def test_finish_stores_the_assessed_visit_with_its_pdf(bench: Bench) -> None:
    result = bench.desk.finish(OPEN_ID, _v01(bench))
    assert result.kept and result.finished is not None and result.finished.pdf_path is None
    stored = bench.stored(OPEN_ID)
    assert (stored.summary.status, stored.summary.outcome) == (FINISHED, "REFER")
    assert stored.pdf == result.finished.pdf and stored.pdf.startswith(b"%PDF")
    [row] = bench.stores.audit.rows()
    assert (row.action, row.visit_id, row.rules_version) == ("finished", OPEN_ID, result.finished.assessment.policy_version)
    assert not summaries_dir(bench.station.settings).exists(), "stored: no copy in the summaries folder"


def test_the_summary_prints_the_audit_head_from_just_before_its_finish_row(bench: Bench) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    head = bench.station.audit_head()
    assert head is not None, "the bench's visit was started, so the log has a head"
    result = bench.desk.finish(OPEN_ID, _v01(bench))
    assert result.finished is not None
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(result.finished.pdf)).pages).replace("\n", " ")
    assert head[:16] in text and "Audit log head" in text
    assert bench.station.audit_head() != head, "the finish row came after the printed anchor"


def test_finish_without_a_store_writes_the_summaries_folder(kiosk_without_store: Desk, form) -> None:
    result = kiosk_without_store.finish(NEW_ID, parse_response(vignette("V01"), form))
    assert result.kept and result.finished is not None
    assert result.finished.pdf_path == summaries_dir(Settings()) / f"visit-{NEW_ID}.pdf"
    assert result.finished.pdf_path.read_bytes() == result.finished.pdf


def test_finish_with_a_failing_store_writes_the_summaries_folder(bench: Bench) -> None:
    refuse(bench, "UPDATE", "visits")
    result = bench.desk.finish(OPEN_ID, _v01(bench))
    assert result.kept and result.finished is not None
    assert result.finished.pdf_path == summaries_dir(bench.station.settings) / f"visit-{OPEN_ID}.pdf"
    assert result.finished.pdf_path.read_bytes() == result.finished.pdf
    assert bench.stored(OPEN_ID).summary.status == IN_PROGRESS
    assert audit_entries(bench) == []


def test_finish_also_writes_the_clinics_own_folder(bench: Bench) -> None:
    bench.station.use_settings(Settings(output_dir=bench.folder / "printer-watches"))
    result = bench.desk.finish(OPEN_ID, _v01(bench))
    assert result.kept and result.finished is not None
    assert result.finished.pdf_path == bench.folder / "printer-watches" / f"visit-{OPEN_ID}.pdf"
    assert result.finished.pdf_path.read_bytes() == bench.stored(OPEN_ID).pdf


def test_an_unwritable_clinic_folder_does_not_undo_the_stored_visit(bench: Bench) -> None:
    blocking("printer-watches")(bench)
    bench.station.use_settings(Settings(output_dir=bench.folder / "printer-watches"))
    result = bench.desk.finish(OPEN_ID, _v01(bench))
    assert result.kept and result.finished is not None and result.finished.pdf_path is None
    assert bench.stored(OPEN_ID).summary.status == FINISHED


def test_with_neither_store_nor_folder_the_summary_is_held_in_memory(bench: Bench) -> None:
    refuse(bench, "UPDATE", "visits")
    blocking("printer-watches")(bench)
    bench.station.use_settings(Settings(output_dir=bench.folder / "printer-watches"))
    result = bench.desk.finish(OPEN_ID, _v01(bench))
    assert not result.kept
    assert result.finished is not None and result.finished.pdf.startswith(b"%PDF") and result.finished.pdf_path is None


def test_a_failing_assessment_after_finish_leaves_every_answer_unfinished_with_an_alert(bench: Bench) -> None:
    """A policy file gone since the settings named it: reported, never raised, and staff are alerted."""
    _policy_gone(bench)
    response = _v01(bench)
    assert bench.desk.hand_in(bench.visit, response) is Handover.STORED
    assert bench.desk.finish(OPEN_ID, response) == FinishResult(None, kept=False, flagged=True)
    stored = bench.stored(OPEN_ID)
    assert (stored.summary.status, stored.summary.summary_failed) == (UNFINISHED, True)
    assert stored.response == response.to_json_dict() and stored.assessment is None and stored.pdf is None
    assert audit_entries(bench) == [(KIOSK_ID, "summary_failed", OPEN_ID, None)]
    assert not summaries_dir(bench.station.settings).exists()


def test_a_failing_final_store_flags_the_visit_and_keeps_the_pdf_in_the_summaries_folder(bench: Bench) -> None:
    with bench.stores.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_finishing BEFORE UPDATE ON visits WHEN NEW.status = 'finished' "
            "BEGIN SELECT RAISE(ABORT, 'finishing refused by a test'); END"
        )
    result = bench.desk.finish(OPEN_ID, _v01(bench), staff_alerted=True)
    assert result.kept and result.flagged and result.finished is not None
    assert result.finished.pdf_path == summaries_dir(bench.station.settings) / f"visit-{OPEN_ID}.pdf"
    stored = bench.stored(OPEN_ID).summary
    assert (stored.status, stored.summary_failed, stored.priority) == (UNFINISHED, True, URGENT)
    assert audit_entries(bench) == [(KIOSK_ID, "summary_failed", OPEN_ID, None)]


def test_a_summary_made_again_clears_the_alert(bench: Bench) -> None:
    _policy_gone(bench)
    assert bench.desk.finish(OPEN_ID, _v01(bench)).flagged
    bench.station.use_settings(Settings())
    assert bench.desk.finish(OPEN_ID, _v01(bench)).kept
    assert (bench.stored(OPEN_ID).summary.status, bench.stored(OPEN_ID).summary.summary_failed) == (FINISHED, False)


def test_hand_in_stores_every_answer_still_in_progress_and_unaudited(bench: Bench) -> None:
    response = _v01(bench)
    assert bench.desk.hand_in(bench.visit, response) is Handover.STORED
    stored = bench.stored(OPEN_ID)
    assert (stored.summary.status, stored.response) == (IN_PROGRESS, response.to_json_dict())
    assert audit_entries(bench) == []


def test_a_store_that_refuses_the_hand_in_keeps_the_answers_in_the_recovery_file(bench: Bench) -> None:
    refuse(bench, "UPDATE", "visits")
    response = _v01(bench)
    assert bench.desk.hand_in(bench.visit, response) is Handover.RECOVERY_FILE
    assert bench.stored(OPEN_ID).response["answers"] == {}
    recovery = RecoveryFile.beside(bench.stores.database)
    assert recovery is not None
    [kept] = recovery.read()
    assert (kept.visit_id, kept.response) == (OPEN_ID, response.to_json_dict())

    with bench.stores.database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER refuse_update_visits")
    assert bench.desk.recover_kept_answers() == 1
    stored = bench.stored(OPEN_ID)
    assert (stored.summary.status, stored.response) == (UNFINISHED, response.to_json_dict())
    assert stored.summary.summary_failed, "staff are alerted: the patient finished and no summary was made"
    assert audit_entries(bench) == [(KIOSK_ID, "recovered", OPEN_ID, None)]
    assert not recovery.path.exists()
    assert bench.desk.recover_kept_answers() == 0


def test_without_a_key_for_a_recovery_file_the_answers_stay_with_the_caller(bench: Bench) -> None:
    refuse(bench, "UPDATE", "visits")
    bench.monkeypatch.setattr(RecoveryFile, "beside", classmethod(lambda _cls, _database: None))
    assert bench.desk.hand_in(bench.visit, _v01(bench)) is Handover.MEMORY_ONLY


def test_without_a_store_hand_in_leaves_the_summary_to_the_folder(kiosk_without_store: Desk, form, us_rules) -> None:
    visit = Visit(form, us_rules, frozenset(), visit_id=NEW_ID)
    assert kiosk_without_store.hand_in(visit, parse_response(vignette("V01"), form)) is Handover.STORED


def test_auto_print_sends_the_pdf_to_the_clinics_printer(bench: Bench) -> None:
    sent = []
    bench.station.use_settings(Settings(printer="Front desk"))
    assert bench.desk.auto_print(bench.finished, lambda pdf, printer: sent.append((pdf, printer))) is None
    assert sent == [(bench.finished.pdf, "Front desk")]
    [row] = bench.stores.audit.rows()
    assert (row.staff_id, row.action, row.visit_id, row.rules_version) == (
        KIOSK_ID, "printed", FINISHED_ID, bench.finished.assessment.policy_version,
    )


def test_auto_print_failing_is_returned_and_not_audited(bench: Bench) -> None:
    jam(bench)
    assert bench.desk.auto_print(bench.finished, bench.printer.unattended) == "paper jam in tray 2"
    assert audit_entries(bench) == []


def test_visits_a_crash_left_in_progress_are_kept_for_staff(bench: Bench) -> None:
    bench.stores.visits.create(NEW_ID, bench.visit.draft())
    assert bench.desk.recover_interrupted() == 2
    assert {visit.id: visit.status for visit in bench.stores.visits.list()} == {
        FINISHED_ID: FINISHED, OPEN_ID: UNFINISHED, UNFINISHED_ID: UNFINISHED, NEW_ID: UNFINISHED,
    }
    assert sorted(audit_entries(bench)) == [(KIOSK_ID, "interrupted", OPEN_ID, None), (KIOSK_ID, "interrupted", NEW_ID, None)]
    assert bench.desk.recover_interrupted() == 0
    assert len(audit_entries(bench)) == 2


def test_the_set_up_is_needed_only_on_a_store_that_never_had_an_admin(desk: Desk, stores: Stores) -> None:
    assert not desk.needs_first_admin()
    stores.staff.add("ann", "Ann Admin", Role.ADMIN, NEW_ADMIN_PIN)
    stores.staff.disable("maria")
    assert not desk.needs_first_admin(), "disabling an admin never brings the set-up back"
    never_had_an_admin(stores)
    assert desk.needs_first_admin()


def test_sign_in_and_failures_are_audited_without_stray_typed_text(bench: Bench) -> None:
    with pytest.raises(SignInRefused):
        bench.desk.sign_in("maria", "0000")
    with pytest.raises(SignInRefused):
        bench.desk.sign_in("Hans Müller 1970", "0000")
    signed_in = bench.desk.sign_in(" Maria ", ADMIN_PIN)
    assert (signed_in.actor, signed_in.is_admin) == ("maria", True)
    signed_in.view(FINISHED_ID)
    assert audit_entries(bench) == [
        (KIOSK_ID, "sign_in_failed", None, "maria"),
        (KIOSK_ID, "sign_in_failed", None, None),
        ("maria", "signed_in", None, None),
        ("maria", "viewed", FINISHED_ID, None),
    ]
    assert not any("Hans" in str(field) for row in bench.stores.audit.rows() for field in vars(row).values())


def test_wrong_pins_are_counted_though_refused_and_the_fifth_locks(bench: Bench) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused, match=f"^{re.escape(REFUSED)}$"):
            bench.desk.sign_in("maria", "000000")
    with pytest.raises(SignInRefused, match=f"^{re.escape(REFUSED)}$"):
        bench.desk.sign_in("maria", ADMIN_PIN)
    assert audit_entries(bench) == [(KIOSK_ID, "sign_in_failed", None, "maria")] * (MAX_FAILURES + 1)


def test_an_admin_pin_too_short_for_todays_rules_signs_in_once_to_be_changed(bench: Bench) -> None:
    with bench.stores.database.engine.begin() as connection:
        connection.execute(update(staff).where(staff.c.id == "maria").values(pin_hash=PasswordHasher().hash("4821")))
    signed_in = bench.desk.sign_in("maria", "4821")
    assert signed_in.pin_change_required
    with pytest.raises(ValueError, match="at least 6"):
        signed_in.change_pin("5092")
    signed_in.change_pin(NEW_ADMIN_PIN)
    assert not signed_in.pin_change_required
    assert not bench.desk.sign_in("maria", NEW_ADMIN_PIN).pin_change_required
    with pytest.raises(SignInRefused):
        bench.desk.sign_in("maria", "4821")
    assert not bench.desk.sign_in("bob", STAFF_PIN).pin_change_required


def test_a_one_time_pin_signs_in_once_to_be_changed(bench: Bench) -> None:
    bench.maria.reset_pin("bob", "5092")
    signed_in = bench.desk.sign_in("bob", "5092")
    assert signed_in.pin_change_required and signed_in.member is not None and signed_in.member.must_change_pin
    with pytest.raises(ValueError, match="not the one-time PIN"):
        signed_in.change_pin("5092")
    signed_in.change_pin("6103")
    assert not signed_in.pin_change_required and not signed_in.member.must_change_pin
    assert not bench.desk.sign_in("bob", "6103").pin_change_required


def test_create_first_admin_signs_them_in(desk: Desk, stores: Stores) -> None:
    never_had_an_admin(stores)
    admin = desk.create_first_admin("Ann", "Ann Admin", NEW_ADMIN_PIN)
    assert (admin.actor, admin.is_admin, admin.pin_change_required) == ("ann", True, False)
    assert desk.sign_in("ann", NEW_ADMIN_PIN).actor == "ann"
    assert "ann" in [member.id for member in stores.staff.list()]
    assert not desk.needs_first_admin()


@pytest.mark.parametrize(
    ("staff_id", "pin", "refusal"),
    [("ann", "12", ValueError), ("ann", "5092", ValueError), ("maria", NEW_ADMIN_PIN, StaffExists)],
)
def test_a_refused_first_admin_keeps_nothing(desk: Desk, stores: Stores, staff_id: str, pin: str, refusal: type) -> None:
    never_had_an_admin(stores)
    with pytest.raises(refusal):
        desk.create_first_admin(staff_id, "Ann Admin", pin)
    assert [member.id for member in stores.staff.list()] == ["bob", "maria"]
    assert stores.audit.rows() == []
    assert desk.needs_first_admin()


def test_no_second_first_admin_once_an_admin_exists(desk: Desk, stores: Stores) -> None:
    with pytest.raises(StaffExists, match="already exists"):
        desk.create_first_admin("eve", "Eve", NEW_ADMIN_PIN)
    assert [member.id for member in stores.staff.list()] == ["bob", "maria"]


def test_admin_pin_from_the_environment_creates_the_first_admin_once(desk: Desk, stores: Stores, monkeypatch) -> None:
    never_had_an_admin(stores)
    assert desk.first_admin_from_environment() is None
    monkeypatch.setenv(ADMIN_PIN_ENV, NEW_ADMIN_PIN)
    created = desk.first_admin_from_environment()
    assert created is not None and created.id == "admin" and created.is_admin
    assert desk.first_admin_from_environment() is None
    assert stores.staff.sign_in("admin", NEW_ADMIN_PIN).id == "admin"
    assert [(row.staff_id, row.action, row.subject) for row in stores.audit.rows()] == [(KIOSK_ID, "staff_added", "admin")]


def test_admin_pin_from_the_environment_is_ignored_while_an_admin_exists(
    desk: Desk, stores: Stores, monkeypatch, caplog
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.setenv(ADMIN_PIN_ENV, NEW_ADMIN_PIN)
    assert desk.first_admin_from_environment() is None
    assert "admin" not in [member.id for member in stores.staff.list()]
    assert "INTAKE_ADMIN_PIN ignored: this database already has an administrator" in caplog.text


def test_admin_pin_from_the_environment_is_ignored_where_every_admin_was_disabled(
    desk: Desk, stores: Stores, monkeypatch, caplog
) -> None:
    """A database whose only admin was disabled before the last admin was protected: the app
    starts, with neither a set-up screen for anyone nor a new `admin` from the environment."""
    caplog.set_level(logging.INFO)
    with stores.database.engine.begin() as connection:
        connection.execute(update(staff).where(staff.c.id == "maria").values(active=False))
    monkeypatch.setenv(ADMIN_PIN_ENV, NEW_ADMIN_PIN)
    assert desk.first_admin_from_environment() is None
    assert not desk.needs_first_admin()
    assert "INTAKE_ADMIN_PIN ignored" in caplog.text and stores.audit.rows() == []


def test_an_admin_pin_too_short_in_the_environment_leaves_the_set_up_to_the_screen(
    desk: Desk, stores: Stores, monkeypatch, caplog
) -> None:
    caplog.set_level(logging.INFO)
    never_had_an_admin(stores)
    monkeypatch.setenv(ADMIN_PIN_ENV, "5092")
    assert desk.first_admin_from_environment() is None
    assert desk.needs_first_admin()
    assert "INTAKE_ADMIN_PIN ignored: An administrator's PIN needs at least 6" in caplog.text


OTHER_ID = "20261124-095000-eeeeee"


def _started_on(bench: Bench, station_id: str, visit_id: str) -> None:
    station = dataclasses.replace(bench.station, station_id=station_id)
    assert Desk(station).start(Visit(station.form, station.rules, frozenset(), visit_id=visit_id))


def test_at_start_only_this_stations_visits_in_progress_become_unfinished(bench: Bench) -> None:
    bench.station.station_id = "here"
    _started_on(bench, "here", NEW_ID)
    _started_on(bench, "elsewhere", OTHER_ID)
    assert bench.desk.recover_interrupted() == 2
    statuses = {visit.id: visit.status for visit in bench.stores.visits.list()}
    assert (statuses[NEW_ID], statuses[OPEN_ID], statuses[OTHER_ID]) == (UNFINISHED, UNFINISHED, IN_PROGRESS), (
        "ours and one naming no station; the other station's patient is still answering"
    )


def test_at_start_any_stations_visit_abandoned_for_12_hours_becomes_unfinished(bench: Bench) -> None:
    bench.station.station_id = "here"
    _started_on(bench, "elsewhere", OTHER_ID)
    _started_on(bench, "elsewhere", NEW_ID)
    with bench.stores.database.engine.begin() as connection:
        connection.execute(update(visits).where(visits.c.id == OTHER_ID).values(updated=utc_now() - timedelta(hours=13)))
        connection.execute(update(visits).where(visits.c.id == NEW_ID).values(updated=utc_now() - timedelta(hours=11)))
    bench.desk.recover_interrupted()
    statuses = {visit.id: visit.status for visit in bench.stores.visits.list()}
    assert (statuses[OTHER_ID], statuses[NEW_ID]) == (UNFINISHED, IN_PROGRESS)
    assert (KIOSK_ID, "interrupted", OTHER_ID, None) in audit_entries(bench)


def test_a_paused_visit_is_watched_until_staff_take_it_elsewhere(bench: Bench) -> None:
    """The station holding a paused visit compares its mark with the store: unchanged, it keeps the
    visit; continued by staff on another station (or set aside there), it must let it go."""
    assert bench.desk.pause(bench.visit)
    mark = bench.desk.waiting_mark(OPEN_ID)
    assert mark is not None
    assert not bench.desk.taken_elsewhere(OPEN_ID, mark)
    bench.maria.view(OPEN_ID)
    bench.maria.mark_reviewed(OPEN_ID)
    assert not bench.desk.taken_elsewhere(OPEN_ID, mark), "staff reading or reviewing it take nothing"
    bench.maria.continue_with_patient(OPEN_ID)
    assert bench.desk.taken_elsewhere(OPEN_ID, mark)
    taken = bench.desk.waiting_mark(OPEN_ID)
    assert taken is not None and taken != mark
    assert bench.desk.set_aside(bench.visit)
    assert bench.desk.taken_elsewhere(OPEN_ID, taken), "set aside: no longer in progress"
    assert bench.desk.waiting_mark(OPEN_ID) is None, "only a visit in progress waits"
    bench.maria.discard(OPEN_ID)
    assert bench.desk.taken_elsewhere(OPEN_ID, taken), "discarded: gone"


def test_a_store_that_cannot_be_read_takes_nothing_away(bench: Bench, kiosk_without_store: Desk) -> None:
    assert bench.desk.pause(bench.visit)
    mark = bench.desk.waiting_mark(OPEN_ID)
    assert mark is not None
    bench.monkeypatch.setattr(bench.stores.visits, "last_change", _unreadable)
    assert not bench.desk.taken_elsewhere(OPEN_ID, mark)
    assert bench.desk.waiting_mark(OPEN_ID) is None
    assert kiosk_without_store.waiting_mark(OPEN_ID) is None
    assert not kiosk_without_store.taken_elsewhere(OPEN_ID, mark)


def _unreadable(_visit_id: str) -> None:
    raise StoreError("the database is not reachable")


# Languages: a visit starts in the clinic's language or the patient's choice, and records it ----------


def test_a_new_visit_is_in_the_clinics_language_unless_the_patient_chose(desk: Desk) -> None:
    assert desk.languages == ("en", "es")
    assert desk.new_visit().language == "en"
    assert desk.new_visit("es").language == "es"
    desk.station.settings = Settings(language="es")
    assert desk.new_visit().language == "es" and desk.default_language == "es"
    desk.station.settings = Settings(language="fr")
    assert desk.default_language == "en", "a language the patient wording lacks falls back to the source"


def test_a_switched_visit_keeps_its_id_answers_and_alert_and_saves_its_language(desk: Desk, stores: Stores) -> None:
    visit = desk.new_visit()
    desk.start(visit)
    visit.set_answer("rf_thunderclap", "yes")
    assert visit.needs_staff_alert()
    switched = desk.visit_in(visit, "es")
    assert (switched.visit_id, dict(switched.answers), switched.staff_alerted) == (visit.visit_id, dict(visit.answers), True)
    assert switched.words.NEXT == "Siguiente" and switched.authored == visit.authored
    assert desk.autosave(switched)
    assert stores.visits.get(visit.visit_id).response["language"] == "es"


def test_a_spanish_visit_is_assessed_as_intake_assess_reads_it(desk: Desk, stores: Stores, form, us_rules) -> None:
    from intake.eligibility import evaluate

    visit = desk.new_visit("es")
    desk.start(visit)
    for key, value in parse_response(vignette("V14"), form).answers.items():
        visit.set_answer(key, value)
    response = visit.response()
    assert response.language == "es"
    assert desk.hand_in(visit, response) is Handover.STORED
    result = desk.finish(visit.visit_id, response)
    stored = stores.visits.get(visit.visit_id)
    assert stored.response["language"] == "es"
    again = evaluate(parse_response(stored.response, form), us_rules, form)
    assert result.finished is not None
    kiosk = result.finished.assessment.to_json_dict()
    assert again.to_json_dict() == kiosk | {"other_policies": []}, "the same assessment (the kiosk adds the other policies)"


def test_a_continued_visit_goes_on_in_the_language_it_was_answered_in(desk: Desk) -> None:
    stored = {**vignette("V01"), "language": "es-MX"}
    assert desk.continued_visit("20261124-090000-abcdef", stored).language == "es"
    assert desk.continued_visit("20261124-090000-abcdef", {**stored, "language": "fr"}).language == "en"
    assert desk.continued_visit("20261124-090000-abcdef", vignette("V01")).language == "en"

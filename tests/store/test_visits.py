"""The visits repository, on encrypted SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from audit_keys import AUDIT_KEY
from cases import VIGNETTES, vignette
from intake.eligibility import evaluate, load_rules
from intake.questionnaire.response import parse_response
from intake.store.audit import Action, AuditLog
from intake.store.errors import AlreadyImported, VisitNotFound
from intake.store.schema import visits
from intake.store.visit_content import current_content
from intake.store.visits import FINISHED, IN_PROGRESS, ROUTINE, UNFINISHED, URGENT, VisitStore

PDF = b"%PDF-1.4 fake"
DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def finished_values(form, vignette_id: str, policy: str = "us-payer") -> tuple[dict, dict]:
    """What `finish` is given: the response and its assessment as JSON objects (the store sees no model)."""
    response = parse_response(vignette(vignette_id), form)
    return response.to_json_dict(), evaluate(response, load_rules(policy), form).to_json_dict()


def finish(store: VisitStore, form, vignette_id: str, visit_id: str) -> None:
    store.finish(visit_id, *finished_values(form, vignette_id), PDF)


def test_every_vignette_round_trips(database, form) -> None:
    store = VisitStore(database)
    for index, case in enumerate(VIGNETTES):
        finish(store, form, case["id"], f"20261124-1000{index:02d}-abcdef")
    for index, case in enumerate(VIGNETTES):
        stored = store.get(f"20261124-1000{index:02d}-abcdef")
        response, assessment = finished_values(form, case["id"])
        assert stored.response == response, case["id"]
        assert stored.assessment == assessment, case["id"]
        assert stored.summary.outcome == assessment["outcome"]
        assert (stored.policy, stored.rules_version, stored.rules_hash) == (
            assessment["policy"], assessment["policy_version"], assessment["rules_hash"],
        )
        assert stored.pdf == PDF


def test_autosave_then_interruption_keeps_every_answer(database, form) -> None:
    store = VisitStore(database)
    answers = {"given_name": "Zoë", "family_name": "Łukasik-Ó'Brien", "headache_days": 20}
    store.create("20261124-100000-aaaaaa", DRAFT)
    store.save_answers("20261124-100000-aaaaaa", {**DRAFT, "answers": answers}, False)
    store.create("20261124-100100-bbbbbb", DRAFT)
    store.set_aside("20261124-100100-bbbbbb", DRAFT, False)
    finish(store, form, "V01", "20261124-100200-cccccc")
    assert store.mark_interrupted(None, LONG_AGO) == ["20261124-100000-aaaaaa"], "only visits still in progress"
    assert store.mark_interrupted(None, LONG_AGO) == []
    stored = store.get("20261124-100000-aaaaaa")
    assert stored.summary.status == UNFINISHED
    assert stored.response["answers"] == answers
    assert stored.summary.family_name == "Łukasik-Ó'Brien"


def test_queue_is_urgent_first_then_newest(database, form) -> None:
    store = VisitStore(database)
    finish(store, form, "V01", "20261124-090000-000001")
    finish(store, form, "V14", "20261124-090100-000002")
    finish(store, form, "V06", "20261124-090200-000003")
    store.create("20261124-090300-000004", DRAFT)
    order = [visit.id for visit in store.list()]
    assert order[0] == "20261124-090100-000002"
    assert order[1:] == ["20261124-090300-000004", "20261124-090200-000003", "20261124-090000-000001"]
    assert [visit.id for visit in store.list(status=IN_PROGRESS)] == ["20261124-090300-000004"]
    assert len(store.list(status=FINISHED, limit=2)) == 2


def test_red_flag_in_progress_moves_the_visit_up(database) -> None:
    store = VisitStore(database)
    store.create("20261124-090000-000001", DRAFT)
    store.create("20261124-090100-000002", DRAFT)
    store.save_answers("20261124-090000-000001", {**DRAFT, "answers": {"rf_cancer": "yes"}}, True)
    assert store.list()[0].id == "20261124-090000-000001"


def test_review_discard_and_purge(database, form) -> None:
    store = VisitStore(database)
    finish(store, form, "V01", "20261124-090000-000001")
    store.mark_reviewed("20261124-090000-000001", "staff-ann")
    assert store.get("20261124-090000-000001").summary.reviewed
    with pytest.raises(VisitNotFound):
        store.discard("20261124-090000-000001")
    store.create("20261124-090100-000002", DRAFT)
    store.discard("20261124-090100-000002")
    assert store.started_before(datetime.now(UTC) - timedelta(days=1)) == []
    [old] = store.started_before(datetime.now(UTC))
    assert store.purge([old.id, "20261124-090100-000002"]) == [old.id], "only those still there"
    assert store.list() == []


def test_without_pdfs_reads_a_day_range_oldest_first(database, form) -> None:
    store = VisitStore(database)
    finish(store, form, "V14", "20261124-090000-000001")
    finish(store, form, "V01", "20261124-090100-000002")
    today = date.today()
    found = store.without_pdfs(today - timedelta(days=1), today + timedelta(days=1))
    assert [visit.summary.id for visit in found] == ["20261124-090000-000001", "20261124-090100-000002"]
    assert all(visit.pdf is None for visit in found)
    first = store.get("20261124-090000-000001")
    assert (found[0].assessment, found[0].response, found[0].rules_version) == (
        first.assessment, first.response, first.rules_version,
    )
    assert store.without_pdfs(date(2000, 1, 1), date(2000, 1, 2)) == []


def test_help_request_flags_the_visit_and_keeps_the_answers(database, form) -> None:
    store = VisitStore(database)
    store.create("20261124-090000-000001", DRAFT)
    store.create("20261124-090100-000002", DRAFT)
    assert not store.get("20261124-090000-000001").summary.help_requested
    answers = {"given_name": "Zoë", "family_name": "Łukasik-Ó'Brien"}
    store.request_help("20261124-090000-000001", {**DRAFT, "answers": answers}, False)
    asked = store.get("20261124-090000-000001")
    assert asked.summary.help_requested and asked.summary.status == IN_PROGRESS
    assert asked.response["answers"] == answers and asked.summary.family_name == "Łukasik-Ó'Brien"
    assert {visit.id: visit.help_requested for visit in store.list()} == {
        "20261124-090000-000001": True, "20261124-090100-000002": False,
    }
    assert "help_requested" not in store.list()[0].to_json_dict(), "the CLI's JSON keeps its fields"


def test_help_request_survives_finishing_and_is_refused_for_an_unknown_visit(database, form) -> None:
    store = VisitStore(database)
    store.create("20261124-090000-000001", DRAFT)
    store.request_help("20261124-090000-000001", DRAFT, True)
    finish(store, form, "V01", "20261124-090000-000001")
    finished = store.get("20261124-090000-000001").summary
    assert finished.help_requested and finished.status == FINISHED
    with pytest.raises(VisitNotFound):
        store.request_help("20261124-090000-000001", DRAFT, False)
    with pytest.raises(VisitNotFound):
        store.request_help("20261124-099999-ffffff", DRAFT, False)


def test_an_imported_visit_is_found_by_its_fingerprint_until_purged(database, form) -> None:
    store = VisitStore(database)
    finish(store, form, "V01", "20261124-090000-000001")
    finish(store, form, "V14", "20261124-090100-000002")
    assert store.imported_as("f" * 64) is None
    store.mark_imported("20261124-090000-000001", "f" * 64)
    assert store.imported_as("f" * 64) == "20261124-090000-000001"
    assert store.imported_as("e" * 64) is None
    store.purge(["20261124-090000-000001"])
    assert store.imported_as("f" * 64) is None


def test_two_visits_never_share_a_fingerprint(database, form) -> None:
    """The last word when two imports of one response race: the unique index."""
    store = VisitStore(database)
    finish(store, form, "V01", "20261124-090000-000001")
    finish(store, form, "V01", "20261124-090100-000002")
    store.mark_imported("20261124-090000-000001", "f" * 64)
    with pytest.raises(AlreadyImported):
        store.mark_imported("20261124-090100-000002", "f" * 64)
    assert store.imported_as("f" * 64) == "20261124-090000-000001"


def test_hand_in_keeps_every_answer_in_progress_and_creates_a_visit_never_started(database, form) -> None:
    store = VisitStore(database)
    answers = {**DRAFT, "answers": {"given_name": "Zoë", "rf_cancer": "yes"}}
    store.create("20261124-090000-000001", DRAFT)
    store.hand_in("20261124-090000-000001", answers, True)
    store.hand_in("20261124-090100-000002", answers, False)
    for visit_id, priority in (("20261124-090000-000001", URGENT), ("20261124-090100-000002", ROUTINE)):
        stored = store.get(visit_id)
        assert (stored.summary.status, stored.summary.priority, stored.response) == (IN_PROGRESS, priority, answers)


def test_a_failed_summary_flags_the_unfinished_visit_until_one_is_made(database, form) -> None:
    store = VisitStore(database)
    answers = {**DRAFT, "answers": {"given_name": "Zoë"}}
    store.create("20261124-090000-000001", DRAFT)
    store.summary_failed("20261124-090000-000001", answers, False)
    failed = store.get("20261124-090000-000001")
    assert (failed.summary.status, failed.summary.summary_failed, failed.response) == (UNFINISHED, True, answers)
    assert [visit.summary_failed for visit in store.list()] == [True]
    assert "summary_failed" not in store.list()[0].to_json_dict(), "the CLI's JSON keeps its fields"
    finish(store, form, "V01", "20261124-090000-000001")
    made = store.get("20261124-090000-000001").summary
    assert (made.status, made.summary_failed) == (FINISHED, False)
    with pytest.raises(VisitNotFound):
        store.summary_failed("20261124-090000-000001", answers, False)


def test_a_discarded_visit_takes_its_summary_failed_flag_with_it(database) -> None:
    store = VisitStore(database)
    store.create("20261124-090000-000001", DRAFT)
    store.summary_failed("20261124-090000-000001", DRAFT, False)
    store.discard("20261124-090000-000001")
    assert store.list() == []


def test_recovered_answers_become_an_unfinished_visit_but_never_undo_a_finished_one(database, form) -> None:
    store = VisitStore(database)
    answers = {**DRAFT, "answers": {"given_name": "Zoë"}}
    kept_at = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    store.create("20261124-090000-000001", DRAFT)
    store.recover("20261124-090000-000001", answers, False, kept_at)
    store.recover("20261124-090100-000002", answers, True, kept_at)
    finish(store, form, "V01", "20261124-090200-000003")
    store.recover("20261124-090200-000003", answers, False, kept_at)
    first, second = store.get("20261124-090000-000001"), store.get("20261124-090100-000002")
    assert (first.summary.status, first.response, first.summary.summary_failed) == (UNFINISHED, answers, True)
    assert (second.summary.status, second.summary.priority, second.summary.started) == (UNFINISHED, URGENT, kept_at)
    assert second.summary.summary_failed, "the patient finished and no summary was made: staff are alerted"
    finished = store.get("20261124-090200-000003").summary
    assert (finished.status, finished.summary_failed) == (FINISHED, False)


def _at(database, visit_id: str, **moments: datetime) -> None:
    """Move a visit's stored times, as if it had been started, saved or finished then."""
    with database.engine.begin() as connection:
        connection.execute(update(visits).where(visits.c.id == visit_id).values(**moments))


def test_within_a_priority_the_most_recently_finished_comes_first(database, form) -> None:
    store = VisitStore(database)
    morning = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    for index, visit_id in enumerate(("20261124-080000-000001", "20261124-081000-000002", "20261124-082000-000003")):
        finish(store, form, "V01", visit_id)
        _at(database, visit_id, started=morning + timedelta(minutes=10 * index))
    _at(database, "20261124-080000-000001", finished=morning + timedelta(hours=2), updated=morning + timedelta(hours=2))
    _at(database, "20261124-081000-000002", finished=morning + timedelta(hours=1), updated=morning + timedelta(hours=3))
    _at(database, "20261124-082000-000003", finished=morning + timedelta(minutes=30), updated=morning + timedelta(minutes=30))
    store.create("20261124-083000-000004", DRAFT)
    _at(database, "20261124-083000-000004", started=morning + timedelta(minutes=30), updated=morning + timedelta(minutes=90))
    assert [visit.id for visit in store.list()] == [
        "20261124-080000-000001",  # handed back last, though started first
        "20261124-083000-000004",  # not finished: its last save
        "20261124-081000-000002",  # finished before; a later change does not move it up
        "20261124-082000-000003",
    ]
    finish(store, form, "V14", "20261124-084000-000005")
    assert store.list()[0].id == "20261124-084000-000005", "urgent stays above every routine visit"


def test_since_and_until_bound_the_start_exactly(database, form) -> None:
    store = VisitStore(database)
    start = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    for hours, visit_id in ((0, "20261124-230000-000001"), (1, "20261125-000000-000002"), (2, "20261125-010000-000003")):
        store.create(visit_id, DRAFT)
        _at(database, visit_id, started=start + timedelta(hours=hours))
    since, until = start + timedelta(hours=1), start + timedelta(hours=2)
    assert [visit.id for visit in store.list(since=since, until=until)] == ["20261125-000000-000002"]
    assert {visit.id for visit in store.list(since=since)} == {"20261125-000000-000002", "20261125-010000-000003"}
    assert {visit.id for visit in store.list(until=since.astimezone(timezone(timedelta(hours=-5))))} == {
        "20261124-230000-000001",
    }


def test_the_date_of_birth_follows_the_answers(database, form) -> None:
    store = VisitStore(database)
    store.create("20261124-090000-000001", DRAFT)
    assert store.list()[0].date_of_birth is None
    store.save_answers("20261124-090000-000001", {**DRAFT, "answers": {"date_of_birth": "1992-01-15"}}, False)
    assert store.list()[0].date_of_birth == date(1992, 1, 15)
    store.set_aside("20261124-090000-000001", {**DRAFT, "answers": {"date_of_birth": "not a date"}}, False)
    assert store.get("20261124-090000-000001").summary.date_of_birth is None
    finish(store, form, "V01", "20261124-090000-000001")
    assert store.get("20261124-090000-000001").summary.date_of_birth == date.fromisoformat(
        vignette("V01")["answers"]["date_of_birth"]
    )
    assert "date_of_birth" not in store.list()[0].to_json_dict(), "the CLI's JSON keeps its fields"


def _last_saved(database, visit_id: str, when: datetime) -> None:
    with database.engine.begin() as connection:
        connection.execute(update(visits).where(visits.c.id == visit_id).values(updated=when))


def test_a_station_marks_only_its_own_visits_interrupted_or_long_abandoned_ones(database) -> None:
    store = VisitStore(database)
    now = datetime.now(UTC)
    store.create("20261124-100000-aaaaaa", DRAFT, station="here")
    store.create("20261124-100100-bbbbbb", DRAFT, station="elsewhere")
    store.create("20261124-100200-cccccc", DRAFT, station="elsewhere")
    store.create("20261124-100300-dddddd", DRAFT)
    _last_saved(database, "20261124-100200-cccccc", now - timedelta(hours=13))
    marked = store.mark_interrupted("here", now - timedelta(hours=12))
    assert sorted(marked) == ["20261124-100000-aaaaaa", "20261124-100200-cccccc", "20261124-100300-dddddd"], (
        "ours, the other station's abandoned one, and one that names no station"
    )
    statuses = {visit.id: visit.status for visit in store.list()}
    assert statuses["20261124-100100-bbbbbb"] == IN_PROGRESS, "another station's visit under way is left alone"
    assert store.mark_interrupted("elsewhere", now - timedelta(hours=12)) == ["20261124-100100-bbbbbb"]


def test_a_visit_handed_in_without_a_stored_start_names_its_station(database) -> None:
    store = VisitStore(database)
    store.hand_in("20261124-100000-aaaaaa", DRAFT, False, station="here")
    assert store.mark_interrupted("elsewhere", LONG_AGO) == []
    assert store.mark_interrupted("here", LONG_AGO) == ["20261124-100000-aaaaaa"]


def test_the_station_and_help_handled_are_outside_the_content_hash(database) -> None:
    store = VisitStore(database)
    store.create("20261124-100000-aaaaaa", DRAFT, station="here")
    store.set_aside("20261124-100000-aaaaaa", DRAFT, False)
    with database.engine.begin() as connection:
        before = current_content(connection, "20261124-100000-aaaaaa")
        connection.execute(update(visits).values(station="elsewhere", help_handled=True))
        assert current_content(connection, "20261124-100000-aaaaaa") == before


def test_a_revised_visit_keeps_when_it_finished_and_its_review_while_its_outcome_stands(database, form) -> None:
    store = VisitStore(database)
    finish(store, form, "V01", "20261124-090000-000001")
    store.mark_reviewed("20261124-090000-000001", "maria")
    before = store.get("20261124-090000-000001")
    store.revise("20261124-090000-000001", before.response, before.assessment, b"%PDF-1.4 with a note")
    noted = store.get("20261124-090000-000001")
    assert (noted.pdf, noted.summary.reviewed, noted.summary.finished) == (b"%PDF-1.4 with a note", True, before.summary.finished)
    response, assessment = finished_values(form, "V14")
    store.revise("20261124-090000-000001", response, assessment, b"%PDF-1.4 again")
    after = store.get("20261124-090000-000001")
    assert (after.response, after.assessment, after.pdf) == (response, assessment, b"%PDF-1.4 again")
    assert (after.summary.outcome, after.summary.priority) == ("URGENT_REVIEW", URGENT)
    assert after.summary.family_name == response["answers"]["family_name"]
    assert (after.summary.finished, after.summary.status) == (before.summary.finished, FINISHED)
    assert not after.summary.reviewed, "a changed outcome is reviewed again"
    store.create("20261124-090000-000002", DRAFT)
    for visit_id in ("20261124-090000-000002", "20261124-235959-ffffff"):
        with pytest.raises(VisitNotFound, match="no finished visit"):
            store.revise(visit_id, response, assessment, PDF)


def test_a_visit_locked_for_a_change_waits_for_that_change(database, form) -> None:
    """Two stations amending one visit take turns: the second cannot read it for a change until the first commits."""
    store = VisitStore(database)
    finish(store, form, "V01", "20261124-090000-000001")
    with pytest.raises(VisitNotFound):
        store.locked("20261124-235959-ffffff")
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite: a change's transaction holds the whole database's write lock from its start")
    with database.writing() as first:
        assert VisitStore(first).locked("20261124-090000-000001").summary.status == FINISHED
        with database.writing() as second:
            second.exec_driver_sql("SET LOCAL lock_timeout = '200ms'")
            with pytest.raises(OperationalError, match="lock timeout"):
                VisitStore(second).locked("20261124-090000-000001")


def test_resume_makes_an_open_visit_in_progress_and_marks_the_change(database, form) -> None:
    store = VisitStore(database)
    answers = {**DRAFT, "answers": {"given_name": "Zoë", "rf_thunderclap": "yes"}}
    store.create("20261124-090000-000001", DRAFT)
    store.set_aside("20261124-090000-000001", answers, True)
    status, saved = store.last_change("20261124-090000-000001")
    assert status == UNFINISHED
    store.resume("20261124-090000-000001")
    resumed = store.get("20261124-090000-000001")
    assert (resumed.summary.status, resumed.summary.priority, resumed.response) == (IN_PROGRESS, URGENT, answers)
    status, changed = store.last_change("20261124-090000-000001")
    assert status == IN_PROGRESS and changed > saved
    store.resume("20261124-090000-000001")
    assert store.last_change("20261124-090000-000001")[1] > changed, "a paused visit taken again is a change too"


def test_a_finished_or_unknown_visit_cannot_be_resumed(database, form) -> None:
    store = VisitStore(database)
    finish(store, form, "V01", "20261124-090000-000001")
    for visit_id in ("20261124-090000-000001", "20261124-235959-ffffff"):
        with pytest.raises(VisitNotFound):
            store.resume(visit_id)
    assert store.last_change("20261124-090000-000001")[0] == FINISHED
    assert store.last_change("20261124-235959-ffffff") is None


def test_a_visit_with_an_imported_audit_row_was_answered_before_the_visit(database, form) -> None:
    """Whatever reads it (the queue, one visit, one locked for a change, an export), a visit its `imported` row names."""
    store, log = VisitStore(database), AuditLog(database, AUDIT_KEY)
    finish(store, form, "V01", "20261124-100000-import")
    finish(store, form, "V06", "20261124-100100-kiosk1")
    log.record(Action.IMPORTED, "cli:maria", "20261124-100000-import")
    log.record(Action.FINISHED, "kiosk", "20261124-100100-kiosk1")
    log.record(Action.VIEWED, "cli:maria", "20261124-100100-kiosk1")
    marked = {visit.id: visit.answered_before for visit in store.list()}
    assert marked == {"20261124-100000-import": True, "20261124-100100-kiosk1": False}
    assert [store.get(visit_id).summary.answered_before for visit_id in sorted(marked)] == [True, False]
    assert [store.locked(visit_id).summary.answered_before for visit_id in sorted(marked)] == [True, False]
    assert [visit.summary.answered_before for visit in store.without_pdfs()] == [True, False]
    assert [visit.answered_before for visit in store.started_before(datetime.now(UTC) + timedelta(days=1))] == [True, False]

"""The audit log's signed chain shows any edit, removal or reordering, a chain recomputed
without the audit key, a visit changed behind its back, and (with an anchor) a log cut
short or emptied; an intact log under the right key verifies clean."""

from __future__ import annotations

from dataclasses import asdict, replace

import pytest
from sqlalchemy import update

from audit_keys import AUDIT_KEY, OTHER_KEY
from intake.store.audit import GENESIS, SYSTEM_ID, Action, AuditLog, audit_is_keyed
from intake.store.audit_chain import AuditRow, keyed_hash, plain_hash, short_anchor
from intake.store.schema import audit
from intake.store.stores import Stores
from intake.store.visit_content import current_content
from intake.store.visits import VisitStore

VISIT = "20261124-090000-000001"
RESPONSE = {"form": "headache-intake", "authored": "2026-11-24", "answers": {"headache_days": 20}}
ASSESSMENT = {"outcome": "REFER", "policy": "us-payer", "policy_version": "2026.1", "rules_hash": "sha256:ab"}


def _three_rows(database) -> AuditLog:
    log = AuditLog(database, AUDIT_KEY)
    log.record(Action.VIEWED, "staff-ann", VISIT, "2026.1")
    log.record(Action.PRINTED, "staff-ann", VISIT, "2026.1")
    log.record(Action.EXPORTED, "cli:root", None, None)
    return log


def _sql(database, statement: str) -> None:
    with database.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def _rewrite(database, rows: list[AuditRow], sign) -> None:
    """What someone holding only the database can do: rewrite rows and relink every hash after them."""
    previous = rows[0].prev_hash
    with database.engine.begin() as connection:
        for row in rows:
            row = replace(row, prev_hash=previous)
            new_hash, scheme = sign(row)
            changed = {"prev_hash": previous, "hash": new_hash, "scheme": scheme}
            connection.execute(update(audit).where(audit.c.seq == row.seq).values(**changed))
            previous = new_hash


def _finished_visit(database) -> Stores:
    stores = Stores.on(database, AUDIT_KEY)
    with stores.transaction() as transaction:
        transaction.visits.finish(VISIT, RESPONSE, ASSESSMENT, b"%PDF-1.4 summary")
        transaction.audit.record(Action.FINISHED, "kiosk", VISIT, "2026.1")
    return stores


def test_untouched_chain_verifies(database) -> None:
    log = _three_rows(database)
    check = log.verify()
    assert (check.problems, check.rows, check.plain_rows) == ([], 3, 0)
    assert [row.action for row in log.rows()] == ["viewed", "printed", "exported"]
    assert {row.scheme for row in log.rows()} == {"hmac-sha256"}


def test_edited_row_is_detected(database) -> None:
    log = _three_rows(database)
    second = log.rows()[1].seq
    _sql(database, f"UPDATE audit SET staff_id = 'someone-else' WHERE seq = {second}")
    assert log.verify().problems == [f"seq {second}: contents changed after it was written"]


def test_removed_row_is_detected(database) -> None:
    log = _three_rows(database)
    second = log.rows()[1].seq
    _sql(database, f"DELETE FROM audit WHERE seq = {second}")
    problems = log.verify().problems
    assert f"seq {second}: row missing (next row is {second + 1})" in problems
    assert f"seq {second + 1}: does not follow the previous row (a row was removed or changed)" in problems


def test_the_account_an_action_was_about_is_chained_too(database) -> None:
    log = _three_rows(database)
    log.record(Action.STAFF_ADDED, "maria", subject="bob")
    last = log.rows()[-1]
    assert (last.staff_id, last.action, last.subject) == ("maria", "staff_added", "bob")
    assert log.verify().problems == []
    _sql(database, f"UPDATE audit SET subject = 'carl' WHERE seq = {last.seq}")
    assert log.verify().problems == [f"seq {last.seq}: contents changed after it was written"]


def test_a_rolled_back_row_leaves_no_gap_in_the_chain(database) -> None:
    """An action that fails takes its row with it (see `Stores.transaction`); the next row
    must follow the last kept one, or `verify` would report a removed row."""
    stores = Stores.on(database, AUDIT_KEY)
    stores.audit.record(Action.VIEWED, "maria", VISIT)
    with pytest.raises(OSError), stores.transaction() as transaction:
        transaction.audit.record(Action.EXPORTED, "maria", VISIT)
        raise OSError("the export could not be written")
    stores.audit.record(Action.PRINTED, "maria", VISIT)
    rows = stores.audit.rows()
    assert [row.action for row in rows] == ["viewed", "printed"]
    assert rows[1].seq == rows[0].seq + 1
    assert stores.audit.verify().problems == []


def test_an_edit_with_the_chain_recomputed_under_another_key_is_detected(database) -> None:
    log = _three_rows(database)
    _sql(database, f"UPDATE audit SET staff_id = 'someone-else' WHERE seq = {log.rows()[1].seq}")
    rows = log.rows()
    _rewrite(database, rows[1:], lambda row: (keyed_hash(OTHER_KEY, row), "hmac-sha256"))
    assert log.verify().problems == [f"seq {row.seq}: contents changed after it was written" for row in rows[1:]]


def test_an_edit_with_the_chain_recomputed_as_plain_sha256_is_detected(database) -> None:
    log = _three_rows(database)
    _sql(database, f"UPDATE audit SET staff_id = 'someone-else' WHERE seq = {log.rows()[1].seq}")
    rows = log.rows()
    _rewrite(database, rows[1:], lambda row: (plain_hash(row), "sha256"))
    assert log.verify().problems == [
        f"seq {row.seq}: a plain SHA-256 row after keyed rows (written without the audit key)" for row in rows[1:]
    ]


def test_the_whole_log_rewritten_as_plain_rows_is_caught_by_an_anchor(database) -> None:
    log = _three_rows(database)
    anchor = log.head()
    _sql(database, f"UPDATE audit SET staff_id = 'someone-else' WHERE seq = {log.rows()[0].seq}")
    _rewrite(database, log.rows(), lambda row: (plain_hash(row), "sha256"))
    assert log.verify().problems == [], "plain rows alone are what a log from before the audit key looks like"
    assert log.verify(anchor).problems == [
        f"anchor {anchor}: not in the audit log (rows from it on were removed, or the log was replaced)"
    ]


def test_a_log_cut_short_is_caught_by_an_anchor_in_full_or_short_form(database) -> None:
    log = _three_rows(database)
    anchor = log.head()
    assert anchor == log.rows()[-1].hash and len(short_anchor(anchor)) == 16
    assert log.verify(anchor).problems == [] and log.verify(short_anchor(anchor).upper()).problems == []
    _sql(database, f"DELETE FROM audit WHERE seq = {log.rows()[-1].seq}")
    assert log.verify().problems == [], "the newest rows cut off leave a chain that links"
    for typed in (anchor, short_anchor(anchor)):
        assert log.verify(typed).problems == [
            f"anchor {typed}: not in the audit log (rows from it on were removed, or the log was replaced)"
        ]


def test_an_emptied_log_is_caught_by_an_anchor(database) -> None:
    log = _three_rows(database)
    anchor = short_anchor(log.head())
    _sql(database, "DELETE FROM audit")
    assert log.head() == GENESIS
    assert log.verify().problems == []
    assert log.verify(anchor).problems == [
        f"anchor {anchor}: not in the audit log (rows from it on were removed, or the log was replaced)"
    ]


def test_an_anchor_that_is_not_a_hash_is_refused(database) -> None:
    log = _three_rows(database)
    for typed in ("abc", "not-a-hash-at-all-really", "0" * 65):
        with pytest.raises(ValueError, match="16 to 64 hex digits"):
            log.verify(typed)


def test_the_wrong_key_is_said_once(database) -> None:
    _three_rows(database)
    assert AuditLog(database, OTHER_KEY).verify().problems == [
        "no keyed row verifies with this audit key: it is not the key the log was written with"
    ]


def test_rows_from_before_the_audit_key_verify_as_plain_sha256(database) -> None:
    """A database upgraded to migration 0005: its rows are plain, then keyed rows follow."""
    with database.engine.begin() as connection:
        previous = GENESIS
        for seq, action in enumerate(("signed_in", "viewed"), start=1):
            row = AuditRow(seq, f"2026-11-2{seq}T09:00:00+00:00", "maria", action, VISIT, None, previous, "")
            previous = plain_hash(row)
            connection.execute(audit.insert().values(**asdict(replace(row, hash=previous))))
    log = AuditLog(database, AUDIT_KEY)
    log.record(Action.PRINTED, "maria", VISIT)
    check = log.verify()
    assert (check.problems, check.rows, check.plain_rows) == ([], 3, 2)
    _sql(database, "UPDATE audit SET staff_id = 'bob' WHERE seq = 1")
    assert log.verify().problems == ["seq 1: contents changed after it was written"]


def test_a_finished_visit_changed_behind_the_log_is_detected(database) -> None:
    stores = _finished_visit(database)
    check = stores.audit.verify()
    assert (check.problems, check.visits) == ([], 1)
    finish_seq = stores.audit.rows()[-1].seq
    _sql(database, f"UPDATE visits SET outcome = 'NOT_ELIGIBLE' WHERE id = '{VISIT}'")
    assert stores.audit.verify().problems == [f"visit {VISIT}: changed since its last audited action (seq {finish_seq})"]


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE visits SET pdf = X'00' WHERE id = '{id}'",
        "UPDATE visits SET reviewed = true WHERE id = '{id}'",
        "UPDATE visits SET status = 'in_progress' WHERE id = '{id}'",
        "UPDATE visits SET response = '{{}}' WHERE id = '{id}'",
    ],
)
def test_every_part_a_clinician_relies_on_is_covered(database, change: str) -> None:
    stores = _finished_visit(database)
    if database.engine.dialect.name == "postgresql":
        change = change.replace("X'00'", "'\\x00'::bytea")
    _sql(database, change.format(id=VISIT))
    assert len(stores.audit.verify().problems) == 1


def test_a_visit_removed_or_added_behind_the_log_is_detected(database) -> None:
    stores = _finished_visit(database)
    seq = stores.audit.rows()[-1].seq
    _sql(database, f"DELETE FROM visits WHERE id = '{VISIT}'")
    assert stores.audit.verify().problems == [f"visit {VISIT}: removed without an audit row (last audited at seq {seq})"]
    VisitStore(database).finish(VISIT, RESPONSE, ASSESSMENT, b"%PDF-1.4 forged")
    VisitStore(database).finish("20261124-100000-000002", RESPONSE, ASSESSMENT, b"%PDF-1.4 forged")
    assert stores.audit.verify().problems == [
        f"visit {VISIT}: changed since its last audited action (seq {seq})",
        "visit 20261124-100000-000002: no audit row covers it (added to the visits table directly?)",
    ]


def test_audited_changes_and_unaudited_autosave_in_progress_verify_clean(database) -> None:
    stores = Stores.on(database, AUDIT_KEY)
    with stores.transaction() as transaction:
        transaction.visits.create(VISIT, RESPONSE)
        transaction.audit.record(Action.STARTED, "kiosk", VISIT)
    stores.visits.save_answers(VISIT, {**RESPONSE, "answers": {"headache_days": 25}}, staff_alerted=True)
    assert stores.audit.verify().problems == []
    with stores.transaction() as transaction:
        transaction.visits.set_aside(VISIT, RESPONSE, staff_alerted=False)
        transaction.audit.record(Action.SET_ASIDE, "kiosk", VISIT)
    with stores.transaction() as transaction:
        transaction.visits.discard(VISIT)
        transaction.audit.record(Action.DISCARDED, "maria", VISIT)
    assert stores.audit.verify().problems == []


def test_visits_kept_before_the_audit_key_are_sealed_once(database) -> None:
    VisitStore(database).finish(VISIT, RESPONSE, ASSESSMENT, b"%PDF-1.4 summary")
    VisitStore(database).create("20261124-100000-000002", RESPONSE)
    assert not audit_is_keyed(database)
    log = AuditLog(database, AUDIT_KEY)
    assert log.seal() == 1
    [sealed] = log.rows()
    assert (sealed.action, sealed.staff_id, sealed.visit_id) == ("sealed", SYSTEM_ID, VISIT)
    assert audit_is_keyed(database)
    assert log.seal() == 0
    assert log.verify().problems == []


def test_each_row_carries_the_visits_content_once_changed(database) -> None:
    stores = _finished_visit(database)
    [row] = stores.audit.rows()
    with database.engine.connect() as connection:
        assert row.content == current_content(connection, VISIT)
    assert row.content is not None and len(row.content) == 64


def test_others_since_tells_whether_staff_touched_a_visit_after_it_finished(database) -> None:
    stores = Stores.on(database, AUDIT_KEY)
    stores.visits.create(VISIT, RESPONSE)
    stores.audit.record(Action.VIEWED, "bob", VISIT)
    assert stores.audit.others_since(VISIT, Action.FINISHED, "kiosk") is None, "not finished yet"
    _finished_visit(database)
    assert stores.audit.others_since(VISIT, Action.FINISHED, "kiosk") is False, "a view before the finish does not count"
    stores.audit.record(Action.PRINTED, "kiosk", VISIT)
    stores.audit.record(Action.VIEWED, "maria", "20261124-100000-000002")
    assert stores.audit.others_since(VISIT, Action.FINISHED, "kiosk") is False, "the kiosk's own print, another visit"
    stores.audit.record(Action.VIEWED, "bob", VISIT)
    assert stores.audit.others_since(VISIT, Action.FINISHED, "kiosk") is True

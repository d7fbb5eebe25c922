"""The audit log's hash chain shows any edit, removal or reordering."""

from __future__ import annotations

import pytest

from intake.store.audit import Action, AuditLog
from intake.store.stores import Stores


def _three_rows(database) -> AuditLog:
    log = AuditLog(database)
    log.record(Action.VIEWED, "staff-ann", "20261124-090000-000001", "2026.1")
    log.record(Action.PRINTED, "staff-ann", "20261124-090000-000001", "2026.1")
    log.record(Action.EXPORTED, "cli:root", None, None)
    return log


def test_untouched_chain_verifies(database) -> None:
    log = _three_rows(database)
    assert log.verify() == []
    assert [row.action for row in log.rows()] == ["viewed", "printed", "exported"]


def test_edited_row_is_detected(database) -> None:
    log = _three_rows(database)
    second = log.rows()[1].seq
    with database.engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE audit SET staff_id = 'someone-else' WHERE seq = {second}")
    assert log.verify() == [f"seq {second}: contents changed after it was written"]


def test_removed_row_is_detected(database) -> None:
    log = _three_rows(database)
    second = log.rows()[1].seq
    with database.engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM audit WHERE seq = {second}")
    problems = log.verify()
    assert f"seq {second}: row missing (next row is {second + 1})" in problems
    assert f"seq {second + 1}: does not follow the previous row (a row was removed or changed)" in problems


def test_the_account_an_action_was_about_is_chained_too(database) -> None:
    log = _three_rows(database)
    log.record(Action.STAFF_ADDED, "maria", subject="bob")
    last = log.rows()[-1]
    assert (last.staff_id, last.action, last.subject) == ("maria", "staff_added", "bob")
    assert log.verify() == []
    with database.engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE audit SET subject = 'carl' WHERE seq = {last.seq}")
    assert log.verify() == [f"seq {last.seq}: contents changed after it was written"]


def test_a_rolled_back_row_leaves_no_gap_in_the_chain(database) -> None:
    """An action that fails takes its row with it (see `Stores.transaction`); the next row
    must follow the last kept one, or `verify` would report a removed row."""
    stores = Stores.on(database)
    stores.audit.record(Action.VIEWED, "maria", "20261124-090000-000001")
    with pytest.raises(OSError), stores.transaction() as transaction:
        transaction.audit.record(Action.EXPORTED, "maria", "20261124-090000-000001")
        raise OSError("the export could not be written")
    stores.audit.record(Action.PRINTED, "maria", "20261124-090000-000001")
    rows = stores.audit.rows()
    assert [row.action for row in rows] == ["viewed", "printed"]
    assert rows[1].seq == rows[0].seq + 1
    assert stores.audit.verify() == []

"""Migration 0006 on a log already in use at 0003: its rows are marked plain SHA-256 and
still verify, and signed rows follow them; the downgrade drops the new columns."""

from __future__ import annotations

from sqlalchemy import text

from audit_keys import AUDIT_KEY
from intake.store.audit import Action, AuditLog
from intake.store.audit_chain import GENESIS, AuditRow, plain_hash
from intake.store.database import Database
from migration_steps import columns, migrate


def test_an_existing_0003_log_upgrades_and_still_verifies(database: Database) -> None:
    engine = database.engine
    migrate(engine, "0003", down=True)
    assert {"content", "scheme"}.isdisjoint(columns(engine, "audit"))
    old = AuditRow(1, "2026-11-24T09:00:00.000000+00:00", "maria", "viewed", "20261124-090000-000001", "2026.1", GENESIS, "")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit (seq, at, staff_id, action, visit_id, rules_version, prev_hash, hash) "
                "VALUES (:seq, :at, :staff_id, :action, :visit_id, :rules_version, :prev_hash, :hash)"
            ),
            {**old.__dict__, "hash": plain_hash(old)},
        )
    migrate(engine, "head")
    log = AuditLog(database, AUDIT_KEY)
    [upgraded] = log.rows()
    assert (upgraded.scheme, upgraded.content) == ("sha256", None)
    log.record(Action.PRINTED, "maria")
    check = log.verify()
    assert (check.problems, check.rows, check.plain_rows) == ([], 2, 1)
    assert log.rows()[-1].scheme == "hmac-sha256"


def test_the_downgrade_drops_the_new_columns(database: Database) -> None:
    AuditLog(database, AUDIT_KEY).record(Action.PRINTED, "maria")
    migrate(database.engine, "0003", down=True)
    assert {"content", "scheme"}.isdisjoint(columns(database.engine, "audit"))
    migrate(database.engine, "head")

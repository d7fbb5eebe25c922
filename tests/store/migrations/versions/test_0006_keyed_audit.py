"""Migration 0006 on a log already in use at 0003: its rows are marked plain SHA-256 and
still verify, and signed rows follow them; the downgrade drops the new columns."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, text

from audit_keys import AUDIT_KEY
from intake.store.audit import Action, AuditLog
from intake.store.audit_chain import GENESIS, AuditRow, plain_hash
from intake.store.database import MIGRATIONS, Database


def _migrate(engine: Engine, revision: str, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def _columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("audit")}


def test_an_existing_0003_log_upgrades_and_still_verifies(database: Database) -> None:
    engine = database.engine
    _migrate(engine, "0003", down=True)
    assert {"content", "scheme"}.isdisjoint(_columns(engine))
    old = AuditRow(1, "2026-11-24T09:00:00.000000+00:00", "maria", "viewed", "20261124-090000-000001", "2026.1", GENESIS, "")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit (seq, at, staff_id, action, visit_id, rules_version, prev_hash, hash) "
                "VALUES (:seq, :at, :staff_id, :action, :visit_id, :rules_version, :prev_hash, :hash)"
            ),
            {**old.__dict__, "hash": plain_hash(old)},
        )
    _migrate(engine, "head")
    log = AuditLog(database, AUDIT_KEY)
    [upgraded] = log.rows()
    assert (upgraded.scheme, upgraded.content) == ("sha256", None)
    log.record(Action.PRINTED, "maria")
    check = log.verify()
    assert (check.problems, check.rows, check.plain_rows) == ([], 2, 1)
    assert log.rows()[-1].scheme == "hmac-sha256"


def test_the_downgrade_drops_the_new_columns(database: Database) -> None:
    AuditLog(database, AUDIT_KEY).record(Action.PRINTED, "maria")
    _migrate(database.engine, "0003", down=True)
    assert {"content", "scheme"}.isdisjoint(_columns(database.engine))
    _migrate(database.engine, "head")

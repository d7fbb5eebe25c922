"""Migration 0012 on a database in use at 0011: an index on the audit log by visit and action comes and goes;
the rows were always there, so a visit imported before the upgrade shows as answered before the visit."""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from audit_keys import AUDIT_KEY
from intake.store.audit import Action, AuditLog
from intake.store.database import Database
from intake.store.visits import VisitStore
from migration_steps import migrate

IMPORTED = "20261124-090000-000001"
AT_THE_KIOSK = "20261124-091500-000002"
FINISHED = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}
ASSESSED = {"outcome": "REFER", "policy": "us-payer", "policy_version": "1", "rules_hash": "sha256:0"}


def _audit_indexes(engine: Engine) -> set[str]:
    return {index["name"] for index in inspect(engine).get_indexes("audit")}


def _finished(database: Database) -> None:
    visits, log = VisitStore(database), AuditLog(database, AUDIT_KEY)
    for visit_id, action in ((IMPORTED, Action.IMPORTED), (AT_THE_KIOSK, Action.FINISHED)):
        visits.finish(visit_id, FINISHED, ASSESSED, b"%PDF")
        log.record(action, "cli:maria", visit_id)


def test_a_visit_imported_before_the_upgrade_is_marked_after_it(database: Database) -> None:
    engine = database.engine
    migrate(engine, "0011", down=True)
    assert "audit_visit_action" not in _audit_indexes(engine)
    _finished(database)
    migrate(engine, "head")
    assert "audit_visit_action" in _audit_indexes(engine)
    assert {visit.id: visit.answered_before for visit in VisitStore(database).list()} == {
        IMPORTED: True, AT_THE_KIOSK: False}


def test_the_downgrade_drops_the_index_and_keeps_every_row(database: Database) -> None:
    engine = database.engine
    _finished(database)
    rows = len(AuditLog(database, AUDIT_KEY).rows())
    migrate(engine, "0011", down=True)
    assert "audit_visit_action" not in _audit_indexes(engine)
    assert len(AuditLog(database, AUDIT_KEY).rows()) == rows
    assert AuditLog(database, AUDIT_KEY).verify().problems == []
    migrate(engine, "head")

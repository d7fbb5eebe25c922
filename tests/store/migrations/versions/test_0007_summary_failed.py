"""Migration 0007 on a database already in use at 0003: old visits gain summary_failed = false."""

from __future__ import annotations

from sqlalchemy import text

from intake.store.database import Database
from intake.store.visits import VisitStore
from migration_steps import columns, migrate


def test_an_existing_0003_database_upgrades_and_keeps_its_visits(database: Database) -> None:
    engine = database.engine
    migrate(engine, "0003", down=True)
    assert "summary_failed" not in columns(engine, "visits")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO visits (id, started, updated, status, priority, response, reviewed, help_requested, family_name) "
                "VALUES ('20261124-090000-000001', :now, :now, 'in_progress', 2, '{\"answers\": {}}', :no, :no, 'Müller')"
            ),
            {"now": "2026-11-24 09:00:00+00:00", "no": False},
        )
    migrate(engine, "head")
    assert "summary_failed" in columns(engine, "visits")
    store = VisitStore(database)
    [old] = store.list()
    assert old.family_name == "Müller" and old.summary_failed is False
    store.summary_failed(old.id, {"answers": {}}, False)
    assert store.get(old.id).summary.summary_failed

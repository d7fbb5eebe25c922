"""Migration 0004 on a database in use at 0003: old visits have no fingerprint, and it goes back down cleanly."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from intake.store.database import Database
from intake.store.visits import VisitStore
from migration_steps import columns, migrate

OLD = "20261124-090000-000001"





def _indexes(engine: Engine) -> dict[str, bool]:
    return {index["name"]: bool(index["unique"]) for index in inspect(engine).get_indexes("visits")}


def test_an_existing_0003_database_upgrades_keeps_its_visits_and_downgrades(database: Database) -> None:
    engine = database.engine
    migrate(engine, "0003", down=True)
    assert "import_fingerprint" not in columns(engine, "visits")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO visits (id, started, updated, status, priority, response, reviewed, family_name) "
                "VALUES (:id, :now, :now, 'finished', 2, '{\"answers\": {}}', :no, 'Müller')"
            ),
            {"id": OLD, "now": "2026-11-24 09:00:00+00:00", "no": False},
        )
    migrate(engine, "head")
    assert _indexes(engine)["visits_import_fingerprint"] is True
    store = VisitStore(database)
    assert store.imported_as("f" * 64) is None, "a visit from before has no fingerprint"
    store.mark_imported(OLD, "f" * 64)
    assert store.imported_as("f" * 64) == OLD
    migrate(engine, "0003", down=True)
    assert "import_fingerprint" not in columns(engine, "visits")
    assert "visits_import_fingerprint" not in _indexes(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT family_name FROM visits")).scalars().all() == ["Müller"]
    migrate(engine, "head")

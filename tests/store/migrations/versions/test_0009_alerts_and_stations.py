"""Migration 0009 on a database in use at 0008: visits gain no station and help not handled; who
saw which alert gets its own table, emptied with its visits."""

from __future__ import annotations

from sqlalchemy import inspect, text

from intake.store.alert_state import AlertState, change_stamp
from intake.store.database import Database
from intake.store.visits import VisitStore
from migration_steps import columns, migrate

VISIT_ID = "20261124-090000-000001"





def test_an_existing_0008_database_upgrades_and_keeps_its_visits(database: Database) -> None:
    engine = database.engine
    migrate(engine, "0008", down=True)
    assert {"station", "help_handled"}.isdisjoint(columns(engine, "visits"))
    assert "alert_seen" not in inspect(engine).get_table_names()
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO visits (id, started, updated, status, priority, response, reviewed, help_requested, family_name) "
                "VALUES (:id, :now, :now, 'in_progress', 2, '{\"answers\": {}}', :no, :yes, 'Müller')"
            ),
            {"id": VISIT_ID, "now": "2026-11-24 09:00:00+00:00", "no": False, "yes": True},
        )
    migrate(engine, "head")
    store = VisitStore(database)
    [old] = store.list()
    assert old.family_name == "Müller" and old.help_requested and old.help_handled is False
    assert store.mark_interrupted("a station", old.started) == [VISIT_ID], "a visit that names no station is any station's"


def test_the_downgrade_drops_what_it_added_and_keeps_the_visits(database: Database) -> None:
    engine = database.engine
    store = VisitStore(database)
    store.create(VISIT_ID, {"answers": {"family_name": "Lee"}}, station="here")
    AlertState(database).mark_seen("bob", [(VISIT_ID, change_stamp(store.get(VISIT_ID).summary.updated))])
    migrate(engine, "0008", down=True)
    assert {"station", "help_handled"}.isdisjoint(columns(engine, "visits"))
    assert "alert_seen" not in inspect(engine).get_table_names()
    migrate(engine, "head")
    assert [visit.family_name for visit in store.list()] == ["Lee"]
    assert AlertState(database).seen_by("bob", [VISIT_ID]) == set()

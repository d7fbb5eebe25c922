"""Migration 0009 on a database in use at 0008: visits gain no station and help not handled; who
saw which alert gets its own table, emptied with its visits."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, text

from intake.store.alert_state import AlertState, change_stamp
from intake.store.database import MIGRATIONS, Database
from intake.store.visits import VisitStore

VISIT_ID = "20261124-090000-000001"


def _migrate(engine: Engine, revision: str, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def _columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("visits")}


def test_an_existing_0008_database_upgrades_and_keeps_its_visits(database: Database) -> None:
    engine = database.engine
    _migrate(engine, "0008", down=True)
    assert {"station", "help_handled"}.isdisjoint(_columns(engine))
    assert "alert_seen" not in inspect(engine).get_table_names()
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO visits (id, started, updated, status, priority, response, reviewed, help_requested, family_name) "
                "VALUES (:id, :now, :now, 'in_progress', 2, '{\"answers\": {}}', :no, :yes, 'Müller')"
            ),
            {"id": VISIT_ID, "now": "2026-11-24 09:00:00+00:00", "no": False, "yes": True},
        )
    _migrate(engine, "head")
    store = VisitStore(database)
    [old] = store.list()
    assert old.family_name == "Müller" and old.help_requested and old.help_handled is False
    assert store.mark_interrupted("a station", old.started) == [VISIT_ID], "a visit that names no station is any station's"


def test_the_downgrade_drops_what_it_added_and_keeps_the_visits(database: Database) -> None:
    engine = database.engine
    store = VisitStore(database)
    store.create(VISIT_ID, {"answers": {"family_name": "Lee"}}, station="here")
    AlertState(database).mark_seen("bob", [(VISIT_ID, change_stamp(store.get(VISIT_ID).summary.updated))])
    _migrate(engine, "0008", down=True)
    assert {"station", "help_handled"}.isdisjoint(_columns(engine))
    assert "alert_seen" not in inspect(engine).get_table_names()
    _migrate(engine, "head")
    assert [visit.family_name for visit in store.list()] == ["Lee"]
    assert AlertState(database).seen_by("bob", [VISIT_ID]) == set()

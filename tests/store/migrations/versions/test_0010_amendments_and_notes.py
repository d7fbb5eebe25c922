"""Migration 0010 on a database in use at 0009: the amendments and notes tables come and go, the visits stay."""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from intake.store.amendments import AmendmentStore
from intake.store.database import Database
from intake.store.notes import NoteStore
from intake.store.visits import VisitStore
from migration_steps import migrate

VISIT = "20261124-090000-000001"



def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_an_0008_database_gains_the_tables_and_keeps_its_visits(database: Database) -> None:
    engine = database.engine
    migrate(engine, "0009", down=True)
    assert not {"amendments", "notes"} & _tables(engine)
    VisitStore(database).create(VISIT, {"answers": {"given_name": "Zoë"}})
    migrate(engine, "head")
    NoteStore(database).add(VISIT, "maria", "After the upgrade")
    AmendmentStore(database).add(VISIT, "maria", "given_name", "Zoë", "Zoe", "Typo")
    assert [note.text for note in NoteStore(database).of_visit(VISIT)] == ["After the upgrade"]
    assert AmendmentStore(database).amended(VISIT)
    assert {index["name"] for index in inspect(engine).get_indexes("notes")} == {"notes_visit"}


def test_the_downgrade_drops_them_and_keeps_the_visits(database: Database) -> None:
    engine = database.engine
    VisitStore(database).create(VISIT, {"answers": {"given_name": "Zoë"}})
    NoteStore(database).add(VISIT, "maria", "Dropped with its table")
    migrate(engine, "0009", down=True)
    assert not {"amendments", "notes"} & _tables(engine)
    assert VisitStore(database).get(VISIT).response == {"answers": {"given_name": "Zoë"}}
    migrate(engine, "head")
    assert NoteStore(database).of_visit(VISIT) == []

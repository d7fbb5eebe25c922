"""Migration 0008 on a database in use at 0003: each visit gains its date of birth from its stored answers."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Engine, text

from intake.store.database import Database
from intake.store.visits import VisitStore
from migration_steps import columns, migrate


def _store_at_0003(engine: Engine, visit_id: str, answers: dict) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO visits (id, started, updated, status, priority, response, reviewed, help_requested) "
                "VALUES (:id, :now, :now, 'unfinished', 2, :response, :no, :no)"
            ),
            {"id": visit_id, "now": "2026-11-24 09:00:00+00:00", "response": json.dumps({"answers": answers}), "no": False},
        )


def test_existing_visits_gain_the_date_of_birth_they_were_given(database: Database) -> None:
    engine = database.engine
    migrate(engine, "0003", down=True)
    assert "date_of_birth" not in columns(engine, "visits")
    _store_at_0003(engine, "20261124-090000-000001", {"family_name": "Müller", "date_of_birth": "1992-01-15"})
    _store_at_0003(engine, "20261124-090000-000002", {"family_name": "Lee"})
    _store_at_0003(engine, "20261124-090000-000003", {"date_of_birth": "15/01/1992"})
    migrate(engine, "head")
    born = {visit.id: visit.date_of_birth for visit in VisitStore(database).list()}
    assert born == {
        "20261124-090000-000001": date(1992, 1, 15),
        "20261124-090000-000002": None,
        "20261124-090000-000003": None,
    }


def test_the_downgrade_drops_the_column_and_keeps_the_answers(database: Database) -> None:
    engine = database.engine
    VisitStore(database).create("20261124-090000-000001", {"answers": {"date_of_birth": "1992-01-15"}})
    migrate(engine, "0003", down=True)
    assert "date_of_birth" not in columns(engine, "visits")
    with engine.connect() as connection:
        [response] = connection.execute(text("SELECT response FROM visits")).scalars()
    assert json.loads(response)["answers"]["date_of_birth"] == "1992-01-15"
    migrate(engine, "head")
    assert VisitStore(database).list()[0].date_of_birth == date(1992, 1, 15)

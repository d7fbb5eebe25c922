"""Migration 0011 on a database in use at 0010: every account keeps its PIN, none is made one-time."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

from intake.store.database import MIGRATIONS, Database
from intake.store.staff import Role, StaffStore

PIN = "482193"


def _migrate(engine: Engine, revision: str, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def _columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("staff")}


def test_accounts_from_before_keep_their_pins_and_are_not_one_time(database: Database) -> None:
    accounts = StaffStore(database)
    accounts.add("maria", "María Ó", Role.ADMIN, PIN, one_time_pin=True)
    _migrate(database.engine, "0010", down=True)
    assert "must_change_pin" not in _columns(database.engine)
    _migrate(database.engine, "head")
    member = accounts.sign_in("maria", PIN)
    assert (member.id, member.must_change_pin) == ("maria", False)

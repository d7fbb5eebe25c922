"""Migration 0011 on a database in use at 0010: every account keeps its PIN, none is made one-time."""

from __future__ import annotations

from intake.store.database import Database
from intake.store.staff import Role, StaffStore
from migration_steps import columns, migrate

PIN = "482193"





def test_accounts_from_before_keep_their_pins_and_are_not_one_time(database: Database) -> None:
    accounts = StaffStore(database)
    accounts.add("maria", "María Ó", Role.ADMIN, PIN, one_time_pin=True)
    migrate(database.engine, "0010", down=True)
    assert "must_change_pin" not in columns(database.engine, "staff")
    migrate(database.engine, "head")
    member = accounts.sign_in("maria", PIN)
    assert (member.id, member.must_change_pin) == ("maria", False)

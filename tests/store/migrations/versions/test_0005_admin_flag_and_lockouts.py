"""Migration 0005 on a database already in use at 0003: a store that had any admin, even a
disabled one, is marked as set up; accounts start with no lockouts; the downgrade undoes it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text

from intake.store.database import Database
from intake.store.errors import SignInRefused
from intake.store.staff import MAX_FAILURES, Role, StaffStore
from migration_steps import columns, migrate


def _add_at_0003(engine: Engine, staff_id: str, role: str, active: bool) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff (id, name, role, pin_hash, active, failures, created) "
                "VALUES (:id, 'Someone', :role, 'not a hash', :active, 0, :created)"
            ),
            {"id": staff_id, "role": role, "active": active, "created": "2026-11-24 09:00:00+00:00"},
        )


@pytest.mark.parametrize(
    ("accounts", "had_admin"),
    [
        ([], False),
        ([("bob", "staff", True)], False),
        ([("bob", "staff", True), ("admin", "admin", False)], True),
        ([("maria", "admin", True)], True),
    ],
)
def test_a_store_that_had_any_admin_is_marked_as_set_up(
    database: Database, accounts: list[tuple[str, str, bool]], had_admin: bool
) -> None:
    engine = database.engine
    migrate(engine, "0003", down=True)
    assert "flags" not in inspect(engine).get_table_names()
    for account in accounts:
        _add_at_0003(engine, *account)
    migrate(engine, "head")
    store = StaffStore(database)
    assert store.has_had_admin() is had_admin
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM staff WHERE lockouts <> 0")).scalar_one() == 0


def test_the_downgrade_removes_the_flag_and_the_lockout_count(database: Database) -> None:
    store = StaffStore(database)
    store.add("maria", "María Ó", Role.ADMIN, "482193")
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            store.sign_in("maria", "000000")
    migrate(database.engine, "0003", down=True)
    assert "flags" not in inspect(database.engine).get_table_names()
    assert "lockouts" not in columns(database.engine, "staff")
    migrate(database.engine, "head")
    assert store.has_had_admin()


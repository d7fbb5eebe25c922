"""Staff accounts: hashed PINs, sign-in, lockout that survives a restart, disabling."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from intake.store.database import Database
from intake.store.errors import SignInRefused, StaffExists, StaffNotFound
from intake.store.schema import staff
from intake.store.staff import LOCKOUT, MAX_FAILURES, Role, StaffStore
from intake.store.timestamps import utc_now

PIN = "4821"


@pytest.fixture
def accounts(database: Database) -> StaffStore:
    store = StaffStore(database)
    store.add("maria", "María Ó", Role.ADMIN, PIN)
    return store


def test_right_pin_signs_in_and_pin_is_only_kept_hashed(accounts: StaffStore, database: Database) -> None:
    member = accounts.sign_in("maria", PIN)
    assert (member.id, member.name, member.is_admin) == ("maria", "María Ó", True)
    with database.engine.connect() as connection:
        stored = connection.execute(select(staff.c.pin_hash)).scalar_one()
    assert PIN not in stored and stored.startswith("$argon2id$")


def test_wrong_pin_and_unknown_id_get_the_same_answer(accounts: StaffStore) -> None:
    with pytest.raises(SignInRefused) as wrong:
        accounts.sign_in("maria", "0000")
    with pytest.raises(SignInRefused) as unknown:
        accounts.sign_in("nobody", "0000")
    assert str(wrong.value) == str(unknown.value) == "Wrong staff ID or PIN."


def test_lockout_after_repeated_failures_refuses_even_the_right_pin(accounts: StaffStore) -> None:
    messages = []
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in("maria", "9999")
        messages.append(str(refused.value))
    assert "One more wrong PIN" in messages[-2]
    assert "locked" in messages[-1]
    with pytest.raises(SignInRefused, match="locked; try again in 5 minute"):
        accounts.sign_in("maria", PIN)
    later = utc_now() + LOCKOUT + timedelta(seconds=1)
    assert accounts.sign_in("maria", PIN, now=later).id == "maria"


def test_a_right_pin_resets_the_count(accounts: StaffStore) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInRefused):
            accounts.sign_in("maria", "9999")
    accounts.sign_in("maria", PIN)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInRefused, match=r"^Wrong staff ID or PIN"):
            accounts.sign_in("maria", "9999")


def test_disabled_account_cannot_sign_in(accounts: StaffStore) -> None:
    accounts.add("bob", "Bob", Role.STAFF, "7310")
    accounts.disable("bob")
    with pytest.raises(SignInRefused, match=r"^Wrong staff ID or PIN\.$"):
        accounts.sign_in("bob", "7310")
    assert [(m.id, m.active) for m in accounts.list()] == [("bob", False), ("maria", True)]
    with pytest.raises(StaffNotFound):
        accounts.disable("nobody")


def test_has_admin_counts_only_active_admins(database: Database) -> None:
    accounts = StaffStore(database)
    assert not accounts.has_admin() and accounts.list() == []
    accounts.add("bob", "Bob", Role.STAFF, "7310")
    assert not accounts.has_admin()
    accounts.add("ann", "Ann", Role.ADMIN, "7310")
    assert accounts.has_admin()
    accounts.disable("ann")
    assert not accounts.has_admin()


@pytest.mark.parametrize(
    ("staff_id", "name", "pin", "problem"),
    [
        ("Bad Id", "X", "4821", "staff ID"),
        ("x", "X", "4821", "staff ID"),
        ("carl", " ", "4821", "name"),
        ("carl", "Carl", "12", "at least 4"),
        ("carl", "Carl", "1111", "repeated"),
    ],
)
def test_bad_new_accounts_are_refused_with_the_reason(
    accounts: StaffStore, staff_id: str, name: str, pin: str, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        accounts.add(staff_id, name, Role.STAFF, pin)


def test_ids_are_unique(accounts: StaffStore) -> None:
    with pytest.raises(StaffExists):
        accounts.add("maria", "Another María", Role.STAFF, "7310")

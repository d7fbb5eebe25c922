"""Staff accounts: hashed PINs, sign-in, a lockout that holds under parallel attempts and
survives a restart, one answer and one argon2 verify for every refusal, disabling that
never leaves the store without an active admin, and the flag that says it had one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from argon2.profiles import CHEAPEST
from sqlalchemy import select

from intake.paths import PROJECT_ROOT
from intake.store import staff as staff_module
from intake.store.database import Database
from intake.store.errors import LastActiveAdmin, SignInRefused, StaffExists, StaffNotFound
from intake.store.schema import staff
from intake.store.staff import MAX_FAILURES, REFUSED, Role, StaffStore, lockout_after
from intake.store.timestamps import as_utc, utc_now

PIN = "482193"
STAFF_PIN = "7310"
RACE = Path(__file__).with_name("sign_in_race.py")
RACERS, ATTEMPTS = 4, 50


@pytest.fixture
def accounts(database: Database) -> StaffStore:
    store = StaffStore(database)
    store.add("maria", "María Ó", Role.ADMIN, PIN)
    return store


@pytest.fixture
def verified(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """How many argon2 verifies ran, against a real account's hash (`real`) or the dummy one (`dummy`)."""
    calls: Counter[str] = Counter()
    verify = PasswordHasher.verify

    def counting(self: PasswordHasher, pin_hash: str | bytes, pin: str | bytes) -> bool:
        calls["dummy" if pin_hash == staff_module.pin_hashing.dummy_hash else "real"] += 1
        return verify(self, pin_hash, pin)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    yield calls


def _refused(accounts: StaffStore, staff_id: str, pin: str, now: datetime | None = None) -> str:
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in(staff_id, pin, now=now)
    return str(refused.value)


def _locked_until(database: Database, staff_id: str) -> datetime | None:
    with database.engine.connect() as connection:
        return as_utc(connection.execute(select(staff.c.locked_until).where(staff.c.id == staff_id)).scalar_one())


def test_right_pin_signs_in_and_pin_is_only_kept_hashed(accounts: StaffStore, database: Database) -> None:
    member = accounts.sign_in("maria", PIN)
    assert (member.id, member.name, member.is_admin) == ("maria", "María Ó", True)
    with database.engine.connect() as connection:
        stored = connection.execute(select(staff.c.pin_hash)).scalar_one()
    assert PIN not in stored and stored.startswith("$argon2id$")


def test_every_refusal_gets_the_same_words(accounts: StaffStore) -> None:
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    accounts.add("ann", "Ann", Role.ADMIN, PIN)
    accounts.disable("bob")
    answers = {_refused(accounts, "maria", "000000"), _refused(accounts, "nobody", "000000")}
    answers.add(_refused(accounts, "bob", STAFF_PIN))
    for _ in range(MAX_FAILURES):
        answers.add(_refused(accounts, "ann", "000000"))
    answers.add(_refused(accounts, "ann", PIN))
    assert answers == {REFUSED}
    assert "locked" in REFUSED, "a person who locked their own account learns why the right PIN fails"


def test_unknown_disabled_and_locked_ids_cost_one_verify_like_a_real_one(
    accounts: StaffStore, verified: Counter[str]
) -> None:
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    accounts.add("ann", "Ann", Role.ADMIN, PIN)
    accounts.disable("bob")
    _refused(accounts, "maria", "000000")
    assert verified == {"real": 1}
    _refused(accounts, "nobody", "000000")
    _refused(accounts, "bob", STAFF_PIN)
    assert verified == {"real": 1, "dummy": 2}
    for _ in range(MAX_FAILURES - 1):
        _refused(accounts, "maria", "000000")
    verified.clear()
    _refused(accounts, "maria", PIN)
    assert verified == {"dummy": 1}, "a locked account's PIN is not checked, so a lock cannot be used to guess"


@pytest.fixture
def real_pin_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at the cost the kiosk pays, not the cheap one the other tests use (tests/conftest.py)."""
    monkeypatch.setattr(staff_module, "pin_hashing", staff_module.REAL_PIN_HASHING)


@pytest.mark.usefixtures("real_pin_hashing")
def test_a_stored_pin_hash_has_the_real_cost_and_signs_in(database: Database) -> None:
    StaffStore(database).add("maria", "María Ó", Role.ADMIN, PIN)
    with database.engine.connect() as connection:
        stored = connection.execute(select(staff.c.pin_hash)).scalar_one()
    cost = extract_parameters(stored)
    assert (cost.type, cost.memory_cost, cost.time_cost, cost.parallelism) == (Type.ID, 65536, 3, 4)
    assert StaffStore(database).sign_in("maria", PIN).id == "maria"


def test_the_dummy_hash_costs_what_a_new_hash_costs() -> None:
    real = staff_module.REAL_PIN_HASHING
    assert not real.hasher.check_needs_rehash(real.dummy_hash)
    assert extract_parameters(real.dummy_hash) == extract_parameters(real.hasher.hash(PIN))
    cheap = staff_module.PinHashing.made_with(CHEAPEST)
    assert not cheap.hasher.check_needs_rehash(cheap.dummy_hash)


def test_lockout_after_repeated_failures_refuses_even_the_right_pin(accounts: StaffStore) -> None:
    start = utc_now()
    for _ in range(MAX_FAILURES):
        _refused(accounts, "maria", "999999", now=start)
    _refused(accounts, "maria", PIN, now=start + lockout_after(0) - timedelta(seconds=1))
    assert accounts.sign_in("maria", PIN, now=start + lockout_after(0) + timedelta(seconds=1)).id == "maria"


def test_repeated_lockouts_double_until_a_right_pin(accounts: StaffStore, database: Database) -> None:
    now = utc_now()
    for minutes in (5, 10, 20):
        for _ in range(MAX_FAILURES):
            _refused(accounts, "maria", "999999", now=now)
        assert _locked_until(database, "maria") == now + timedelta(minutes=minutes)
        now += timedelta(minutes=minutes, seconds=1)
    accounts.sign_in("maria", PIN, now=now)
    for _ in range(MAX_FAILURES):
        _refused(accounts, "maria", "999999", now=now)
    assert _locked_until(database, "maria") == now + timedelta(minutes=5), "a right PIN starts the doubling over"


def _race(database: Database, staff_id: str) -> Counter[str]:
    """RACERS processes, each trying ATTEMPTS wrong PINs at once; the verifies they ran, summed."""
    url = database.engine.url
    where = url.render_as_string(hide_password=False) if url.get_backend_name() == "postgresql" else str(url.database)
    env = {**os.environ, "INTAKE_DB_KEY": url.password or "", "PYTHONPATH": str(PROJECT_ROOT)}
    racers = [
        subprocess.Popen(
            [sys.executable, str(RACE), where, staff_id, str(ATTEMPTS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for _ in range(RACERS)
    ]
    for racer in racers:
        assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write("go\n")
        racer.stdin.flush()
    verifies: Counter[str] = Counter()
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err
        verifies.update(json.loads(out))
    return verifies


@pytest.mark.slow
def test_parallel_wrong_pins_are_checked_five_times_then_locked(accounts: StaffStore, database: Database) -> None:
    verifies = _race(database, "maria")
    assert verifies["real"] == MAX_FAILURES, "only five wrong PINs were checked against the account"
    assert verifies["dummy"] == RACERS * ATTEMPTS - MAX_FAILURES, "every other attempt cost one verify all the same"
    with database.engine.connect() as connection:
        failures, lockouts = connection.execute(select(staff.c.failures, staff.c.lockouts)).one()
    assert (failures, lockouts) == (0, 1)
    locked_until = _locked_until(database, "maria")
    assert locked_until is not None and locked_until > utc_now()


def test_lockouts_double_up_to_a_day() -> None:
    assert [lockout_after(n) // timedelta(minutes=1) for n in range(10)] == [5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440]
    assert lockout_after(10_000) == timedelta(hours=24)


def test_a_right_pin_resets_the_count(accounts: StaffStore) -> None:
    for _ in range(MAX_FAILURES - 1):
        _refused(accounts, "maria", "999999")
    accounts.sign_in("maria", PIN)
    for _ in range(MAX_FAILURES - 1):
        _refused(accounts, "maria", "999999")
    assert accounts.sign_in("maria", PIN).id == "maria", "four more wrong PINs did not lock"


def test_disabled_account_cannot_sign_in(accounts: StaffStore) -> None:
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    accounts.disable("bob")
    assert _refused(accounts, "bob", STAFF_PIN) == REFUSED
    assert [(m.id, m.active) for m in accounts.list()] == [("bob", False), ("maria", True)]
    accounts.disable("bob")
    with pytest.raises(StaffNotFound):
        accounts.disable("nobody")


def test_the_last_active_admin_cannot_be_disabled(accounts: StaffStore) -> None:
    with pytest.raises(LastActiveAdmin, match="'maria' is the last active administrator"):
        accounts.disable("maria")
    accounts.add("ann", "Ann", Role.ADMIN, PIN)
    accounts.disable("maria")
    with pytest.raises(LastActiveAdmin):
        accounts.disable("ann")
    assert [(m.id, m.active) for m in accounts.list()] == [("ann", True), ("maria", False)]
    assert accounts.sign_in("ann", PIN).id == "ann"


def test_the_store_remembers_it_had_an_admin(database: Database) -> None:
    accounts = StaffStore(database)
    assert not accounts.has_had_admin() and accounts.list() == []
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    assert not accounts.has_had_admin()
    accounts.add("ann", "Ann", Role.ADMIN, PIN)
    accounts.add("carl", "Carl", Role.ADMIN, PIN)
    accounts.disable("ann")
    assert accounts.has_had_admin()


def test_the_first_admin_is_added_once_per_store(database: Database) -> None:
    accounts = StaffStore(database)
    with pytest.raises(ValueError, match="at least 6"):
        accounts.add_first_admin("ann", "Ann", "5092")
    assert not accounts.has_had_admin(), "a refused first admin claims nothing"
    assert accounts.add_first_admin("ann", "Ann", PIN).is_admin
    with pytest.raises(StaffExists, match="already exists"):
        accounts.add_first_admin("eve", "Eve", PIN)
    assert [member.id for member in accounts.list()] == ["ann"]


def test_an_admin_added_otherwise_also_ends_the_first_start(accounts: StaffStore) -> None:
    with pytest.raises(StaffExists):
        accounts.add_first_admin("eve", "Eve", PIN)


def test_change_pin_follows_the_rules_for_the_role(accounts: StaffStore) -> None:
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    with pytest.raises(ValueError, match="administrator's PIN needs at least 6"):
        accounts.change_pin("maria", "5092")
    accounts.change_pin("bob", "5092")
    accounts.change_pin("maria", "591733")
    assert accounts.sign_in("bob", "5092").id == "bob"
    assert accounts.sign_in("maria", "591733").id == "maria"
    with pytest.raises(StaffNotFound):
        accounts.change_pin("nobody", "591733")


@pytest.mark.parametrize(
    ("staff_id", "name", "role", "pin", "problem"),
    [
        ("Bad Id", "X", Role.STAFF, "4821", "staff ID"),
        ("x", "X", Role.STAFF, "4821", "staff ID"),
        ("carl", " ", Role.STAFF, "4821", "name"),
        ("carl", "Carl", Role.STAFF, "12", "at least 4"),
        ("carl", "Carl", Role.STAFF, "1111", "repeated"),
        ("carl", "Carl", Role.ADMIN, "48219", "administrator's PIN needs at least 6"),
        ("carl", "Carl", Role.ADMIN, "111111", "repeated"),
    ],
)
def test_bad_new_accounts_are_refused_with_the_reason(
    accounts: StaffStore, staff_id: str, name: str, role: Role, pin: str, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        accounts.add(staff_id, name, role, pin)


def test_ids_are_unique(accounts: StaffStore) -> None:
    with pytest.raises(StaffExists):
        accounts.add("maria", "Another María", Role.STAFF, STAFF_PIN)


def test_a_one_time_pin_signs_in_once_and_must_be_replaced_by_another(accounts: StaffStore) -> None:
    added = accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN, one_time_pin=True)
    assert added.must_change_pin
    assert accounts.sign_in("bob", STAFF_PIN).must_change_pin
    with pytest.raises(ValueError, match="not the one-time PIN"):
        accounts.change_pin("bob", STAFF_PIN)
    accounts.change_pin("bob", "5092")
    assert not accounts.sign_in("bob", "5092").must_change_pin
    assert [(m.id, m.must_change_pin) for m in accounts.list()] == [("bob", False), ("maria", False)]


def test_a_reset_pin_ends_a_lockout_and_is_one_time(accounts: StaffStore) -> None:
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    for _ in range(MAX_FAILURES):
        _refused(accounts, "bob", "0000")
    [bob] = [member for member in accounts.list() if member.id == "bob"]
    assert bob.locked(utc_now()) and not bob.locked(utc_now() + lockout_after(0) + timedelta(seconds=1))
    accounts.reset_pin("bob", "5092")
    member = accounts.sign_in("bob", "5092")
    assert member.must_change_pin and not member.locked(utc_now())
    with pytest.raises(ValueError, match="administrator's PIN needs at least 6"):
        accounts.reset_pin("maria", "5092")
    with pytest.raises(StaffNotFound):
        accounts.reset_pin("nobody", "5092")
    accounts.disable("bob")
    with pytest.raises(ValueError, match="'bob' is disabled"):
        accounts.reset_pin("bob", "6103")
    assert accounts.sign_in("maria", PIN).id == "maria" and not accounts.sign_in("maria", PIN).must_change_pin


def test_roles_change_but_never_leave_no_active_admin(accounts: StaffStore) -> None:
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    with pytest.raises(LastActiveAdmin, match="'maria' is the last active administrator"):
        accounts.change_role("maria", Role.STAFF)
    with pytest.raises(ValueError, match="'bob' is staff already"):
        accounts.change_role("bob", Role.STAFF)
    with pytest.raises(StaffNotFound):
        accounts.change_role("nobody", Role.ADMIN)
    accounts.change_role("bob", Role.ADMIN)
    accounts.change_role("maria", Role.STAFF)
    with pytest.raises(LastActiveAdmin):
        accounts.change_role("bob", Role.STAFF)
    assert [(m.id, m.role) for m in accounts.list()] == [("bob", Role.ADMIN), ("maria", Role.STAFF)]
    assert accounts.sign_in("bob", STAFF_PIN).is_admin, "a promoted account keeps its PIN (sign-in asks for a longer one)"


def test_a_disabled_admin_does_not_count_as_the_one_left(accounts: StaffStore) -> None:
    accounts.add("ann", "Ann", Role.ADMIN, PIN)
    accounts.add("carl", "Carl", Role.ADMIN, PIN)
    accounts.disable("ann")
    accounts.change_role("ann", Role.STAFF)
    accounts.change_role("carl", Role.STAFF)
    with pytest.raises(LastActiveAdmin):
        accounts.change_role("maria", Role.STAFF)


def test_a_promotion_also_ends_the_first_start(database: Database) -> None:
    accounts = StaffStore(database)
    accounts.add("bob", "Bob", Role.STAFF, STAFF_PIN)
    accounts.change_role("bob", Role.ADMIN)
    assert accounts.has_had_admin()

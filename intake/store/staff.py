"""Staff accounts: who may leave patient mode, review visits and change settings.

Each person has their own account (no shared PIN), so the audit log can say who did
what. PINs are kept only as argon2id hashes. Repeated wrong PINs lock the account for
a while, longer each time; the count lives in the database, so restarting the app does
not reset it and every station sharing a PostgreSQL server sees the same lock.

Every sign-in answers alike whatever went wrong, and costs one argon2 verify whatever
the ID (a dummy hash stands in for unknown, disabled and locked accounts), so neither
the words nor the time tell a passer-by which staff IDs exist.

A PIN an admin chose for someone (a new account from the staff screens, a reset) is a
one-time PIN: it signs in once, straight to choosing their own. No change, disabling or
demoting, may leave the store without an active administrator.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from argon2 import Parameters, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY
from sqlalchemy import ColumnElement, Connection, Row, exists, insert, or_, select, update
from sqlalchemy.dialects import sqlite

from intake.staff_wording import ROLE_IN_A_SENTENCE
from intake.store.errors import LastActiveAdmin, SignInRefused, StaffExists, StaffNotFound
from intake.store.repository import Repository
from intake.store.schema import flags, staff
from intake.store.timestamps import as_utc, utc_now

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql

MAX_FAILURES = 5
FIRST_LOCKOUT = timedelta(minutes=5)
LONGEST_LOCKOUT = timedelta(hours=24)
MIN_PIN_LENGTH = 4
MIN_ADMIN_PIN_LENGTH = 6
STAFF_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
REFUSED = (
    f"Wrong staff ID or PIN. After {MAX_FAILURES} wrong PINs in a row an account is locked for a while; "
    "please try again later."
)
"""The one answer to every refused sign-in: a wrong PIN, an unknown, disabled or locked ID."""
SAME_AS_ONE_TIME_PIN = "Choose a PIN of your own: not the one-time PIN you were given."
ADMIN_CREATED = "admin_created"
"""The flag set with the first administrator; while it is missing the kiosk offers the first-start set-up."""


@dataclass(frozen=True)
class PinHashing:
    """An argon2 hasher and a dummy hash made with the same parameters.

    The dummy hash (of a random secret nobody holds) is what an unknown, disabled or locked
    ID is checked against; kept together with the hasher, it always costs what a real
    account's hash costs.
    """

    hasher: PasswordHasher
    dummy_hash: str

    @classmethod
    def made_with(cls, parameters: Parameters) -> PinHashing:
        """Hashing with these parameters; the dummy hash is made now (one hash's cost)."""
        hasher = PasswordHasher.from_parameters(parameters)
        return cls(hasher, hasher.hash(secrets.token_urlsafe(32)))


REAL_PIN_HASHING = PinHashing(
    PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY),
    "$argon2id$v=19$m=65536,t=3,p=4$0K9SJ3M0r8KQ3v61JIgBrw$qtVHGjgMVs5Fo73wV3gk+DQtQjlJcSJpN/MuAzHRC4c",
)
"""RFC 9106's argon2id for memory-constrained hosts (64 MiB, 3 passes, 4 lanes): about 100 ms
a guess. The dummy hash is written out, so importing this module costs no hash."""
pin_hashing = REAL_PIN_HASHING
"""The hashing every account uses, looked up at each use: a test run swaps in cheap parameters
here rather than anyone being able to weaken them through settings."""


class Role(StrEnum):
    STAFF = "staff"
    ADMIN = "admin"


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: Role
    active: bool
    must_change_pin: bool = False
    """The PIN is a one-time PIN an admin set: the person chooses their own at sign-in."""
    locked_until: datetime | None = None
    """When the last lockout ends (or ended: a time past means the account is not locked)."""

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def pin_problem(pin: str, role: Role = Role.STAFF) -> str | None:
    """Why a new PIN cannot be used, in words for the person choosing it.

    An administrator's PIN is longer: their account reads every visit and manages everyone else's.
    """
    if role is Role.ADMIN and len(pin) < MIN_ADMIN_PIN_LENGTH:
        return f"An administrator's PIN needs at least {MIN_ADMIN_PIN_LENGTH} characters."
    if len(pin) < MIN_PIN_LENGTH:
        return f"The PIN needs at least {MIN_PIN_LENGTH} characters."
    if len(set(pin)) == 1:
        return "The PIN cannot be one character repeated."
    return None


def staff_id_problem(staff_id: str) -> str | None:
    if not STAFF_ID.match(staff_id):
        return "The staff ID needs 2-40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."
    return None


def lockout_after(earlier_lockouts: int) -> timedelta:
    """How long an account stays locked: 5, 10, 20 … minutes for each lockout in a row, at most 24 h."""
    return min(FIRST_LOCKOUT * (1 << min(earlier_lockouts, 16)), LONGEST_LOCKOUT)


def _member(row: Row[Any]) -> StaffMember:
    return StaffMember(
        id=row.id, name=row.name, role=Role(row.role), active=bool(row.active), must_change_pin=bool(row.must_change_pin),
        locked_until=as_utc(row.locked_until),
    )


class StaffStore(Repository):
    def add(self, staff_id: str, name: str, role: Role, pin: str, one_time_pin: bool = False) -> StaffMember:
        """A new account; an administrator's also marks the store as set up, for good.

        `one_time_pin`: the PIN is the one an admin chose for the person, who must choose
        their own at their first sign-in.
        """
        problem = staff_id_problem(staff_id) or pin_problem(pin, role) or ("The name is empty." if not name.strip() else None)
        if problem:
            raise ValueError(problem)
        with self._writing() as connection:
            if connection.execute(select(staff.c.id).where(staff.c.id == staff_id)).first():
                raise StaffExists(f"staff ID {staff_id!r} is already taken")
            connection.execute(
                insert(staff).values(
                    id=staff_id, name=name.strip(), role=str(role), pin_hash=pin_hashing.hasher.hash(pin),
                    active=True, failures=0, lockouts=0, created=utc_now(), must_change_pin=one_time_pin,
                )
            )
            if role is Role.ADMIN:
                _set_flag(connection, ADMIN_CREATED)
        return StaffMember(staff_id, name.strip(), role, True, one_time_pin)

    def add_first_admin(self, staff_id: str, name: str, pin: str) -> StaffMember:
        """The store's first administrator, or `StaffExists` if it ever had one.

        The flag is claimed before the account is added, so two stations setting up at
        once cannot both succeed, and a set-up screen left open cannot add a second admin.
        """
        with self._writing() as connection:
            if not _set_flag(connection, ADMIN_CREATED):
                raise StaffExists("an administrator account already exists: please sign in")
            return StaffStore(connection).add(staff_id, name, Role.ADMIN, pin)

    def has_had_admin(self) -> bool:
        """Whether an administrator was ever created here (disabling one later changes nothing)."""
        with self._reading() as connection:
            return connection.execute(select(exists().where(flags.c.name == ADMIN_CREATED))).scalar_one()

    def list(self) -> list[StaffMember]:
        with self._reading() as connection:
            return [_member(row) for row in connection.execute(select(staff).order_by(staff.c.id))]

    def disable(self, staff_id: str) -> None:
        """Stop an account signing in; `LastActiveAdmin` rather than leave nobody to manage the store.

        The active admins' rows are locked first (PostgreSQL), so two stations disabling
        the last two admins at once cannot both pass the check; on SQLite the update
        holds the database's write lock while the remaining admins are counted.
        """
        with self._writing() as connection:
            connection.execute(select(staff.c.id).where(_active_admin()).with_for_update())
            role = connection.execute(
                update(staff).where(staff.c.id == staff_id, staff.c.active.is_(True)).values(active=False)
                .returning(staff.c.role)
            ).scalar_one_or_none()
            if role is None and not connection.execute(select(exists().where(staff.c.id == staff_id))).scalar_one():
                raise StaffNotFound(f"staff ID {staff_id!r}: no such account")
            if role == Role.ADMIN and not connection.execute(select(exists().where(_active_admin()))).scalar_one():
                raise LastActiveAdmin(
                    f"staff ID {staff_id!r} is the last active administrator: add another administrator first"
                )

    def change_pin(self, staff_id: str, pin: str) -> None:
        """A new PIN for an account, checked by the rules for its role (`ValueError` says what to fix).

        It ends a one-time PIN, which cannot be chosen again: the admin who set it knows it.
        """
        with self._writing() as connection:
            found = connection.execute(
                select(staff.c.role, staff.c.must_change_pin, staff.c.pin_hash).where(staff.c.id == staff_id)
            ).first()
            if found is None:
                raise StaffNotFound(f"staff ID {staff_id!r}: no such account")
            if problem := pin_problem(pin, Role(found.role)):
                raise ValueError(problem)
            if found.must_change_pin and _pin_matches(found.pin_hash, pin):
                raise ValueError(SAME_AS_ONE_TIME_PIN)
            connection.execute(
                update(staff).where(staff.c.id == staff_id).values(pin_hash=pin_hashing.hasher.hash(pin), must_change_pin=False)
            )

    def sign_in(self, staff_id: str, pin: str, now: datetime | None = None) -> StaffMember:
        """The account, when the PIN is right; otherwise `SignInRefused`, always with the same words.

        The attempt is counted by one update before the PIN is checked, which also locks
        the row (the database, on SQLite) until the outcome is written: parallel attempts
        on one account are counted one after the other, never read alike and written over.
        The fifth wrong PIN in a row locks the account; during a lock the PIN is not
        checked against the account at all.
        """
        now = now or utc_now()
        member = None
        with self._writing() as connection:
            counted = connection.execute(
                update(staff).where(staff.c.id == staff_id, staff.c.active.is_(True), _not_locked(now))
                .values(failures=staff.c.failures + 1)
                .returning(*staff.c)
            ).first()
            if counted is not None:
                member = _settle(connection, counted, pin, now)
        if counted is None:
            _pin_matches(pin_hashing.dummy_hash, pin)
        if member is None:
            raise SignInRefused(REFUSED)
        return member

    def change_role(self, staff_id: str, role: Role) -> None:
        """Make an account an administrator, or staff again; `LastActiveAdmin` rather than
        demote the last active administrator.

        Locked and counted as in `disable`, so two stations demoting the last two admins
        at once cannot both pass. A promoted account keeps its PIN: one too short for an
        administrator still signs in, once, straight to choosing a new one.
        """
        with self._writing() as connection:
            connection.execute(select(staff.c.id).where(_active_admin()).with_for_update())
            before = connection.execute(select(staff.c.role).where(staff.c.id == staff_id)).scalar_one_or_none()
            if before is None:
                raise StaffNotFound(f"staff ID {staff_id!r}: no such account")
            if before == role:
                raise ValueError(f"staff ID {staff_id!r} is {ROLE_IN_A_SENTENCE[role]} already")
            connection.execute(update(staff).where(staff.c.id == staff_id).values(role=str(role)))
            if role is Role.ADMIN:
                _set_flag(connection, ADMIN_CREATED)
            elif not connection.execute(select(exists().where(_active_admin()))).scalar_one():
                raise LastActiveAdmin(
                    f"staff ID {staff_id!r} is the last active administrator: add another administrator first"
                )

    def reset_pin(self, staff_id: str, pin: str) -> None:
        """A one-time PIN an admin chose, for someone who forgot theirs or is locked out.

        It ends any lockout, and the person must change it at their next sign-in. A
        disabled account is refused: no PIN would let it sign in.
        """
        with self._writing() as connection:
            found = connection.execute(select(staff.c.role, staff.c.active).where(staff.c.id == staff_id)).first()
            if found is None:
                raise StaffNotFound(f"staff ID {staff_id!r}: no such account")
            if not found.active:
                raise ValueError(f"staff ID {staff_id!r} is disabled: no PIN lets it sign in")
            if problem := pin_problem(pin, Role(found.role)):
                raise ValueError(problem)
            connection.execute(
                update(staff).where(staff.c.id == staff_id).values(
                    pin_hash=pin_hashing.hasher.hash(pin), must_change_pin=True, failures=0, lockouts=0, locked_until=None
                )
            )


def _active_admin() -> ColumnElement[bool]:
    return (staff.c.role == str(Role.ADMIN)) & staff.c.active.is_(True)


def _not_locked(now: datetime) -> ColumnElement[bool]:
    return or_(staff.c.locked_until.is_(None), staff.c.locked_until <= now)


def _settle(connection: Connection, counted: Row[Any], pin: str, now: datetime) -> StaffMember | None:
    """The counted attempt's outcome: the member (counts cleared), or None (locking on the last try)."""
    account = staff.c.id == counted.id
    if _pin_matches(counted.pin_hash, pin):
        connection.execute(update(staff).where(account).values(failures=0, lockouts=0, locked_until=None))
        return _member(counted)
    if counted.failures >= MAX_FAILURES:
        connection.execute(
            update(staff).where(account).values(
                failures=0, lockouts=counted.lockouts + 1, locked_until=now + lockout_after(counted.lockouts)
            )
        )
    return None


def _set_flag(connection: Connection, name: str) -> bool:
    """Set a flag once; False when it was already set (by this transaction or any other)."""
    claim = _flag_insert(connection).values(name=name, set_at=utc_now()).on_conflict_do_nothing().returning(flags.c.name)
    return connection.execute(claim).first() is not None


def _flag_insert(connection: Connection) -> postgresql.Insert | sqlite.Insert:
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql  # here: a station on SQLite never loads this dialect

        return postgresql.insert(flags)
    return sqlite.insert(flags)


def _pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return pin_hashing.hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False

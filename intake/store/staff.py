"""Staff accounts: who may leave patient mode, review visits and change settings.

Each person has their own account (no shared PIN), so the audit log can say who did
what. PINs are kept only as argon2id hashes. Repeated wrong PINs lock the account for
a while; the count lives in the database, so restarting the app does not reset it and
every station sharing a PostgreSQL server sees the same lock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import insert, select, update

from intake.store.errors import SignInRefused, StaffExists, StaffNotFound
from intake.store.repository import Repository
from intake.store.schema import staff
from intake.store.timestamps import as_utc, utc_now

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
MIN_PIN_LENGTH = 4
STAFF_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
WRONG_ID_OR_PIN = "Wrong staff ID or PIN."

_hasher = PasswordHasher()


class Role(StrEnum):
    STAFF = "staff"
    ADMIN = "admin"


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    role: Role
    active: bool

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


def pin_problem(pin: str) -> str | None:
    """Why a new PIN cannot be used, in words for the person choosing it."""
    if len(pin) < MIN_PIN_LENGTH:
        return f"The PIN needs at least {MIN_PIN_LENGTH} characters."
    if len(set(pin)) == 1:
        return "The PIN cannot be one character repeated."
    return None


def staff_id_problem(staff_id: str) -> str | None:
    if not STAFF_ID.match(staff_id):
        return "The staff ID needs 2-40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."
    return None


def _member(row: object) -> StaffMember:
    return StaffMember(id=row.id, name=row.name, role=Role(row.role), active=bool(row.active))  # type: ignore[attr-defined]


class StaffStore(Repository):
    def add(self, staff_id: str, name: str, role: Role, pin: str) -> StaffMember:
        problem = staff_id_problem(staff_id) or pin_problem(pin) or ("The name is empty." if not name.strip() else None)
        if problem:
            raise ValueError(problem)
        with self._writing() as connection:
            if connection.execute(select(staff.c.id).where(staff.c.id == staff_id)).first():
                raise StaffExists(f"staff ID {staff_id!r} is already taken")
            connection.execute(
                insert(staff).values(
                    id=staff_id, name=name.strip(), role=str(role), pin_hash=_hasher.hash(pin),
                    active=True, failures=0, created=utc_now(),
                )
            )
        return StaffMember(staff_id, name.strip(), role, True)

    def list(self) -> list[StaffMember]:
        with self._reading() as connection:
            return [_member(row) for row in connection.execute(select(staff).order_by(staff.c.id))]

    def has_admin(self) -> bool:
        with self._reading() as connection:
            found = connection.execute(
                select(staff.c.id).where(staff.c.role == str(Role.ADMIN), staff.c.active.is_(True)).limit(1)
            )
            return found.first() is not None

    def disable(self, staff_id: str) -> None:
        with self._writing() as connection:
            done = connection.execute(update(staff).where(staff.c.id == staff_id).values(active=False))
            if done.rowcount == 0:
                raise StaffNotFound(f"staff ID {staff_id!r}: no such account")

    def sign_in(self, staff_id: str, pin: str, now: datetime | None = None) -> StaffMember:
        """The account, when the PIN is right; otherwise `SignInRefused` with what to do.

        An unknown or disabled ID gets the same answer as a wrong PIN, so the screen does
        not tell a passer-by which IDs exist; only the last try before a lock warns.
        """
        now = now or utc_now()
        with self._writing() as connection:
            row = connection.execute(select(staff).where(staff.c.id == staff_id)).first()
            if row is None or not row.active:
                raise SignInRefused(WRONG_ID_OR_PIN)
            locked_until = as_utc(row.locked_until)
            if locked_until is not None and locked_until > now:
                minutes = max(1, round((locked_until - now).total_seconds() / 60))
                raise SignInRefused(f"Too many wrong PINs. This account is locked; try again in {minutes} minute(s).")
            if _pin_matches(row.pin_hash, pin):
                connection.execute(update(staff).where(staff.c.id == staff_id).values(failures=0, locked_until=None))
                return _member(row)
            failures = (0 if locked_until is not None else row.failures) + 1
            locked = now + LOCKOUT if failures >= MAX_FAILURES else None
            connection.execute(
                update(staff).where(staff.c.id == staff_id).values(failures=0 if locked else failures, locked_until=locked)
            )
        if locked is not None:
            minutes = round(LOCKOUT.total_seconds() / 60)
            raise SignInRefused(f"Too many wrong PINs. This account is locked for {minutes} minutes.")
        if MAX_FAILURES - failures == 1:
            raise SignInRefused(f"{WRONG_ID_OR_PIN} One more wrong PIN locks this account for a while.")
        raise SignInRefused(WRONG_ID_OR_PIN)


def _pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False

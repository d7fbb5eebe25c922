"""Append-only audit log: who did what to which visit, chained so edits show.

Each row's hash covers the previous row's hash and its own fields, so changing,
removing or reordering any row breaks every later link; `intake audit verify` walks
the chain. Rows hold ids and actions only, never names or answers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import insert, select, text

from intake.store.repository import Repository
from intake.store.schema import audit

GENESIS = "0" * 64


class Action(StrEnum):
    VIEWED = "viewed"
    PRINTED = "printed"
    PRINTED_INFO = "printed_info"
    """The patient information sheet was printed for a visit (not the summary)."""
    EXPORTED = "exported"
    RESUMED = "resumed"
    PAUSED = "paused"
    DISCARDED = "discarded"
    PURGED = "purged"
    SETTINGS_CHANGED = "settings_changed"
    IMPORTED = "imported"
    REVIEWED = "reviewed"
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGNED_OUT = "signed_out"
    STAFF_ADDED = "staff_added"
    STAFF_DISABLED = "staff_disabled"
    HELP_REQUESTED = "help_requested"
    STARTED = "started"
    SET_ASIDE = "set_aside"
    """The visit went no further at the kiosk (idle, or staff chose a new visit): unfinished, for staff."""
    INTERRUPTED = "interrupted"
    """Found in progress at start-up (a crash or power cut): made unfinished, for staff."""
    FINISHED = "finished"
    TEST_PRINTED = "test_printed"
    """A test page from the settings screen: no visit, no patient data."""


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    staff_id: str
    action: str
    visit_id: str | None
    rules_version: str | None
    prev_hash: str
    hash: str
    subject: str | None = None


def row_hash(
    prev_hash: str,
    at: str,
    staff_id: str,
    action: str,
    visit_id: str | None,
    rules_version: str | None,
    subject: str | None = None,
) -> str:
    """The subject joins the hashed fields only when present, so rows written before it existed still verify."""
    fields = [prev_hash, at, staff_id, action, visit_id or "", rules_version or ""]
    if subject is not None:
        fields.append(subject)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


class AuditLog(Repository):
    def record(
        self,
        action: Action,
        staff_id: str,
        visit_id: str | None = None,
        rules_version: str | None = None,
        subject: str | None = None,
    ) -> None:
        """Append one row, in the transaction this log is bound to (see `Stores.transaction`).

        `subject` names the staff account an action was about (added, disabled, a failed
        sign-in), when that is not the person acting. The row's `seq` follows the last
        row's rather than coming from a PostgreSQL sequence, which a rolled-back append
        would advance: the gap would read as a removed row to `verify`.
        """
        with self._writing() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE"))
            last = connection.execute(select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)).first()
            seq, prev_hash = (last.seq + 1, last.hash) if last else (1, GENESIS)
            at = datetime.now(UTC).isoformat(timespec="microseconds")
            connection.execute(
                insert(audit).values(
                    seq=seq,
                    at=at,
                    staff_id=staff_id,
                    action=str(action),
                    visit_id=visit_id,
                    rules_version=rules_version,
                    prev_hash=prev_hash,
                    subject=subject,
                    hash=row_hash(prev_hash, at, staff_id, str(action), visit_id, rules_version, subject),
                )
            )

    def rows(self) -> list[AuditRow]:
        with self._reading() as connection:
            result = connection.execute(select(audit).order_by(audit.c.seq))
            return [AuditRow(**row._mapping) for row in result]

    def verify(self) -> list[str]:
        """Every break in the chain, as `seq N: what is wrong`; empty when intact."""
        return chain_problems(self.rows())


def chain_problems(rows: list[AuditRow]) -> list[str]:
    """The breaks in a run of audit rows read in `seq` order."""
    problems = []
    expected_prev = GENESIS
    expected_seq = None
    for row in rows:
        if expected_seq is not None and row.seq != expected_seq:
            problems.append(f"seq {expected_seq}: row missing (next row is {row.seq})")
        if row.prev_hash != expected_prev:
            problems.append(f"seq {row.seq}: does not follow the previous row (a row was removed or changed)")
        if row.hash != row_hash(
            row.prev_hash, row.at, row.staff_id, row.action, row.visit_id, row.rules_version, row.subject
        ):
            problems.append(f"seq {row.seq}: contents changed after it was written")
        expected_prev = row.hash
        expected_seq = row.seq + 1
    return problems

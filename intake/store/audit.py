"""Append-only audit log: who did what to which visit, chained and signed so edits show.

Each row's hash covers the previous row's hash and its own fields, so changing,
removing or reordering any row breaks every later link; `intake audit verify` walks
the chain. Rows hold ids, actions and hashes only, never names or answers.

The hash is an HMAC-SHA256 under the audit key, which is kept apart from the database
(see `keys.py`): holding the database, or its key, is not enough to rewrite a row and
recompute the chain after it. A row about a visit also carries the visit's content hash
once the change was made (`visit_content.py`), so `verify` finds a visit edited, added
or removed in the table behind the log's back.

Rows written before the audit key existed verify as before, as plain SHA-256: each row
names its scheme (migration 0005 marked every existing row `sha256`), and a plain row
may only come before the first keyed one, so one appended or rewritten without the key
afterwards is reported. On the first start with the key, every visit already kept that
is not in progress gets a `sealed` row carrying its content, so from then on every visit
is covered. (That start is the one that makes the audit key: a station given its key
before its first start with this version does not seal, and `verify` names its older
visits as not covered.) Two things no key can show are the newest rows cut off, and the whole log
replaced (or rewritten as plain rows): an anchor does. `head()` is the last row's hash;
`intake audit anchor` prints it and each summary PDF prints the head from just before
its finish row, and `verify(anchor=...)` reports an anchor that is no longer in the log.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Connection, exists, func, insert, select, text

from intake.store.audit_chain import (
    GENESIS,
    KEYED,
    PLAIN,
    AuditKey,
    AuditRow,
    anchor_problems,
    chain_problems,
    keyed_hash,
    parse_anchor,
)
from intake.store.database import Database
from intake.store.repository import Repository
from intake.store.schema import audit, visits
from intake.store.visit_content import content_problems, current_content
from intake.visit_status import IN_PROGRESS

__all__ = ["GENESIS", "SYSTEM_ID", "Action", "AuditCheck", "AuditKey", "AuditLog", "AuditRow", "audit_is_keyed"]

SYSTEM_ID = "system"
"""The audit name for what the app does by itself on opening (sealing the visits already kept)."""


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
    PIN_CHANGED = "pin_changed"
    """A signed-in person chose a new PIN (one the rules no longer allowed must be changed)."""
    HELP_REQUESTED = "help_requested"
    STARTED = "started"
    SET_ASIDE = "set_aside"
    """The visit went no further at the kiosk (idle, or staff chose a new visit): unfinished, for staff."""
    INTERRUPTED = "interrupted"
    """Found in progress at start-up (a crash or power cut): made unfinished, for staff."""
    FINISHED = "finished"
    SEALED = "sealed"
    """A visit kept before the log covered visits' content, brought under it when the audit key first signed the log."""
    SUMMARY_FAILED = "summary_failed"
    """The answers were stored at Finish but the assessment, the PDF or storing them failed: unfinished, for staff."""
    RECOVERED = "recovered"
    """At start-up: answers the store refused at Finish, read back from the recovery file as an unfinished visit."""
    AUDIT_VIEWED = "audit_viewed"
    """An admin opened the audit log viewer."""
    TEST_PRINTED = "test_printed"
    """A test page from the settings screen: no visit, no patient data."""
    ALERT_SEEN = "alert_seen"
    """A staff member tapped "Seen" on a visit's alert: silenced for them alone, until the visit changes."""
    HELP_HANDLED = "help_handled"
    """A staff member took care of a patient's request for help: its alert clears on every station."""
    AMENDED = "amended"
    """Staff changed an answer on the patient's behalf, with a reason (the original is kept); the visit
    was assessed again and its summary made again."""
    NOTE_ADDED = "note_added"
    """A clinician note on a visit (the row never holds its text), printed as an addendum to the summary."""
    ANSWERS_PRINTED = "answers_printed"
    """A visit the patient did not finish: its answers so far and their assessment, printed (nothing stored)."""
    SUMMARY_REMADE = "summary_remade"
    """A visit whose summary failed: assessed and rendered again under the clinic's current policy, and stored."""
    ROLE_CHANGED = "role_changed"
    """An admin made an account an administrator, or staff again (`subject` names it)."""
    PIN_RESET = "pin_reset"
    """An admin gave an account a one-time PIN, to be changed at its next sign-in (`subject` names it)."""
    BACKUP_MADE = "backup_made"
    """An encrypted copy of the whole database was written (`intake backup`, or the kiosk's daily one); the
    row names neither the file nor any visit."""
    RESTORED = "restored"
    """The database was replaced by a checked backup: the first row the restored database gets."""
    SET_UP = "set_up"
    """The clinic's first start: the set-up wizard saved the settings and made the database, its audit
    key and the first administrator (who this row names)."""


@dataclass(frozen=True)
class AuditCheck:
    """What `verify` found: intact when `problems` is empty."""

    rows: int
    plain_rows: int
    """Rows from before the audit key, checked as plain SHA-256."""
    visits: int
    """Visits whose content was checked against their latest audited row."""
    problems: list[str]


def audit_is_keyed(database: Database) -> bool:
    """Whether any row is signed with an audit key (then a computer without it must not make a new one)."""
    with database.engine.connect() as connection:
        return connection.execute(select(exists().where(audit.c.scheme == KEYED))).scalar() is True


class AuditLog(Repository):
    def __init__(self, source: Database | Connection, key: AuditKey) -> None:
        super().__init__(source)
        self._key = key

    def record(
        self,
        action: Action,
        staff_id: str,
        visit_id: str | None = None,
        rules_version: str | None = None,
        subject: str | None = None,
    ) -> None:
        """Append one row, in the transaction this log is bound to (see `Stores.transaction`).

        Called once the change is made: the row carries the visit's content as it now is.
        `subject` names the staff account an action was about (added, disabled, a failed
        sign-in), when that is not the person acting.
        """
        with self._writing() as connection:
            self._append(connection, action, staff_id, visit_id, rules_version, subject)

    def _append(
        self,
        connection: Connection,
        action: Action,
        staff_id: str,
        visit_id: str | None = None,
        rules_version: str | None = None,
        subject: str | None = None,
    ) -> None:
        """The last row is read under a lock held to the commit (PostgreSQL: the table lock; SQLite:
        the transaction began IMMEDIATE), so two appends never follow the same row. The row's
        `seq` follows the last row's rather than coming from a PostgreSQL sequence, which a
        rolled-back append would advance: the gap would read as a removed row to `verify`."""
        if connection.dialect.name == "postgresql":
            connection.execute(text("LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE"))
        last = connection.execute(select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)).first()
        seq, prev_hash = (last.seq + 1, last.hash) if last else (1, GENESIS)
        row = AuditRow(
            seq=seq, at=datetime.now(UTC).isoformat(timespec="microseconds"), staff_id=staff_id, action=str(action),
            visit_id=visit_id, rules_version=rules_version, prev_hash=prev_hash, hash="", subject=subject,
            content=current_content(connection, visit_id) if visit_id else None, scheme=KEYED,
        )
        connection.execute(insert(audit).values(**asdict(replace(row, hash=keyed_hash(self._key, row)))))

    def seal(self) -> int:
        """While no row is keyed yet: a `sealed` row for each visit kept that is not in progress.

        Called by the start that makes the audit key (a trigger no one can forge in the
        database); afterwards every change to a visit is audited with its content.
        Returns how many were sealed.
        """
        with self._writing() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE"))
            if connection.execute(select(exists().where(audit.c.scheme == KEYED))).scalar():
                return 0
            kept = connection.execute(select(visits.c.id).where(visits.c.status != IN_PROGRESS).order_by(visits.c.started))
            ids = [row.id for row in kept]
            for visit_id in ids:
                self._append(connection, Action.SEALED, SYSTEM_ID, visit_id)
        return len(ids)

    def rows(self) -> list[AuditRow]:
        with self._reading() as connection:
            return _rows(connection)

    def head(self) -> str:
        """The last row's hash (GENESIS for an empty log): an anchor to check the log against later."""
        with self._reading() as connection:
            last = connection.execute(select(audit.c.hash).order_by(audit.c.seq.desc()).limit(1)).scalar()
        return last or GENESIS

    def verify(self, anchor: str | None = None) -> AuditCheck:
        """The chain, the anchor if given (full or short; `ValueError` if malformed), and the content
        of every visit, read in one snapshot so an append in the meantime cannot look like an edit."""
        wanted = parse_anchor(anchor) if anchor is not None else None
        with self._reading() as connection:
            if connection.dialect.name == "postgresql" and not connection.in_transaction():
                connection.execution_options(isolation_level="REPEATABLE READ")
            rows = _rows(connection)
            latest = {row.visit_id: (row.seq, row.content) for row in rows if row.visit_id and row.content is not None}
            checked, changed = content_problems(connection, latest)
        problems = chain_problems(rows, self._key) + (anchor_problems(rows, wanted) if wanted else []) + changed
        plain = sum(1 for row in rows if row.scheme == PLAIN)
        return AuditCheck(rows=len(rows), plain_rows=plain, visits=checked, problems=problems)

    def others_since(self, visit_id: str, action: Action, actor: str) -> bool | None:
        """Whether anyone but `actor` has a row about this visit after its latest `action` row
        (staff opened or printed it since it finished, say); None when it has no such row."""
        with self._reading() as connection:
            latest = connection.execute(
                select(func.max(audit.c.seq)).where(audit.c.visit_id == visit_id, audit.c.action == str(action))
            ).scalar()
            if latest is None:
                return None
            later = exists().where(audit.c.visit_id == visit_id, audit.c.seq > latest, audit.c.staff_id != actor)
            return connection.execute(select(later)).scalar() is True


def _rows(connection: Connection) -> list[AuditRow]:
    return [AuditRow(**row._mapping) for row in connection.execute(select(audit).order_by(audit.c.seq))]

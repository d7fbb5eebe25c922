"""Everything the kiosk keeps in one database, opened together."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from intake.store.alert_state import AlertState
from intake.store.amendments import AmendmentStore
from intake.store.audit import AuditKey, AuditLog
from intake.store.changes import ChangeFeed
from intake.store.database import Database
from intake.store.notes import NoteStore
from intake.store.staff import StaffStore
from intake.store.visits import VisitStore


@dataclass(frozen=True)
class Stores:
    database: Database
    visits: VisitStore
    staff: StaffStore
    audit: AuditLog
    audit_key: AuditKey
    """What the audit log is signed with: kept apart from the database (see `keys.py`)."""
    alerts: AlertState
    changes: ChangeFeed
    amendments: AmendmentStore
    """Answers staff changed after the patient finished, beside their visits."""
    notes: NoteStore
    """Clinician notes, beside their visits."""

    @classmethod
    def on(cls, database: Database, audit_key: AuditKey) -> Stores:
        return cls(
            database, VisitStore(database), StaffStore(database), AuditLog(database, audit_key), audit_key,
            AlertState(database), ChangeFeed(database), AmendmentStore(database), NoteStore(database),
        )

    @contextmanager
    def transaction(self) -> Iterator[Stores]:
        """Repositories sharing one transaction: it commits when the block ends and rolls
        back everything in it when the block raises, so a change never outlives a failed
        audit row (or the other way round).

        On SQLite the transaction holds the write lock from its start (BEGIN IMMEDIATE), so
        what it reads (the audit log's last row, a failure count) stays true until it commits.
        """
        with self.database.writing() as connection:
            yield Stores(
                self.database, VisitStore(connection), StaffStore(connection), AuditLog(connection, self.audit_key),
                self.audit_key, AlertState(connection), ChangeFeed(connection), AmendmentStore(connection),
                NoteStore(connection),
            )

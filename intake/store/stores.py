"""Everything the kiosk keeps in one database, opened together."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from intake.store.audit import AuditLog
from intake.store.database import Database
from intake.store.staff import StaffStore
from intake.store.visits import VisitStore


@dataclass(frozen=True)
class Stores:
    database: Database
    visits: VisitStore
    staff: StaffStore
    audit: AuditLog

    @classmethod
    def on(cls, database: Database) -> Stores:
        return cls(database, VisitStore(database), StaffStore(database), AuditLog(database))

    @contextmanager
    def transaction(self) -> Iterator[Stores]:
        """Repositories sharing one transaction: it commits when the block ends and rolls
        back everything in it when the block raises, so a change never outlives a failed
        audit row (or the other way round)."""
        with self.database.engine.begin() as connection:
            yield Stores(self.database, VisitStore(connection), StaffStore(connection), AuditLog(connection))

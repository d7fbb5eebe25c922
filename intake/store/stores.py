"""Everything the kiosk keeps in one database, opened together."""

from __future__ import annotations

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

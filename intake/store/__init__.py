"""Visits and the audit log, in an encrypted SQLite file or a shared PostgreSQL. No Qt."""

from intake.store.audit import AuditLog
from intake.store.database import Database, open_database
from intake.store.errors import StoreError
from intake.store.visits import StoredVisit, VisitStore

__all__ = ["AuditLog", "Database", "StoreError", "StoredVisit", "VisitStore", "open_database"]

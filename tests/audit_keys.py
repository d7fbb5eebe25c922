"""The audit key the tests sign with: fixed, so a failing test's log can be checked by hand."""

from __future__ import annotations

from intake.store.audit import AuditKey

AUDIT_KEY = AuditKey(b"the tests' audit key, 32 bytes or more")
OTHER_KEY = AuditKey(b"someone else's audit key, 32 bytes or more")

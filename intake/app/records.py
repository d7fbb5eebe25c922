"""What the use cases hand to screens and commands: stored visits, staff, audit rows.

Screens and commands show these; they never open the store themselves, so this module
is the one place they take its types from.
"""

from intake.store.audit import AuditCheck, AuditRow
from intake.store.audit_chain import short_anchor
from intake.store.staff import MIN_ADMIN_PIN_LENGTH, Role, StaffMember, pin_problem, staff_id_problem
from intake.store.visits import StoredVisit, VisitSummary

__all__ = [
    "MIN_ADMIN_PIN_LENGTH",
    "AuditCheck",
    "AuditRow",
    "Role",
    "StaffMember",
    "StoredVisit",
    "VisitSummary",
    "pin_problem",
    "short_anchor",
    "staff_id_problem",
]

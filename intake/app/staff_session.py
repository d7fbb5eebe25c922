"""A signed-in member of staff, and the one way their actions reach the audit log.

The staff screens never write audit rows themselves: they call `StaffSession.record`,
so every action carries the person's own ID and nothing else identifying.
"""

from __future__ import annotations

import logging
import os

from intake.store.audit import Action, AuditLog
from intake.store.errors import SignInRefused
from intake.store.staff import STAFF_ID, Role, StaffMember, StaffStore

log = logging.getLogger(__name__)

ADMIN_PIN_ENV = "INTAKE_ADMIN_PIN"
FIRST_ADMIN_ID = "admin"
KIOSK_ID = "kiosk"
"""The audit name for what the kiosk does by itself (automatic printing, pausing and resuming a visit)."""


class StaffSession:
    def __init__(self, member: StaffMember, audit: AuditLog) -> None:
        self.member = member
        self._audit = audit

    def record(
        self, action: Action, visit_id: str | None = None, rules_version: str | None = None, subject: str | None = None
    ) -> None:
        self._audit.record(action, self.member.id, visit_id, rules_version, subject=subject)


def sign_in(staff: StaffStore, audit: AuditLog, staff_id: str, pin: str) -> StaffSession:
    """A session for the right PIN; `SignInRefused` otherwise, after an audit row either way.

    A failed attempt names the account tried only when the text is shaped like a staff
    ID, so nothing else typed into the field (a patient's name, say) reaches the log.
    """
    typed = staff_id.strip().lower()
    try:
        member = staff.sign_in(typed, pin)
    except SignInRefused:
        audit.record(Action.SIGN_IN_FAILED, KIOSK_ID, subject=typed if STAFF_ID.match(typed) else None)
        raise
    session = StaffSession(member, audit)
    session.record(Action.SIGNED_IN)
    return session


def first_admin_from_environment(staff: StaffStore, audit: AuditLog) -> StaffMember | None:
    """With no admin yet, `INTAKE_ADMIN_PIN` creates `admin` instead of the set-up screen."""
    pin = os.environ.get(ADMIN_PIN_ENV)
    if not pin or staff.has_admin():
        return None
    member = staff.add(FIRST_ADMIN_ID, "Administrator", Role.ADMIN, pin)
    audit.record(Action.STAFF_ADDED, KIOSK_ID, subject=member.id)
    log.info("first admin account created from %s", ADMIN_PIN_ENV)
    return member

"""Sign-in through the session writes the audit rows, without stray typed text."""

from __future__ import annotations

import pytest

from intake.app.staff_session import ADMIN_PIN_ENV, first_admin_from_environment, sign_in
from intake.store.audit import Action, AuditLog
from intake.store.database import open_database
from intake.store.errors import SignInRefused
from intake.store.staff import Role, StaffStore


@pytest.fixture
def database(tmp_path):
    opened = open_database(None, "session test", path=tmp_path / "visits.db")
    yield opened
    opened.close()


def test_sign_in_and_failures_are_audited(database) -> None:
    staff, audit = StaffStore(database), AuditLog(database)
    staff.add("maria", "María", Role.STAFF, "4821")
    with pytest.raises(SignInRefused):
        sign_in(staff, audit, "maria", "0000")
    with pytest.raises(SignInRefused):
        sign_in(staff, audit, "Hans Müller 1970", "0000")
    session = sign_in(staff, audit, " Maria ", "4821")
    session.record(Action.VIEWED, "v1", "2026.1")
    rows = [(r.staff_id, r.action, r.subject, r.visit_id) for r in audit.rows()]
    assert rows == [
        ("kiosk", "sign_in_failed", "maria", None),
        ("kiosk", "sign_in_failed", None, None),
        ("maria", "signed_in", None, None),
        ("maria", "viewed", None, "v1"),
    ]


def test_admin_pin_from_the_environment_creates_the_first_admin_once(database, monkeypatch) -> None:
    staff, audit = StaffStore(database), AuditLog(database)
    assert first_admin_from_environment(staff, audit) is None
    monkeypatch.setenv(ADMIN_PIN_ENV, "5092")
    created = first_admin_from_environment(staff, audit)
    assert created is not None and created.id == "admin" and created.is_admin
    assert first_admin_from_environment(staff, audit) is None
    assert staff.sign_in("admin", "5092").id == "admin"

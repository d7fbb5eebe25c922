"""The audit viewer's filters (newest first) and its chain check."""

from __future__ import annotations

import time
from datetime import date

import pytest

from intake.app.audit_view import ACTIONS, AuditFilter, filtered, local_day, staff_ids
from intake.app.queue_days import Days
from intake.app.records import AuditRow

FIRST, SECOND = "20261124-090000-aaaaaa", "20261125-101500-bbbbbb"


def _row(seq: int, at: str, staff_id: str, action: str, visit_id: str | None = None, subject: str | None = None) -> AuditRow:
    return AuditRow(seq, at, staff_id, action, visit_id, None, "0" * 64, "0" * 64, subject)


ROWS = [
    _row(1, "2026-11-24T08:59:00.000000+00:00", "kiosk", "started", FIRST),
    _row(2, "2026-11-24T09:30:00.000000+00:00", "maria", "viewed", FIRST),
    _row(3, "2026-11-24T23:30:00.000000+00:00", "maria", "staff_added", subject="bob"),
    _row(4, "2026-11-25T10:00:00.000000+00:00", "bob", "viewed", SECOND),
    _row(5, "2026-11-25T10:05:00.000000+00:00", "bob", "printed", SECOND),
]


def _seqs(wanted: AuditFilter) -> list[int]:
    return [row.seq for row in filtered(ROWS, wanted)]


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_no_filter_shows_every_row_newest_first() -> None:
    assert _seqs(AuditFilter()) == [5, 4, 3, 2, 1]


def test_by_visit_staff_and_action(utc) -> None:
    assert _seqs(AuditFilter(visit_id=FIRST)) == [2, 1]
    assert _seqs(AuditFilter(visit_id=" BBBBBB ")) == [5, 4], "the end of an id is enough"
    assert _seqs(AuditFilter(staff_id="bob")) == [5, 4, 3], "what bob did, and what was done to his account"
    assert _seqs(AuditFilter(staff_id="bo")) == [], "a whole id, picked from the list"
    assert _seqs(AuditFilter(action="viewed")) == [4, 2]
    assert _seqs(AuditFilter(staff_id="bob", action="viewed", visit_id=SECOND)) == [4]


def test_by_day_on_this_machines_clock(utc, monkeypatch) -> None:
    assert _seqs(AuditFilter(days=Days(date(2026, 11, 24), date(2026, 11, 24)))) == [3, 2, 1]
    assert _seqs(AuditFilter(days=Days(date(2026, 11, 24), date(2026, 11, 25)))) == [5, 4, 3, 2, 1]
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    assert local_day(ROWS[2]) == date(2026, 11, 25)
    assert _seqs(AuditFilter(days=Days(date(2026, 11, 24), date(2026, 11, 24)))) == [2, 1]


def test_the_staff_choices_and_the_action_choices() -> None:
    assert staff_ids(ROWS) == ["bob", "kiosk", "maria"]
    assert "audit_viewed" in ACTIONS and "viewed" in ACTIONS and len(set(ACTIONS)) == len(ACTIONS)


def test_the_viewer_shows_the_stores_check_of_the_whole_log(bench) -> None:
    bench.maria.sign_out()
    bench.maria.view(bench.finished.visit_id)
    before = bench.maria.view_audit().problems
    assert not any(problem.startswith("seq ") for problem in before), "the bench's own visits carry no rows; the chain is whole"
    with bench.stores.database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE audit SET staff_id = 'bob' WHERE seq = 2")
    assert any(problem.startswith("seq 2:") for problem in bench.maria.view_audit().problems)


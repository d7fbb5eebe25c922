"""Checks that a use case's change and its audit row are kept together or not at all.

Each audited use case is one row of a table (`UseCase`) in the test module of the desk
that offers it. Three checks run over every row:

- it succeeds, appends exactly its audit rows, and changes what it should;
- when the database refuses the audit row, nothing it changed is kept (rows, files, the
  station's settings) and the caller is told;
- when the change itself fails, no audit row is kept.

The failures are real ones: a trigger in the test database refuses the insert, update
or delete (as a full disk or a lost server would), a file cannot be written because a
file stands where its folder should be, the printer reports a jam. Nothing in the code
under test is replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from intake.app.desk import Desk
from intake.app.finishing import FinishedVisit
from intake.app.staff_desk import StaffDesk
from intake.app.station import Station
from intake.app.visit import Visit
from intake.store.errors import StoreError
from intake.store.schema import alert_seen, amendments, flags, notes, staff, visits
from intake.store.staff import Role, StaffMember
from intake.store.stores import Stores
from intake.store.visits import StoredVisit

FINISHED_ID = "20261124-090000-aaaaaa"
OPEN_ID = "20261124-091500-bbbbbb"
UNFINISHED_ID = "20261124-093000-cccccc"
NEW_ID = "20261124-094500-dddddd"
ADMIN_PIN, STAFF_PIN = "482193", "7310"
MARIA = StaffMember("maria", "María Ó", Role.ADMIN, True)
"""The bench's admin; `bob` (STAFF_PIN) is its member of staff."""

AuditEntry = tuple[str, str, str | None, str | None]
"""(who, action, visit, subject) of one audit row."""


class PrinterJammed(Exception):
    pass


@dataclass
class Printer:
    """The clinic's printer: what it printed, or, once jammed, the problem it reports."""

    jam: str | None = None
    printed: list[bytes] = field(default_factory=list)

    def unattended(self, pdf: bytes, _printer_name: str | None) -> str | None:
        """How the kiosk prints: a problem is returned, not raised."""
        if self.jam:
            return self.jam
        self.printed.append(pdf)
        return None

    def summary(self, pdf: bytes) -> str:
        if self.jam:
            raise PrinterJammed(self.jam)
        self.printed.append(pdf)
        return "sent"

    def info_sheet(self) -> str:
        return self.summary(b"%PDF information sheet")

    def test_page(self) -> str:
        return self.summary(b"%PDF test page")


@dataclass
class Bench:
    stores: Stores
    station: Station
    desk: Desk
    maria: StaffDesk
    folder: Path
    """Where the use cases under test are told to write files."""
    finished: FinishedVisit
    visit: Visit
    """In progress and stored, with an answer typed since the last save."""
    printer: Printer
    monkeypatch: pytest.MonkeyPatch

    def stored(self, visit_id: str) -> StoredVisit:
        return self.stores.visits.get(visit_id)


@dataclass(frozen=True)
class UseCase:
    name: str
    run: Callable[[Bench], object]
    """Calls the use case; False (or a raised refusal) is how it reports a failure."""
    rows: list[AuditEntry]
    changes: bool = True
    """False: its only stored trace is its audit row (viewing, printing, resuming)."""
    break_change: Callable[[Bench], None] | None = None
    """Makes the change itself fail; None when there is no change to fail."""
    arrange: Callable[[Bench], None] | None = None
    tells_caller: bool = True
    """False: by design the caller is not told the audit row was lost (the page is printed)."""

    def __str__(self) -> str:
        return self.name


REFUSALS = (StoreError, SQLAlchemyError, OSError, PrinterJammed)
"""How the use cases under test refuse: the database, a file, the printer."""


def succeeded(case: UseCase, bench: Bench) -> bool:
    try:
        result = case.run(bench)
    except REFUSALS:
        return False
    return result is not False


def refuse(bench: Bench, event: str, table: str) -> None:
    """From now on the database refuses every `event` (INSERT, UPDATE, DELETE) on `table`."""
    with bench.stores.database.engine.begin() as connection:
        connection.exec_driver_sql(
            f"CREATE TRIGGER refuse_{event.lower()}_{table} BEFORE {event} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{event} on {table} refused by a test'); END"
        )


def refusing(event: str, table: str) -> Callable[[Bench], None]:
    def arrange(bench: Bench) -> None:
        refuse(bench, event, table)

    return arrange


def blocking(relative: str) -> Callable[[Bench], None]:
    """A file where the use case needs a folder, so writing under it fails."""

    def arrange(bench: Bench) -> None:
        (bench.folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (bench.folder / relative).write_text("not a folder", encoding="utf-8")

    return arrange


def jam(bench: Bench) -> None:
    bench.printer.jam = "paper jam in tray 2"


def audit_entries(bench: Bench) -> list[AuditEntry]:
    return [(row.staff_id, row.action, row.visit_id, row.subject) for row in bench.stores.audit.rows()]


def snapshot(bench: Bench) -> dict[str, Any]:
    """Everything a use case may change besides the audit log: stored visits, accounts, the
    store's flags and who has seen which alert, the files under the bench's folder, the station's settings and rules."""
    with bench.stores.database.engine.connect() as connection:
        stored = {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=lambda row: row[0])
            for table in (visits, staff, flags, alert_seen, amendments, notes)
        }
    files = {str(path.relative_to(bench.folder)): path.read_bytes() for path in sorted(bench.folder.rglob("*")) if path.is_file()}
    return {**stored, "files": files, "settings": bench.station.settings, "policy": bench.station.rules.policy.name}


def check_kept_together(case: UseCase, bench: Bench) -> None:
    if case.arrange:
        case.arrange(bench)
    before = snapshot(bench)
    assert succeeded(case, bench)
    assert audit_entries(bench) == case.rows
    assert (snapshot(bench) != before) is case.changes
    unaudited_by_the_bench = {
        f"visit {visit_id}: no audit row covers it (added to the visits table directly?)"
        for visit_id in (FINISHED_ID, UNFINISHED_ID)
    }
    assert [problem for problem in bench.stores.audit.verify().problems if problem not in unaudited_by_the_bench] == []


def check_refused_audit_row(case: UseCase, bench: Bench) -> None:
    if case.arrange:
        case.arrange(bench)
    before = snapshot(bench)
    refuse(bench, "INSERT", "audit")
    done = succeeded(case, bench)
    assert audit_entries(bench) == []
    assert snapshot(bench) == before, "a change was kept without its audit row"
    if case.tells_caller:
        assert not done, "the caller was not told the use case failed"


def check_failed_change(case: UseCase, bench: Bench) -> None:
    assert case.break_change is not None
    if case.arrange:
        case.arrange(bench)
    case.break_change(bench)
    before = snapshot(bench)
    assert not succeeded(case, bench)
    assert audit_entries(bench) == [], "an audit row was kept for a change that failed"
    assert snapshot(bench) == before


def with_failing_change(cases: list[UseCase]) -> list[UseCase]:
    return [case for case in cases if case.break_change is not None]

"""The change watch: a red flag saved by another process shows within 2 s, on SQLite and
PostgreSQL; a database looked at no more than once a second; a lost connection reopened."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit_keys import AUDIT_KEY
from intake.app.change_watch import LOOK_EVERY_S, REOPEN_AFTER_S, ChangeWatch
from intake.app.staff_desk import StaffDesk
from intake.app.station import Station
from intake.settings import Settings
from intake.store.database import Database, open_database
from intake.store.staff import Role, StaffMember
from intake.store.stores import Stores

WRITER = Path(__file__).with_name("red_flag_writer.py")
ROOT = WRITER.parents[2]
PASSPHRASE = "correct horse battery staple"
VISIT_ID = "20261125-100000-a1a1a1"
BOB = StaffMember("bob", "Bob Front-Desk", Role.STAFF, True)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        opened = open_database(None, PASSPHRASE, tmp_path / "visits.db")
    else:
        opened = _emptied(open_database(request.getfixturevalue("postgres_url"), None))
    yield opened
    opened.close()


def _emptied(database: Database) -> Database:
    """The run's PostgreSQL database without the visits and audit rows earlier tests left."""
    with database.engine.begin() as connection:
        for table in ("visits", "audit"):
            connection.exec_driver_sql(f"DELETE FROM {table}")
    return database


def _where(database: Database) -> str:
    if database.engine.dialect.name == "postgresql":
        return database.engine.url.render_as_string(hide_password=False)
    return database.where


def _commit_something(database: Database) -> None:
    stores = Stores.on(database, AUDIT_KEY)
    with stores.transaction() as transaction:
        transaction.visits.create(VISIT_ID, {"answers": {}})
        transaction.changes.announce()


def _heard(watch: ChangeWatch, within_s: float) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if watch.changed():
            return True
        time.sleep(0.02)
    return False


def test_a_red_flag_saved_in_another_process_shows_within_two_seconds(database: Database, form, us_rules) -> None:
    desk = StaffDesk(Station(Stores.on(database, AUDIT_KEY), form, Settings(), us_rules), BOB)
    watch = desk.watch_changes()
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    kiosk = subprocess.Popen([sys.executable, str(WRITER), _where(database), VISIT_ID], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=environment)
    try:
        assert kiosk.stdout is not None and kiosk.stdin is not None
        assert kiosk.stdout.readline().strip() == "ready"
        assert _heard(watch, 2.0), "the visit's start was heard"
        assert desk.alerts(desk.queue()).urgent == ()
        kiosk.stdin.write("go\n")
        kiosk.stdin.flush()
        asked = time.monotonic()
        shown = None
        while shown is None and time.monotonic() - asked < 2.0:
            if watch.changed() and [visit.id for visit in desk.alerts(desk.queue()).urgent] == [VISIT_ID]:
                shown = time.monotonic() - asked
            time.sleep(0.02)
        assert shown is not None, "the red flag did not show within 2 s"
        assert kiosk.stdout.readline().strip() == "saved"
    finally:
        watch.close()
        assert kiosk.wait(timeout=60) == 0


def test_a_database_that_must_be_queried_is_looked_at_once_a_second(stores: Stores) -> None:
    clock = Clock()
    watch = ChangeWatch(stores.database, clock)
    try:
        assert not watch.changed()
        _commit_something(stores.database)
        clock.now += LOOK_EVERY_S / 2
        assert not watch.changed(), "not looked at yet"
        clock.now += LOOK_EVERY_S / 2
        assert watch.changed()
        clock.now += LOOK_EVERY_S
        assert not watch.changed()
    finally:
        watch.close()


def test_a_lost_listener_is_reopened_later_and_then_reports_a_change(postgres_url: str, caplog) -> None:
    database = _emptied(open_database(postgres_url, None))
    clock = Clock()
    watch = ChangeWatch(database, clock)
    try:
        assert not watch.changed()
        with database.engine.begin() as connection:
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
            )
        deadline = time.monotonic() + 2.0
        with caplog.at_level(logging.WARNING):
            while "lost the connection" not in caplog.text and time.monotonic() < deadline:
                assert not watch.changed()
                time.sleep(0.02)
        assert "change watch: lost the connection that listens for changes (OperationalError)" in caplog.text
        clock.now += REOPEN_AFTER_S / 2
        assert not watch.changed(), "not reopened at once"
        clock.now += REOPEN_AFTER_S / 2
        assert watch.changed(), "reopened: what was missed meanwhile is unknown, so the queue is read again"
        _commit_something(database)
        assert _heard(watch, 2.0)
    finally:
        watch.close()
        database.close()


def test_a_watch_that_cannot_open_tries_again_later(tmp_path: Path) -> None:
    database = open_database(None, PASSPHRASE, tmp_path / "visits.db")
    clock = Clock()
    database.close()
    (tmp_path / "visits.db").unlink()
    (tmp_path / "visits.db").mkdir()
    watch = ChangeWatch(database, clock)
    assert not watch.changed()
    clock.now += REOPEN_AFTER_S
    assert not watch.changed()
    watch.close()

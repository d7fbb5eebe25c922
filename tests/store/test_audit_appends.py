"""Processes appending to one audit log at once never fork it: each append reads the last
row under the write lock it commits with (SQLite: BEGIN IMMEDIATE; PostgreSQL: LOCK TABLE)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from audit_keys import AUDIT_KEY
from intake.store.audit import AuditLog
from intake.store.database import Database

APPENDER = Path(__file__).with_name("audit_appender.py")
ROOT = APPENDER.parents[2]


def _where(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False) if database.engine.dialect.name == "postgresql" \
        else database.where


def _race(database: Database, processes: int, appends: int) -> None:
    """Start every process, let them all open the database, then release them together."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    racers = [
        subprocess.Popen(
            [sys.executable, str(APPENDER), _where(database), str(appends), f"racer-{number}"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=environment,
        )
        for number in range(processes)
    ]
    for racer in racers:
        assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write("go\n")
        racer.stdin.close()
    assert [racer.wait(timeout=120) for racer in racers] == [0] * processes


def _check(database: Database, processes: int, appends: int) -> None:
    log = AuditLog(database, AUDIT_KEY)
    rows = log.rows()
    assert len(rows) == processes * appends
    assert len({row.prev_hash for row in rows}) == len(rows), "two rows follow the same row: the chain forked"
    assert log.verify().problems == []


def test_two_processes_appending_500_rows_each_keep_one_chain(database: Database) -> None:
    _race(database, 2, 500)
    _check(database, 2, 500)

"""Backups on request and the kiosk's daily one: audited, whole or not at all, the newest N kept."""

from __future__ import annotations

import logging
import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from commit_together import Bench, audit_entries, refuse
from sqlalchemy.exc import SQLAlchemyError

from intake.app.backups import automatic_backups, automatic_name, make_backup, prune
from intake.app.desk import Desk
from intake.app.station import Station
from intake.settings import Settings
from intake.store.database import open_database
from intake.store.sqlite_copy import copy_problems
from intake.store.visits import VisitStore

PASSPHRASE = "app test passphrase"
"""The app tests' database passphrase (tests/app/conftest.py): every copy is keyed with it."""
MORNING = datetime(2026, 11, 24, 9, 0, 0)


def _visit_ids(path: Path) -> list[str]:
    with open_database(None, PASSPHRASE, path) as copy:
        return sorted(visit.id for visit in VisitStore(copy).list())


def test_a_backup_is_whole_encrypted_and_audited_naming_no_file_or_visit(bench: Bench) -> None:
    target = bench.maria.back_up(bench.folder / "visits-backup.db")
    assert copy_problems(target, PASSPHRASE) == []
    assert _visit_ids(target) == sorted(visit.id for visit in bench.stores.visits.list())
    assert audit_entries(bench) == [("maria", "backup_made", None, None)]


def test_a_backup_stopped_between_its_copy_and_its_rename_leaves_the_previous_one_whole(bench: Bench) -> None:
    """The audit row is refused after the copy is written, before it is renamed: as if killed there."""
    target = make_backup(bench.station, "maria", bench.folder / "visits-backup.db")
    previous = target.read_bytes()
    bench.stores.visits.discard(bench.visit.visit_id)
    refuse(bench, "INSERT", "audit")
    with pytest.raises(SQLAlchemyError):
        make_backup(bench.station, "maria", target)
    assert target.read_bytes() == previous and copy_problems(target, PASSPHRASE) == []
    assert [path.name for path in bench.folder.iterdir()] == ["visits-backup.db"], "no .part copy left"


@pytest.fixture
def daily(station: Station, desk: Desk, tmp_path: Path) -> Path:
    """The kiosk's desk with a backup folder, at 9 in the morning on 24 November."""
    folder = tmp_path / "backups"
    station.settings = Settings(backup_dir=folder, backup_keep=3)
    desk.daily_backups.clock = lambda: MORNING
    return folder


def _made(desk: Desk) -> None:
    thread = desk.back_up_if_due()
    assert thread is not None, "a backup was due"
    thread.join(timeout=60)


def test_no_backup_folder_no_daily_backup(desk: Desk) -> None:
    assert desk.back_up_if_due() is None


def test_the_daily_backup_is_made_once_a_day_by_the_kiosk(daily: Path, desk: Desk, bench: Bench) -> None:
    _made(desk)
    assert [path.name for path in automatic_backups(daily)] == ["intake-backup-20261124-090000.db"]
    assert audit_entries(bench) == [("kiosk", "backup_made", None, None)]
    desk.daily_backups.clock = lambda: MORNING.replace(hour=17)
    assert desk.back_up_if_due() is None, "one was made today"
    desk.daily_backups.clock = lambda: MORNING.replace(day=25, hour=0, minute=5)
    _made(desk)
    assert len(automatic_backups(daily)) == 2


def test_the_newest_n_are_kept_and_nothing_else_in_the_folder_is_touched(daily: Path, desk: Desk) -> None:
    daily.mkdir()
    for day in range(14, 24):
        (daily / automatic_name(MORNING.replace(day=day))).write_bytes(b"an older backup")
    others = [daily / "notes.txt", daily / "intake-backup-before-upgrade.db"]
    for path in others:
        path.write_text("the clinic's own", encoding="utf-8")
    _made(desk)
    assert [path.name for path in automatic_backups(daily)] == [
        "intake-backup-20261122-090000.db", "intake-backup-20261123-090000.db", "intake-backup-20261124-090000.db",
    ]
    assert all(path.read_text(encoding="utf-8") == "the clinic's own" for path in others)


def test_a_part_copy_left_by_a_kill_is_removed_a_day_later(tmp_path: Path) -> None:
    stale, fresh = tmp_path / ".intake-backup-20261122-090000.db-x1.part", tmp_path / ".intake-backup-20261124-090000.db-x2.part"
    for path in (stale, fresh):
        path.write_bytes(b"half a copy")
    day_ago = time.time() - 25 * 60 * 60
    os.utime(stale, (day_ago, day_ago))
    assert prune(tmp_path, 3) == [stale]
    assert fresh.exists()


def test_a_daily_backup_that_fails_is_logged_and_tried_again(
    daily: Path, desk: Desk, bench: Bench, caplog: pytest.LogCaptureFixture
) -> None:
    daily.write_text("a file where the folder should be", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        _made(desk)
    assert "automatic backup failed" in caplog.text
    assert audit_entries(bench) == []
    daily.unlink()
    _made(desk)
    assert len(automatic_backups(daily)) == 1

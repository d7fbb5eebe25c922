"""Backups of the visits database: one on request (`intake backup`), and the kiosk's daily one.

A backup is an encrypted copy made while the kiosk runs (see `store/sqlite_copy.py`),
renamed into place only once checked, so the file named is always a whole backup: the
one before it, or the new one. Its audit row (`backup_made`) is appended before the
rename and commits after it, as for any file written for staff; the row names no file
and no visit, and no file name carries anything but the time.

The daily backup (settings `backup_dir`, `backup_keep`) runs in a thread of its own: a
kiosk screen's timer asks, the copy of a large database never holds the patient's
screen. One is due when none in the folder was made on today's date, so a kiosk
restarted five times a day still makes one a day, and `backup_keep` days are kept.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from intake.app.station import Station
from intake.store.audit import Action
from intake.store.errors import StoreError
from intake.store.sqlite_copy import copy_beside, publish, remove_database_file

log = logging.getLogger(__name__)

AUTOMATIC_PREFIX = "intake-backup-"
AUTOMATIC_NAME = re.compile(rf"{AUTOMATIC_PREFIX}\d{{8}}-\d{{6}}\.db")
CHECK_EVERY_MS = 60 * 60 * 1000
"""How often the kiosk asks whether the daily backup is due: hourly, so it follows the date within the hour."""
STALE_PART_S = 24 * 60 * 60
"""A `.part` copy this old was cut short (a kill, a power cut): the daily backup removes it."""


def make_backup(station: Station, actor: str, target: Path) -> Path:
    """An encrypted, checked copy of the station's database at `target` (0600), audited as `actor`.

    `NotSQLite` (a `StoreError`) for PostgreSQL, `BadCopy` when the copy fails its
    check, `OSError` when the folder cannot take it, a SQLAlchemy error when the
    database or its audit row refuses. Whatever fails, `target` is as it was.
    """
    stores = station.required_stores()
    part = copy_beside(stores.database, target)
    try:
        with stores.transaction() as transaction:
            transaction.audit.record(Action.BACKUP_MADE, actor)
            publish(part, target)
    finally:
        remove_database_file(part)
    return target


def automatic_name(when: datetime) -> str:
    """"intake-backup-20261124-090000.db": the time only, sorting as it was made."""
    return f"{AUTOMATIC_PREFIX}{when:%Y%m%d-%H%M%S}.db"


def automatic_backups(folder: Path) -> list[Path]:
    """The daily backups in `folder`, oldest first; the clinic's other files there are never counted."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if AUTOMATIC_NAME.fullmatch(path.name))


def prune(folder: Path, keep: int, now: float | None = None) -> list[Path]:
    """Remove all but the newest `keep` daily backups, and `.part` copies a kill left a day ago or more."""
    removed = automatic_backups(folder)[:-keep]
    cutoff = (now if now is not None else time.time()) - STALE_PART_S
    removed += [
        part for part in folder.glob(f".{AUTOMATIC_PREFIX}*.part") if part.stat().st_mtime < cutoff
    ]
    for path in removed:
        remove_database_file(path)
    return removed


class DailyBackups:
    """The kiosk's daily backup, made in a thread of its own as `actor`."""

    def __init__(self, station: Station, actor: str, clock: Callable[[], datetime] = datetime.now) -> None:
        self.station = station
        self.actor = actor
        self.clock = clock
        self._running: threading.Thread | None = None

    def due(self, now: datetime) -> Path | None:
        """Where today's backup goes when one is due; None without `backup_dir`, a database, or when made already."""
        folder = self.station.settings.backup_dir
        if folder is None or self.station.stores is None:
            return None
        made_today = f"{AUTOMATIC_PREFIX}{now:%Y%m%d}-"
        if any(path.name.startswith(made_today) for path in automatic_backups(folder)):
            return None
        return folder / automatic_name(now)

    def start_if_due(self) -> threading.Thread | None:
        """Start today's backup unless it is made or being made; the thread, for whoever wants to wait for it."""
        if self._running is not None and self._running.is_alive():
            return None
        target = self.due(self.clock())
        if target is None:
            return None
        self._running = threading.Thread(target=self._back_up, args=(target,), name="daily-backup")
        self._running.start()
        return self._running

    def _back_up(self, target: Path) -> None:
        """Logged, never raised: a failed backup must not end the kiosk, and is tried again within the hour."""
        try:
            make_backup(self.station, self.actor, target)
            prune(target.parent, self.station.settings.backup_keep)
        except (StoreError, SQLAlchemyError, OSError) as error:
            log.error("automatic backup failed: %s", error if isinstance(error, StoreError) else type(error).__name__)
            return
        log.info("automatic backup made: %s", target)

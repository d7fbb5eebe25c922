"""Putting a checked backup in the place of the visits database, keeping the one it replaces.

A backup is never opened where it lies: it is copied into the data dir first (0600,
beside the database, so the final move is a rename on one file system), and that copy
is what is checked, brought to the current schema and moved into place. The database it
replaces is not deleted: it is renamed `visits.db.replaced-YYYYMMDD-HHMMSS`, with its
WAL folded in first when it still opens, so it can be put back by hand.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from intake.store.database import SQLITE_COMPANIONS
from intake.store.sqlite_copy import DriverError, driver_connection, remove_database_file, sync_folder

REPLACED_MARK = ".replaced-"
BUSY = (5, 6)
"""SQLite's SQLITE_BUSY and SQLITE_LOCKED: another connection holds the database."""


def stage_copy(source: Path, folder: Path) -> Path:
    """A private copy of `source` in `folder`, in a new `.part` file the caller removes."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=".restore-", suffix=".part")
    os.close(handle)
    staged = Path(name)
    try:
        shutil.copyfile(source, staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


def in_use(database: Path, passphrase: str) -> bool:
    """Whether another connection has the database open (a kiosk or a command running).

    Leaving WAL mode needs every other connection closed, so a database that cannot
    leave it at once is in use; one that can has its WAL folded into the file, which
    then stands alone. A database that does not open with this passphrase (damaged,
    another passphrase) cannot be one a kiosk is using.
    """
    if not database.exists():
        return False
    try:
        with driver_connection(database, passphrase, wait_s=0) as connection:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except DriverError as error:
        return error.code in BUSY
    return str(mode).lower() != "delete"


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS]


def _move(source: Path, target: Path) -> None:
    """A database file with whatever WAL and shared-memory files it has."""
    os.replace(source, target)
    for old, new in zip(_companions(source), _companions(target), strict=True):
        if old.exists():
            os.replace(old, new)


def replaced_name(database: Path, when: datetime) -> Path:
    return database.with_name(f"{database.name}{REPLACED_MARK}{when:%Y%m%d-%H%M%S}")


def swap_in(staged: Path, database: Path, when: datetime) -> Path | None:
    """`staged` becomes `database`; the previous database is kept under `replaced_name` (returned; None: there was none)."""
    kept = None
    if database.exists():
        kept = replaced_name(database, when)
        _move(database, kept)
    try:
        _move(staged, database)
    except BaseException:
        if kept is not None:
            _move(kept, database)
        raise
    sync_folder(database.parent)
    return kept


def swap_back(database: Path, kept: Path | None) -> None:
    """Undo `swap_in`: the restored copy goes (the backup itself is untouched), the previous database comes back."""
    remove_database_file(database)
    if kept is not None:
        _move(kept, database)
    sync_folder(database.parent)

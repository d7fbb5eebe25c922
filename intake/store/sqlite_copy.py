"""An online copy of the encrypted SQLite database, and what is wrong with a copy.

SQLCipher's `sqlcipher_export` writes every table, index and trigger into a database
attached with the same passphrase (and a salt of its own), inside one read transaction.
In WAL mode that transaction is a snapshot: the kiosk keeps saving while the copy is
made, and the copy holds exactly what was committed when it began. The copy is still
encrypted; nothing is ever decrypted to disk.

The copy is made in a `.part` file beside its target, checked (it opens, every page
passes SQLCipher's HMAC, SQLite's quick check, it has the store's tables), and only then
renamed over the target: a copy cut short by a kill, a power cut or a full disk never
replaces the previous one. A `.part` file left by a kill is an incomplete, still
encrypted copy, safe to delete.

PostgreSQL is the server's to back up, with its own tools (`pg_dump`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from intake.paths import private_dir
from intake.store.database import SQLITE_COMPANIONS, Database
from intake.store.errors import StoreError

STORE_TABLES = frozenset({"visits", "audit", "staff", "alembic_version"})
"""Tables every intake database has (`alembic_version` names its schema): without them a file is not one."""
NOT_A_DATABASE = 26
"""SQLite's SQLITE_NOTADB: under SQLCipher, the first page does not decrypt with this passphrase."""
PAGE_SIZE = 4096
"""SQLCipher 4's page size, which the store never changes: every whole copy is a multiple of it."""
SHOWN_PAGES = 3
"""Damaged pages named one by one in a refusal; the rest are counted."""
WAIT_S = 30
"""How long the copy waits for a lock (a WAL checkpoint, say) before giving up."""


class NotSQLite(StoreError):
    """The database is PostgreSQL: the server's own tools back it up."""


class BadCopy(StoreError):
    """A copy that is not a usable backup; `problems` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def sqlite_file(database: Database) -> tuple[Path, str]:
    """The database's file and passphrase; `NotSQLite` for a PostgreSQL database."""
    url = database.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or not url.password:
        raise NotSQLite(
            f"{database.where}: a PostgreSQL database is backed up on its server, with pg_dump "
            "(pg_dump --format=custom --file=FILE DBNAME; pg_restore --clean --if-exists --dbname=DBNAME FILE to bring it back)"
        )
    return Path(url.database), str(url.password)


class DriverError(StoreError):
    """SQLite said no, through SQLCipher's own driver: its message, and its result code when it gave one."""

    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def driver_connection(path: Path, passphrase: str, wait_s: float = WAIT_S) -> Iterator[Any]:
    """A connection of SQLCipher's own on `path`, keyed as the store keys it, in autocommit
    (so ATTACH and explicit transactions are ours to issue), closed when the block ends.
    The driver's errors in the block come out as `DriverError`."""
    engine = create_engine(
        URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path)),
        poolclass=NullPool,
        connect_args={"timeout": wait_s},
    )
    try:
        connection = engine.raw_connection()
        try:
            driver: Any = connection.driver_connection
            driver.isolation_level = None
            driver.execute("PRAGMA cipher_log_level = NONE")
            yield driver
        finally:
            connection.close()
    except DBAPIError as error:
        raise DriverError(str(error.orig), getattr(error.orig, "sqlite_errorcode", None)) from None
    except engine.dialect.loaded_dbapi.Error as error:
        raise DriverError(str(error), getattr(error, "sqlite_errorcode", None)) from None
    finally:
        engine.dispose()


def copy_beside(database: Database, target: Path) -> Path:
    """A checked, encrypted copy of the database in a new `.part` file beside `target` (0600).

    `BadCopy` when the copy fails its check, `StoreError` when the database cannot be
    copied (locked, the disk full), `OSError` when the folder cannot take the file;
    nothing is left behind.
    """
    source, passphrase = sqlite_file(database)
    if _same_file(target, source):
        raise StoreError(f"{target}: this is the visits database itself; write the backup to another file")
    private_dir(target.parent)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-", suffix=".part")
    os.close(handle)
    part = Path(name)
    try:
        _export(source, passphrase, part)
        problems = copy_problems(part, passphrase)
        if problems:
            raise BadCopy(problems)
    except BaseException:
        remove_database_file(part)
        raise
    return part


def _same_file(target: Path, source: Path) -> bool:
    """Whether `target` is the database or one of its companions (renaming a copy over it would cut
    the kiosk off from its own file)."""
    companions = {source.with_name(source.name + suffix) for suffix in SQLITE_COMPANIONS}
    resolved = target.resolve()
    return resolved == source.resolve() or resolved in {path.resolve() for path in companions}


def _export(source: Path, passphrase: str, part: Path) -> None:
    """Every table, index and trigger into `part`, as one snapshot of `source` (one read transaction)."""
    try:
        with driver_connection(source, passphrase) as connection:
            connection.execute("ATTACH DATABASE ? AS backup KEY ?", (str(part), passphrase))
            connection.execute("BEGIN")
            connection.execute("SELECT sqlcipher_export('backup')")
            connection.execute("COMMIT")
    except DriverError as error:
        raise StoreError(f"{source}: cannot copy the visits database ({error})") from None


def publish(part: Path, target: Path) -> None:
    """The checked copy on disk, then renamed over `target` in one step (the folder synced too)."""
    with part.open("rb") as stream:
        os.fsync(stream.fileno())
    os.replace(part, target)
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """A rename is durable once its folder is synced (where the system lets a folder be opened)."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def remove_database_file(path: Path) -> None:
    """A database file and whatever journal SQLite left beside it."""
    for file in (path, *(path.with_name(path.name + suffix) for suffix in (*SQLITE_COMPANIONS, "-journal"))):
        file.unlink(missing_ok=True)


def copy_problems(path: Path, passphrase: str) -> list[str]:
    """What makes `path` unusable as a copy of the store under this passphrase: [] when nothing.

    Each problem is named for a person deciding what to do: another passphrase, bytes
    changed (SQLCipher's per-page HMAC), a file cut short, or a file that is not ours.
    """
    size = path.stat().st_size
    if size == 0:
        return ["the file is empty"]
    if size % PAGE_SIZE:
        return [f"cut short: {size} bytes is not a whole number of {PAGE_SIZE}-byte pages"]
    with driver_connection(path, passphrase) as connection:
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            problems = _page_problems(connection)
        except connection.Error as error:
            return [_unreadable(error)]
    if problems:
        return problems
    missing = sorted(STORE_TABLES - tables)
    if missing:
        return [f"not an intake database: it has no {', '.join(missing)} table"]
    return []


def _unreadable(error: Exception) -> str:
    if getattr(error, "sqlite_errorcode", None) == NOT_A_DATABASE:
        return (
            "does not open with the database passphrase: it was made under another passphrase, its first page "
            "was changed, or it is not an intake backup"
        )
    return f"damaged: {error} (pages are missing or were changed: the file was cut short or altered)"


def _page_problems(connection: Any) -> list[str]:
    """Pages whose HMAC fails (bytes changed), else SQLite's own quick check (pages missing or inconsistent)."""
    failed = [row[0] for row in connection.execute("PRAGMA cipher_integrity_check")]
    if not failed:
        checked = [row[0] for row in connection.execute("PRAGMA quick_check")]
        failed = [line for row in checked for line in row.splitlines() if line != "ok" and not line.startswith("***")]
    shown = [f"damaged: {line}" for line in failed[:SHOWN_PAGES]]
    more = len(failed) - SHOWN_PAGES
    return shown + ([f"damaged: and {more} more problems"] if more > 0 else [])

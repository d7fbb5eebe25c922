"""Opening the visits database: encrypted SQLite by default, PostgreSQL by URL.

SQLite goes through SQLCipher: the whole file (tables, indexes, journal) is encrypted
with a key derived from the passphrase by SQLCipher's PBKDF2-SHA512 (256,000 rounds,
salt in the file header), so a stolen PC yields random bytes, and the queue can still
be sorted and filtered in SQL. The file, its WAL and shared-memory files and the data
dir are this user's only (0600, 0700), whatever the umask. PostgreSQL is the clinic
server's to protect (disk encryption, TLS); several front-desk stations share it. Both
are brought to the current schema by Alembic at open.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from intake.paths import private_data_dir, private_dir
from intake.store.errors import DatabaseLocked, NoKey, StoreError, WrongKeyOrDamaged
from intake.store.keys import KEY_ENV

DATABASE_FILE = "visits.db"
MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"
SQLITE_COMPANIONS = ("-wal", "-shm")
"""Files SQLite keeps beside the database in WAL mode; they hold its pages too."""

log = logging.getLogger(__name__)

HOLD_WRITE_LOCK = "intake_hold_write_lock"
"""The execution option `Database.writing()` sets: SQLite then starts with BEGIN IMMEDIATE."""


@dataclass
class Database:
    engine: Engine
    where: str
    """For messages: the file path, or the server URL without its password."""

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A transaction that holds the write lock from its first statement on.

        SQLite's plain BEGIN takes the lock only at the first write, so two processes could
        both read the audit log's last hash and then both append after it (a fork);
        BEGIN IMMEDIATE makes the second wait until the first commits. PostgreSQL's audit
        append takes its own table lock, so there this is an ordinary transaction.
        """
        with self.engine.connect() as connection:
            connection.execution_options(**{HOLD_WRITE_LOCK: True})
            with connection.begin():
                yield connection

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _private_sqlite_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (SQLite gives a new WAL or
    shared-memory file its database's mode), and tighten files an older install left 0644."""
    try:
        private_dir(path.parent)
        if not path.exists():
            path.touch(mode=0o600)
    except OSError as error:
        raise StoreError(f"{path}: cannot create the visits database ({error.strerror or error})") from None
    for file in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS)):
        try:
            file.chmod(0o600)
        except FileNotFoundError:
            pass
        except OSError as error:
            log.warning("%s: cannot make it readable by this user only (%s)", file, type(error).__name__)


def _sqlite_engine(path: Path, passphrase: str) -> Engine:
    _private_sqlite_file(path)
    engine = create_engine(
        URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path)),
        connect_args={"timeout": 5},
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    dbapi_connection.isolation_level = None  # the driver emits no BEGIN of its own: `_sqlite_begin` does
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA cipher_log_level = NONE")  # a wrong key gets our message, not SQLCipher's log lines
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """SQLAlchemy's recipe for pysqlite (and pysqlcipher): the driver's own BEGIN comes only
    before the first write, so we emit it, IMMEDIATE when the caller asked for the write lock."""
    hold = connection.get_execution_options().get(HOLD_WRITE_LOCK, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if hold else "BEGIN")


def head_revision() -> str:
    """The newest migration's revision: each migration file is named after its revision (`0012_....py`),
    and the revisions count up (tests/store/test_database.py holds Alembic's own chain to both)."""
    return max(path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def schema_revision(connection: Connection) -> str | None:
    """The revision the database is at; None when it has none yet (a new file) or more than one."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    revisions = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()  # noqa: S608 - a constant
    return revisions[0] if len(revisions) == 1 else None


def _migrate(engine: Engine) -> None:
    """Upgrade to the current schema. Alembic (slow to import, slower to read its scripts) is used only
    when the database is not at the newest revision already, as it is at every start but the first
    after an update."""
    with engine.connect() as connection:
        if schema_revision(connection) == head_revision():
            return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_database(database_url: str | None, passphrase: str | None, path: Path | None = None) -> Database:
    """Open (creating or upgrading) the database, or raise a `StoreError` saying why.

    Nothing is deleted or rewritten to get past an error: a wrong key, a damaged file or
    a lock leaves the file exactly as it was.
    """
    if database_url:
        url = make_url(database_url)
        engine = create_engine(url, pool_pre_ping=True)
        where = url.render_as_string(hide_password=True)
    else:
        if not passphrase:
            raise NoKey(f"no database passphrase: set {KEY_ENV}, keep it in the OS keyring, or type it at start")
        file = path or private_data_dir() / DATABASE_FILE
        engine = _sqlite_engine(file, passphrase)
        where = str(file)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master" if not database_url else "SELECT 1"))
        _migrate(engine)
    except OperationalError as error:
        engine.dispose()
        if "locked" in str(error.orig).lower():
            raise DatabaseLocked(f"{where}: the visits database is locked by another program; close it and try again") from None
        raise StoreError(f"{where}: cannot open the visits database ({error.orig})") from None
    except DatabaseError:
        engine.dispose()
        raise WrongKeyOrDamaged(
            f"{where}: cannot read the visits database: the passphrase is wrong, or the file is damaged "
            "or not an intake database. Nothing was changed."
        ) from None
    return Database(engine, where)

"""Telling the other stations that visits changed, and hearing it, without waiting for a poll.

PostgreSQL: a change is announced with NOTIFY on one channel, inside the transaction of
the change, so it is delivered at the commit and never for a change rolled back; a
station LISTENs on a connection of its own and reads what arrived without blocking.
SQLite: processes share the file on one machine, and `PRAGMA data_version` on a
connection of its own changes whenever any other connection committed, so nothing needs
announcing and a station looks once in a while (a read of the file's header: cheap).

The listeners' connections are taken out of the pool for good and closed by `close`.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from intake.store.database import Database
from intake.store.errors import StoreError
from intake.store.repository import Repository

CHANNEL = "intake_changes"


class ChangeFeed(Repository):
    def announce(self) -> None:
        """Other stations hear of this transaction's changes when it commits (PostgreSQL; SQLite needs nothing)."""
        with self._writing() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text(f"NOTIFY {CHANNEL}"))


class Listener(Protocol):
    pushed: bool
    """True: changes arrive by themselves and reading them costs nothing, so look as often as
    you like; False: each look queries the database."""

    def changed(self) -> bool:
        """Whether anything changed since the last call; `StoreError` when the connection is lost."""
        ...

    def close(self) -> None: ...


class _OwnConnection:
    """A connection of the listener's own, out of the pool, its driver's errors raised as `StoreError`."""

    def __init__(self, database: Database) -> None:
        self._errors: type[Exception] = database.engine.dialect.loaded_dbapi.Error
        try:
            self._pooled = database.engine.raw_connection()
        except (SQLAlchemyError, self._errors) as error:
            raise StoreError(f"{database.where}: cannot watch for changes ({type(error).__name__})") from None
        self.driver: Any = self._pooled.dbapi_connection
        self._pooled.detach()

    def close(self) -> None:
        """Closed here, then let go of by the pool unreset: a rollback on a lost connection would only fail."""
        with suppress(self._errors):
            self.driver.close()
        if self._pooled.dbapi_connection is not None:
            self._pooled.invalidate()


class PostgresListener(_OwnConnection):
    pushed = True

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        try:
            self.driver.autocommit = True
            self.driver.execute(f"LISTEN {CHANNEL}")
        except self._errors as error:
            self.close()
            raise StoreError(f"cannot listen for changes ({type(error).__name__})") from None

    def changed(self) -> bool:
        try:
            return len(list(self.driver.notifies(timeout=0))) > 0
        except self._errors as error:
            raise StoreError(f"lost the connection that listens for changes ({type(error).__name__})") from None


class SqliteDataVersion(_OwnConnection):
    pushed = False

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        try:
            self._version = self._read()
        except StoreError:
            self.close()
            raise

    def _read(self) -> int:
        try:
            version: int = self.driver.execute("PRAGMA data_version").fetchone()[0]
        except self._errors as error:
            raise StoreError(f"cannot read the database's version ({type(error).__name__})") from None
        return version

    def changed(self) -> bool:
        version = self._read()
        changed, self._version = version != self._version, version
        return changed


def listen(database: Database) -> Listener:
    """A listener for changes others commit to this database; `StoreError` if it cannot be opened."""
    if database.engine.dialect.name == "postgresql":
        return PostgresListener(database)
    return SqliteDataVersion(database)

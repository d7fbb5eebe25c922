"""Where a repository reads and writes: the database (a transaction per call) or one
connection that a caller's transaction already holds.

`Stores.transaction()` hands out repositories bound to one connection, so a change and
its audit row commit together or not at all; repositories opened on the database keep
working call by call, for reads and for tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from intake.store.database import Database


class Repository:
    def __init__(self, source: Database | Connection) -> None:
        self._source = source

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """The caller's transaction when bound to one; else one of our own, holding the write lock from its start."""
        if isinstance(self._source, Connection):
            yield self._source
            return
        with self._source.writing() as connection:
            yield connection

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        if isinstance(self._source, Connection):
            yield self._source
            return
        with self._source.engine.connect() as connection:
            yield connection

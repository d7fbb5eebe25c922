"""Answers the store refused at Finish, kept encrypted until the next start reads them back.

Finish stores every answer first, in one short write. When even that fails (a disk
error, a lock held past its timeout, a server gone), the answers must not live only in
the kiosk's memory, where the next power cut would take them. They go to `recovery.db`
beside the visits database (the data dir): a small SQLCipher file, created 0600, keyed
with the database passphrase, so it is exactly as private as `visits.db` and adds no key
to keep. A PostgreSQL station has no local passphrase: it uses `INTAKE_DB_KEY` or the OS
keyring when either holds one, and otherwise keeps nothing on disk (never plain JSON).

The kiosk's next start stores each kept visit as unfinished, then forgets it here; the
file goes once it is empty.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Connection, MetaData, String, Table, Text, create_engine, delete, insert, select
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from intake.paths import data_dir
from intake.store.database import Database
from intake.store.keys import stored_key
from intake.store.timestamps import utc_now

RECOVERY_FILE = "recovery.db"

_metadata = MetaData()
_kept = Table(
    "kept_answers",
    _metadata,
    Column("visit_id", String(40), primary_key=True),
    Column("kept_at", String(40), nullable=False),
    Column("staff_alerted", Boolean, nullable=False),
    Column("response", Text, nullable=False),
)


@dataclass(frozen=True)
class KeptAnswers:
    visit_id: str
    response: dict[str, Any]
    staff_alerted: bool
    kept_at: datetime


class RecoveryFile:
    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self._key = key

    @classmethod
    def beside(cls, database: Database) -> RecoveryFile | None:
        """The recovery file for this database, or None when there is no key to encrypt it with."""
        url = database.engine.url
        if url.get_backend_name() == "sqlite" and url.database:
            return cls(Path(url.database).parent / RECOVERY_FILE, url.password) if url.password else None
        key = stored_key()
        return cls(data_dir() / RECOVERY_FILE, key) if key else None

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        engine = create_engine(
            URL.create("sqlite+pysqlcipher", password=self._key, database=str(self.path)), poolclass=NullPool
        )
        try:
            with engine.begin() as connection:
                _metadata.create_all(connection)
                yield connection
        finally:
            engine.dispose()

    def keep(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """Add (or replace) one visit's answers; raises `OSError` or a SQLAlchemy error when it cannot."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(self.path, 0o600)
        with self._transaction() as connection:
            connection.execute(delete(_kept).where(_kept.c.visit_id == visit_id))
            connection.execute(
                insert(_kept).values(
                    visit_id=visit_id, kept_at=utc_now().isoformat(), staff_alerted=staff_alerted,
                    response=json.dumps(response, ensure_ascii=False),
                )
            )

    def read(self) -> list[KeptAnswers]:
        """Every visit kept here, oldest first; [] when there is no file."""
        if not self.path.exists():
            return []
        with self._transaction() as connection:
            rows = connection.execute(select(_kept).order_by(_kept.c.kept_at)).all()
        return [
            KeptAnswers(row.visit_id, json.loads(row.response), bool(row.staff_alerted), datetime.fromisoformat(row.kept_at))
            for row in rows
        ]

    def forget(self, visit_id: str) -> None:
        """The store has this visit now; the file goes with its last visit."""
        with self._transaction() as connection:
            connection.execute(delete(_kept).where(_kept.c.visit_id == visit_id))
            left = connection.execute(select(_kept.c.visit_id).limit(1)).first()
        if left is None:
            self.path.unlink(missing_ok=True)

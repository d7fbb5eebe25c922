"""One encrypted database for a whole run of tests, put back as it was first made before each test.

Opening SQLCipher derives the key (PBKDF2, slow on purpose) for every new connection, and
a new file is also brought to the schema by Alembic: per test, that was much of a store
test's time. A session fixture makes the database and its accounts once, then `ReusedDatabase(database)`,
and a test's fixture calls `fresh` for the same database emptied of everything the test may
have left: visits (with their notes, amendments and alerts seen), audit rows, triggers that
refuse writes, the recovery file, and the accounts and flags changed back to the first ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, insert, select

from intake.store.database import Database
from intake.store.recovery import RECOVERY_FILE
from intake.store.schema import audit, flags, staff, visits

KEPT = (staff, flags)
"""What the session fixture sets up and each test finds again as it was."""
REFUSING_TRIGGERS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'refuse_%'"
"""The triggers tests add to make a write fail (named `refuse_...`)."""


class ReusedDatabase:
    def __init__(self, database: Database) -> None:
        """The database as it is now (its accounts made) is what every test starts from."""
        self.database = database
        with database.engine.connect() as connection:
            self._kept: dict[Table, list[dict[str, Any]]] = {
                table: [dict(row._mapping) for row in connection.execute(select(table))] for table in KEPT
            }

    def fresh(self) -> Database:
        """The database, back to how it was when made."""
        (Path(self.database.where).parent / RECOVERY_FILE).unlink(missing_ok=True)
        with self.database.engine.begin() as connection:
            triggers = connection.exec_driver_sql(REFUSING_TRIGGERS)
            for (name,) in triggers.all():
                connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
            for table in (visits, audit, *KEPT):
                connection.execute(delete(table))
            for table, rows in self._kept.items():
                if rows:
                    connection.execute(insert(table), rows)
        return self.database

"""Store fixtures: each store test runs on encrypted SQLite and on a real PostgreSQL.

The PostgreSQL server is the run's throwaway cluster (`postgres_url`, tests/conftest.py).
Where no server is installed the PostgreSQL half is skipped and says how to install it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.store.database import Database, open_database

PASSPHRASE = "correct horse battery staple"


def _empty(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM visits")
        connection.exec_driver_sql("DELETE FROM audit")
        connection.exec_driver_sql("DELETE FROM staff")
        connection.exec_driver_sql("DELETE FROM flags")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        opened = open_database(None, PASSPHRASE, tmp_path / "visits.db")
    else:
        opened = open_database(request.getfixturevalue("postgres_url"), None)
        _empty(opened)
    yield opened
    opened.close()

"""Store fixtures: each store test runs on encrypted SQLite and on a real PostgreSQL.

The PostgreSQL server is a throwaway cluster started here (initdb + pg_ctl on a private
Unix socket, run as the `postgres` user when the tests run as root). Where no server is
installed the PostgreSQL half is skipped and says how to install it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.store.database import Database, open_database

PASSPHRASE = "correct horse battery staple"


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    binaries = _postgres_bin()
    if binaries is None:
        pytest.skip("PostgreSQL server not installed here (Debian/Ubuntu: apt install postgresql)")
    base = Path(tempfile.mkdtemp(prefix="intake-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "intake", "--no-sync"]),
                   **run)
    options = f"-k {base} -p {port} -c listen_addresses='' -c fsync=off"
    subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(base / "log"),
                                    "start"]), **run)
    try:
        subprocess.run(_as_server_user([str(binaries / "createdb"), "-h", str(base), "-p", str(port), "-U", "intake",
                                        "intake_test"]), **run)
        yield f"postgresql+psycopg://intake@/intake_test?host={base}&port={port}"
    finally:
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


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

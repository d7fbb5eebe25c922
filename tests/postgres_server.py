"""A throwaway PostgreSQL server: initdb + pg_ctl on a private Unix socket, for the store
tests and the alert-latency benchmark.

Run as the `postgres` user when the tests run as root. Where no server is installed,
`PostgresUnavailable` says how to install one.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

INSTALL_HINT = "PostgreSQL server not installed here (Debian/Ubuntu: apt install postgresql)"


class PostgresUnavailable(Exception):
    pass


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


@contextmanager
def throwaway_postgres(database: str = "intake_test") -> Iterator[str]:
    """A new cluster with one empty database; yields its SQLAlchemy URL, and removes the cluster after."""
    binaries = _postgres_bin()
    if binaries is None:
        raise PostgresUnavailable(INSTALL_HINT)
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
                                        database]), **run)
        yield f"postgresql+psycopg://intake@/{database}?host={base}&port={port}"
    finally:
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)

"""Opening the encrypted SQLite file: nothing readable, wrong keys refused, nothing lost."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from cases import vignette
from intake.paths import PROJECT_ROOT, data_dir
from intake.store.database import DATABASE_FILE, MIGRATIONS, SQLITE_COMPANIONS, head_revision, open_database, schema_revision
from intake.store.errors import NoKey, WrongKeyOrDamaged
from intake.store.visits import VisitStore
from migration_steps import migrate

PASSPHRASE = "correct horse battery staple"


def test_file_holds_no_name_birth_date_or_answer_in_plain_bytes(tmp_path) -> None:
    database = open_database(None, PASSPHRASE, tmp_path / "visits.db")
    response = vignette("V01")
    response["answers"] |= {"given_name": "Zoë", "family_name": "Łukasik-Ó'Brien"}
    VisitStore(database).create("20261124-090000-000001", response)
    database.close()
    raw = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    for secret in ("Zoë", "Łukasik", "1992-01-15", "sumatriptan", "topiramate", "headache_days", "SQLite format"):
        assert secret.encode("utf-8") not in raw, secret
    assert json.dumps(response["answers"]).encode() not in raw


def test_wrong_key_is_refused_and_the_data_survives(tmp_path) -> None:
    path = tmp_path / "visits.db"
    database = open_database(None, PASSPHRASE, path)
    VisitStore(database).create("20261124-090000-000001", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}})
    database.close()
    before = path.read_bytes()
    with pytest.raises(WrongKeyOrDamaged, match="passphrase is wrong"):
        open_database(None, "not the passphrase", path)
    assert path.read_bytes() == before
    reopened = open_database(None, PASSPHRASE, path)
    assert [visit.id for visit in VisitStore(reopened).list()] == ["20261124-090000-000001"]
    reopened.close()


def test_damaged_file_is_reported_not_replaced(tmp_path) -> None:
    path = tmp_path / "visits.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(WrongKeyOrDamaged, match="Nothing was changed"):
        open_database(None, PASSPHRASE, path)
    assert path.read_bytes() == b"this is not a database" * 100


def test_no_passphrase_says_where_to_put_one(tmp_path) -> None:
    with pytest.raises(NoKey, match="INTAKE_DB_KEY"):
        open_database(None, None, tmp_path / "visits.db")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _files_of(database_file: Path) -> list[Path]:
    return [database_file, *(database_file.with_name(database_file.name + suffix) for suffix in SQLITE_COMPANIONS)]


def test_a_new_database_its_wal_and_shm_are_0600_in_a_0700_folder(tmp_path, umask_022) -> None:
    path = tmp_path / "clinic" / "visits.db"
    database = open_database(None, PASSPHRASE, path)
    VisitStore(database).create("20261124-090000-000001", vignette("V01"))
    assert [_mode(file) for file in _files_of(path)] == [0o600] * 3, "WAL and shared memory exist while it is open"
    assert _mode(path.parent) == 0o700
    database.close()


def test_the_default_location_is_a_0700_data_dir(umask_022) -> None:
    open_database(None, PASSPHRASE).close()
    assert (_mode(data_dir()), _mode(data_dir() / DATABASE_FILE)) == (0o700, 0o600)


def test_files_an_older_install_left_readable_are_tightened_at_open(umask_022) -> None:
    open_database(None, PASSPHRASE).close()
    files = _files_of(data_dir() / DATABASE_FILE)
    for file in files[1:]:
        file.write_bytes(b"")
    for file in (data_dir(), *files):
        file.chmod(0o755 if file.is_dir() else 0o644)
    database = open_database(None, PASSPHRASE)
    assert [_mode(file) for file in (data_dir(), *files)] == [0o700, 0o600, 0o600, 0o600]
    database.close()


def test_the_newest_revision_is_read_from_the_migration_files_as_alembic_reads_it() -> None:
    """`head_revision` (no Alembic) names each file's revision as its file name does, and the chain's head."""
    scripts = ScriptDirectory(str(MIGRATIONS))
    for revision in scripts.walk_revisions():
        assert Path(revision.path).name.startswith(f"{revision.revision}_")
    assert head_revision() == scripts.get_current_head()


def test_a_database_at_the_newest_revision_opens_without_alembic(tmp_path) -> None:
    """Alembic runs only when the schema differs: a new file is brought up to date, and the next open
    (a fresh process, as each start is) reads its revision and leaves Alembic unloaded."""
    path = tmp_path / "visits.db"
    open_database(None, "key", path).close()
    opened = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_ALEMBIC, str(path)],
        capture_output=True, text=True, timeout=60, check=False, cwd=PROJECT_ROOT,
    )
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.split() == [head_revision(), "False"]


def test_a_database_behind_the_newest_revision_is_upgraded_at_open(tmp_path) -> None:
    path = tmp_path / "visits.db"
    database = open_database(None, "key", path)
    migrate(database.engine, "0011", down=True)
    with database.engine.connect() as connection:
        assert schema_revision(connection) == "0011"
    database.close()
    with open_database(None, "key", path).engine.connect() as connection:
        assert schema_revision(connection) == head_revision()


OPEN_AND_LIST_ALEMBIC = """
import sys
from pathlib import Path
from intake.store.database import open_database, schema_revision
database = open_database(None, "key", Path(sys.argv[1]))
with database.engine.connect() as connection:
    print(schema_revision(connection), any(name.startswith("alembic") for name in sys.modules))
"""

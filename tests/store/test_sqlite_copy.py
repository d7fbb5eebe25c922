"""The online copy of the encrypted database, and a damaged copy named for what is wrong with it."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from cases import vignette
from intake.store.database import Database, open_database
from intake.store.errors import StoreError
from intake.store.sqlite_copy import PAGE_SIZE, BadCopy, NotSQLite, copy_beside, copy_problems, driver_connection, publish
from intake.store.visits import VisitStore

PASSPHRASE = 'correct "horse" battery staple'
"""With quotes: the copy is keyed exactly as the store keys its database."""
IDS = [f"20261124-0900{second:02d}-00000{second}" for second in range(6)]


@pytest.fixture
def database(tmp_path: Path, assess) -> Iterator[Database]:
    """Six finished visits, each with a 40 kB summary: a copy of many pages."""
    opened = open_database(None, PASSPHRASE, tmp_path / "data" / "visits.db")
    visits = VisitStore(opened)
    assessment = assess(vignette("V01")).to_json_dict()
    for number, visit_id in enumerate(IDS):
        visits.create(visit_id, vignette("V01"))
        visits.finish(visit_id, vignette("V01"), assessment, b"%PDF" + bytes([number]) * 40_000)
    yield opened
    opened.close()


def _published(database: Database, target: Path) -> Path:
    publish(copy_beside(database, target), target)
    return target


def _ids(path: Path) -> list[str]:
    with open_database(None, PASSPHRASE, path) as copy:
        return sorted(visit.id for visit in VisitStore(copy).list())


def test_the_copy_is_private_encrypted_with_the_same_passphrase_and_whole(database, tmp_path) -> None:
    target = _published(database, tmp_path / "backups" / "copy.db")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert b"SQLite format" not in target.read_bytes() and b"Test Patient" not in target.read_bytes()
    assert copy_problems(target, PASSPHRASE) == []
    assert _ids(target) == IDS
    assert VisitStore(database).get(IDS[3]).pdf == b"%PDF" + bytes([3]) * 40_000
    assert [path.name for path in target.parent.iterdir()] == ["copy.db"], "no .part or journal left beside it"


def test_the_copy_is_made_while_another_connection_writes_and_holds_only_what_was_committed(database, tmp_path) -> None:
    writer = open_database(None, PASSPHRASE, Path(database.where))
    with writer.writing() as connection:
        VisitStore(connection).create("20261124-100000-unsaved", vignette("V02"))
        target = _published(database, tmp_path / "copy.db")
    assert _ids(target) == IDS
    assert "20261124-100000-unsaved" in [visit.id for visit in VisitStore(writer).list()]
    writer.close()


def test_a_copy_replaces_the_previous_one_whole(database, tmp_path) -> None:
    target = _published(database, tmp_path / "copy.db")
    VisitStore(database).create("20261124-110000-later", vignette("V02"))
    _published(database, target)
    assert "20261124-110000-later" in _ids(target)


def test_a_postgresql_database_is_pointed_to_pg_dump(postgres_url, tmp_path) -> None:
    with open_database(postgres_url, None) as server, pytest.raises(NotSQLite, match="pg_dump"):
        copy_beside(server, tmp_path / "copy.db")
    assert list(tmp_path.iterdir()) == []


def test_a_copy_that_fails_its_check_leaves_nothing_behind(database, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("intake.store.sqlite_copy.copy_problems", lambda _path, _passphrase: ["damaged: page 7"])
    with pytest.raises(BadCopy, match="damaged: page 7"):
        copy_beside(database, tmp_path / "backups" / "copy.db")
    assert list((tmp_path / "backups").iterdir()) == []


@pytest.mark.parametrize("name", ["visits.db", "visits.db-wal"])
def test_the_database_itself_is_not_a_backup_target(database, name) -> None:
    live = Path(database.where)
    before = live.read_bytes()
    with pytest.raises(StoreError, match="this is the visits database itself"):
        copy_beside(database, live.with_name(name))
    assert live.read_bytes() == before and not list(live.parent.glob("*.part"))


@pytest.fixture
def good_copy(database, tmp_path) -> bytes:
    return _published(database, tmp_path / "good.db").read_bytes()


def _file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "suspect.db"
    path.write_bytes(data)
    return path


def _flipped(data: bytes, offset: int) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= 0xFF
    return bytes(changed)


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda data: _flipped(data, 10 * PAGE_SIZE + 100), "damaged: HMAC verification failed for page 11"),
        (lambda data: _flipped(data, len(data) - 5), "damaged: HMAC verification failed for page"),
        (lambda data: _flipped(data, 200), "does not open with the database passphrase"),
        (lambda data: data[: len(data) // 2 + 77], "cut short: "),
        (lambda data: data[: (len(data) // PAGE_SIZE // 2) * PAGE_SIZE], "damaged: database disk image is malformed"),
        (lambda data: b"", "the file is empty"),
    ],
    ids=["byte-flipped-mid-file", "byte-flipped-last-page", "byte-flipped-first-page", "truncated-mid-page",
         "truncated-at-a-page", "empty"],
)
def test_a_damaged_copy_is_named_for_its_damage(good_copy, tmp_path, damage, named) -> None:
    problems = copy_problems(_file(tmp_path, damage(good_copy)), PASSPHRASE)
    assert problems and problems[0].startswith(named), problems


def test_another_passphrase_is_named(good_copy, tmp_path) -> None:
    assert copy_problems(_file(tmp_path, good_copy), "another passphrase") == [
        "does not open with the database passphrase: it was made under another passphrase, its first page was "
        "changed, or it is not an intake backup"
    ]


def test_a_database_that_is_not_an_intake_database_is_named(tmp_path) -> None:
    path = tmp_path / "other.db"
    with driver_connection(path, PASSPHRASE) as connection:
        connection.execute("CREATE TABLE visits (id TEXT)")
    assert copy_problems(path, PASSPHRASE) == ["not an intake database: it has no alembic_version, audit, staff table"]


def test_a_plain_sqlite_file_does_not_open_with_the_passphrase(tmp_path) -> None:
    path = tmp_path / "plain.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE visits (id TEXT)")
    plain.commit()
    plain.close()
    assert copy_problems(path, PASSPHRASE)[0].startswith("does not open with the database passphrase")
    assert os.path.getsize(path) > 0

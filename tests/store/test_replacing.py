"""A checked copy taking the database's place: never while in use, the previous one kept, undone whole."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

from cases import vignette
from intake.store.database import SQLITE_COMPANIONS, open_database
from intake.store.replacing import in_use, replaced_name, stage_copy, swap_back, swap_in
from intake.store.visits import VisitStore

PASSPHRASE = "correct horse battery staple"
WHEN = datetime(2026, 11, 24, 9, 30, 5)


def _database_with(path: Path, visit_id: str) -> Path:
    with open_database(None, PASSPHRASE, path) as database:
        VisitStore(database).create(visit_id, vignette("V01"))
    return path


def _ids(path: Path) -> list[str]:
    with open_database(None, PASSPHRASE, path) as database:
        return [visit.id for visit in VisitStore(database).list()]


def test_in_use_while_another_connection_has_it_open(tmp_path) -> None:
    path = _database_with(tmp_path / "visits.db", "20261124-090000-aaaaaa")
    kiosk = open_database(None, PASSPHRASE, path)
    VisitStore(kiosk).list()
    assert in_use(path, PASSPHRASE)
    kiosk.close()
    assert not in_use(path, PASSPHRASE)
    assert [file.name for file in tmp_path.iterdir()] == ["visits.db"], "its WAL was folded into the file"


def test_a_missing_or_unreadable_database_is_not_in_use(tmp_path) -> None:
    assert not in_use(tmp_path / "visits.db", PASSPHRASE)
    path = _database_with(tmp_path / "visits.db", "20261124-090000-aaaaaa")
    assert not in_use(path, "another passphrase")


def test_the_staged_copy_is_private_and_beside_the_database(tmp_path, umask_022) -> None:
    source = tmp_path / "backup.db"
    source.write_bytes(b"backup bytes")
    (tmp_path / "data").mkdir()
    staged = stage_copy(source, tmp_path / "data")
    assert staged.parent == tmp_path / "data" and staged.name.endswith(".part")
    assert staged.read_bytes() == b"backup bytes" and stat.S_IMODE(staged.stat().st_mode) == 0o600


def test_swap_in_keeps_the_replaced_database_with_its_wal_and_swap_back_undoes_it(tmp_path) -> None:
    database = _database_with(tmp_path / "visits.db", "20261124-090000-old000")
    for suffix in SQLITE_COMPANIONS:
        database.with_name(database.name + suffix).write_bytes(b"companion")
    staged = _database_with(tmp_path / ".restore-x.part", "20261124-090000-new000")
    kept = swap_in(staged, database, WHEN)
    assert kept == replaced_name(database, WHEN) == tmp_path / "visits.db.replaced-20261124-093005"
    assert all(kept.with_name(kept.name + suffix).read_bytes() == b"companion" for suffix in SQLITE_COMPANIONS)
    assert not staged.exists()
    for suffix in SQLITE_COMPANIONS:
        kept.with_name(kept.name + suffix).unlink()
    assert _ids(database) == ["20261124-090000-new000"]
    assert _ids(kept) == ["20261124-090000-old000"]
    swap_back(database, kept)
    assert _ids(database) == ["20261124-090000-old000"]
    assert not kept.exists()


def test_swap_in_where_there_was_no_database_keeps_nothing(tmp_path) -> None:
    staged = _database_with(tmp_path / ".restore-x.part", "20261124-090000-new000")
    assert swap_in(staged, tmp_path / "visits.db", WHEN) is None
    assert _ids(tmp_path / "visits.db") == ["20261124-090000-new000"]
    swap_back(tmp_path / "visits.db", None)
    assert list(tmp_path.iterdir()) == []

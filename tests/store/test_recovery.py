"""The recovery file: answers the store refused at Finish, encrypted with what the station already has."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy.exc import SQLAlchemyError

from intake.store.database import Database, open_database
from intake.store.recovery import RECOVERY_FILE, RecoveryFile

ANSWERS = {"form": "headache-intake", "authored": "2026-11-24", "answers": {"given_name": "Zoë", "family_name": "Łukasik"}}


@pytest.fixture
def sqlite(tmp_path: Path) -> Database:
    opened = open_database(None, "test passphrase", tmp_path / "data" / "visits.db")
    yield opened
    opened.close()


def test_kept_answers_are_private_encrypted_and_read_back(sqlite: Database) -> None:
    recovery = RecoveryFile.beside(sqlite)
    assert recovery is not None and recovery.path == Path(sqlite.where).parent / RECOVERY_FILE
    recovery.keep("20261124-090000-000001", ANSWERS, True)
    recovery.keep("20261124-090100-000002", ANSWERS, False)
    assert stat.S_IMODE(recovery.path.stat().st_mode) == 0o600
    raw = recovery.path.read_bytes()
    assert b"given_name" not in raw and "Łukasik".encode() not in raw and not raw.startswith(b"SQLite format")
    kept = recovery.read()
    assert [(k.visit_id, k.response, k.staff_alerted) for k in kept] == [
        ("20261124-090000-000001", ANSWERS, True), ("20261124-090100-000002", ANSWERS, False),
    ]
    assert kept[0].kept_at.tzinfo is not None


def test_keeping_a_visit_again_replaces_it_and_the_file_goes_with_its_last_visit(sqlite: Database) -> None:
    recovery = RecoveryFile.beside(sqlite)
    assert recovery is not None
    recovery.keep("20261124-090000-000001", {"answers": {}}, False)
    recovery.keep("20261124-090000-000001", ANSWERS, False)
    recovery.keep("20261124-090100-000002", ANSWERS, False)
    assert [k.response for k in recovery.read()] == [ANSWERS, ANSWERS]
    recovery.forget("20261124-090000-000001")
    assert [k.visit_id for k in recovery.read()] == ["20261124-090100-000002"]
    recovery.forget("20261124-090100-000002")
    assert not recovery.path.exists()
    assert recovery.read() == []


def test_another_key_cannot_read_it(sqlite: Database) -> None:
    recovery = RecoveryFile.beside(sqlite)
    assert recovery is not None
    recovery.keep("20261124-090000-000001", ANSWERS, False)
    with pytest.raises(SQLAlchemyError):
        RecoveryFile(recovery.path, "another passphrase").read()


def test_a_server_station_uses_the_key_from_the_environment_or_keyring_or_keeps_nothing(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No passphrase of its own: `INTAKE_DB_KEY` or the keyring (`stored_key`), else no file at all."""
    server = open_database(postgres_url, None)
    try:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
        keys = iter([None, "station key"])
        monkeypatch.setattr("intake.store.recovery.stored_key", lambda: next(keys))
        assert RecoveryFile.beside(server) is None
        recovery = RecoveryFile.beside(server)
        assert recovery is not None and recovery.path == tmp_path / "headache-intake" / RECOVERY_FILE
        recovery.keep("20261124-090000-000001", ANSWERS, False)
        assert [k.response for k in RecoveryFile(recovery.path, "station key").read()] == [ANSWERS]
    finally:
        server.close()

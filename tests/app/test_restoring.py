"""Restoring a backup: every visit and PDF back as it was, a damaged or unverifiable copy refused,
the replaced database kept, the audit key asked for only when this computer lacks it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from commit_together import FINISHED_ID, MARIA
from sqlalchemy.exc import SQLAlchemyError

from audit_keys import AUDIT_KEY, OTHER_KEY
from cases import VIGNETTES, vignette
from intake.app.backups import make_backup
from intake.app.desk import KIOSK_ID
from intake.app.finishing import FinishedVisit
from intake.app.restoring import Restored, RestoreRefused, restore
from intake.app.staff_desk import StaffDesk
from intake.app.station import Station
from intake.paths import data_dir
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.audit import Action, AuditLog
from intake.store.database import DATABASE_FILE, open_database
from intake.store.errors import NoKey
from intake.store.keys import AUDIT_KEY_ENV, KEY_ENV, audit_key_file, stored_audit_key
from intake.store.sqlite_copy import NotSQLite
from intake.store.stores import Stores
from intake.store.visits import VisitStore

PASSPHRASE = "app test passphrase"
"""The app tests' database passphrase (tests/app/conftest.py)."""
ACTOR = "cli:tester"
KEY_TEXT = AUDIT_KEY.secret.decode("utf-8")
EARLIER_ID = "20261120-080000-eeeeee"


def not_asked(*_args: object) -> str:
    raise AssertionError("nobody should have been asked")


def _restore(source: Path, ask_audit_key: Callable[[], str | None] = not_asked) -> Restored:
    return restore(Settings(), source, not_asked, ask_audit_key, ACTOR)


@pytest.fixture
def fresh_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Another computer's data dir, with the clinic's passphrase and audit key in its environment."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    monkeypatch.setenv(KEY_ENV, PASSPHRASE)
    monkeypatch.setenv(AUDIT_KEY_ENV, KEY_TEXT)
    return data_dir() / DATABASE_FILE


@pytest.fixture
def backup(station: Station, finished_v01: FinishedVisit, tmp_path: Path) -> Path:
    """A backup of the station with V01 finished at the kiosk and viewed by maria (audited)."""
    with station.audited(Action.FINISHED, KIOSK_ID, FINISHED_ID) as transaction:
        transaction.visits.finish(
            FINISHED_ID, finished_v01.response.to_json_dict(), finished_v01.assessment.to_json_dict(), finished_v01.pdf
        )
    StaffDesk(station, MARIA).view(FINISHED_ID)
    return make_backup(station, "maria", tmp_path / "backups" / "visits-backup.db")


@pytest.fixture
def current(fresh_place: Path) -> Path:
    """A database already in the fresh place, with one visit of its own."""
    with open_database(None, PASSPHRASE, fresh_place) as database:
        VisitStore(database).create(EARLIER_ID, vignette("V02"))
    return fresh_place


def _ids(path: Path) -> list[str]:
    with open_database(None, PASSPHRASE, path) as database:
        return sorted(visit.id for visit in VisitStore(database).list())


def _last_row(path: Path) -> tuple[str, str]:
    with open_database(None, PASSPHRASE, path) as database:
        check = AuditLog(database, AUDIT_KEY).verify()
        assert check.problems == []
        row = AuditLog(database, AUDIT_KEY).rows()[-1]
    return row.staff_id, row.action


def test_every_vignette_comes_back_with_its_pdf(station: Station, fresh_place: Path, tmp_path: Path) -> None:
    maria = StaffDesk(station, MARIA)
    ids = [maria.import_response(parse_response(case["response"], station.form)).visit_id for case in VIGNETTES]
    backup = maria.back_up(tmp_path / "backups" / "all.db")
    restored = _restore(backup)
    assert restored.database == fresh_place and restored.replaced is None
    assert (restored.check.visits, restored.check.problems) == (len(VIGNETTES), [])
    with open_database(None, PASSPHRASE, fresh_place) as database:
        copies = VisitStore(database)
        for visit_id in ids:
            original, copy = station.required_stores().visits.get(visit_id), copies.get(visit_id)
            assert copy == original, visit_id
            assert copy.pdf is not None and copy.pdf.startswith(b"%PDF")
    assert _last_row(fresh_place) == (ACTOR, "restored")


def test_the_replaced_database_is_kept_beside_the_restored_one(backup: Path, current: Path) -> None:
    restored = _restore(backup)
    assert restored.replaced is not None and restored.replaced.name.startswith("visits.db.replaced-")
    assert _ids(current) == [FINISHED_ID]
    assert _ids(restored.replaced) == [EARLIER_ID]
    assert [path.name for path in current.parent.iterdir() if path.name.endswith(".part")] == []


def _damaged(backup: Path, tmp_path: Path, change: Callable[[Stores], None]) -> Path:
    """A copy of the backup changed with the database passphrase alone (no audit key)."""
    copy = tmp_path / "changed.db"
    shutil.copyfile(backup, copy)
    with open_database(None, PASSPHRASE, copy) as database, database.engine.begin() as connection:
        change(connection)
    return copy


def _flipped(backup: Path, tmp_path: Path) -> Path:
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x01
    (tmp_path / "flipped.db").write_bytes(data)
    return tmp_path / "flipped.db"


def _truncated(backup: Path, tmp_path: Path) -> Path:
    (tmp_path / "truncated.db").write_bytes(backup.read_bytes()[:-1000])
    return tmp_path / "truncated.db"


@pytest.mark.parametrize(
    ("spoil", "named"),
    [
        (_flipped, "damaged: HMAC verification failed for page"),
        (_truncated, "cut short: "),
        (
            lambda backup, tmp_path: _damaged(
                backup, tmp_path, lambda c: c.exec_driver_sql("UPDATE audit SET staff_id = 'mallory' WHERE seq = 1")
            ),
            "its audit log does not verify: seq 1: contents changed after it was written",
        ),
        (
            lambda backup, tmp_path: _damaged(
                backup, tmp_path, lambda c: c.exec_driver_sql("UPDATE visits SET outcome = 'NOT_ELIGIBLE'")
            ),
            f"its audit log does not verify: visit {FINISHED_ID}: ",
        ),
        (
            lambda backup, tmp_path: _damaged(backup, tmp_path, lambda c: c.exec_driver_sql("DELETE FROM audit WHERE seq = 1")),
            "its audit log does not verify: ",
        ),
        (
            lambda backup, tmp_path: _damaged(
                backup, tmp_path, lambda c: c.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_later'")
            ),
            "made by a newer version of intake",
        ),
    ],
    ids=["bytes-flipped", "truncated", "audit-row-changed", "visit-changed-behind-the-log", "audit-row-removed",
         "newer-schema"],
)
def test_a_damaged_backup_is_refused_naming_the_damage_and_nothing_changes(
    backup: Path, current: Path, tmp_path: Path, spoil, named: str
) -> None:
    before = current.read_bytes()
    with pytest.raises(RestoreRefused) as refused:
        _restore(spoil(backup, tmp_path))
    assert refused.value.problems[0].startswith(named), refused.value.problems
    assert current.read_bytes() == before
    assert sorted(path.name for path in current.parent.iterdir()) == [DATABASE_FILE]


def test_a_backup_under_another_passphrase_is_refused(backup: Path, current: Path, monkeypatch) -> None:
    monkeypatch.setenv(KEY_ENV, "another passphrase")
    with pytest.raises(RestoreRefused, match="does not open with the database passphrase"):
        _restore(backup)
    monkeypatch.setenv(KEY_ENV, PASSPHRASE)
    assert _ids(current) == [EARLIER_ID]


def test_a_backup_signed_with_another_audit_key_is_refused_saying_how_to_give_it(backup: Path, fresh_place, monkeypatch) -> None:
    monkeypatch.setenv(AUDIT_KEY_ENV, OTHER_KEY.secret.decode("utf-8"))
    with pytest.raises(RestoreRefused) as refused:
        _restore(backup)
    assert refused.value.problems == [
        "its audit log does not verify: no keyed row verifies with this audit key: it is not the key the log was "
        "written with",
        f"if it comes from another station, give that station's audit key in {AUDIT_KEY_ENV}",
    ]
    assert not fresh_place.exists()


def test_without_an_audit_key_here_the_person_is_asked_and_the_key_is_kept(backup: Path, fresh_place, monkeypatch) -> None:
    monkeypatch.delenv(AUDIT_KEY_ENV)
    asked: list[str] = []

    def person() -> str:
        asked.append("audit key")
        return f"  {KEY_TEXT}\n"

    _restore(backup, person)
    assert asked == ["audit key"]
    assert stored_audit_key(audit_key_file(None)) == AUDIT_KEY, "the kiosk will open the restored database"
    assert _last_row(fresh_place) == (ACTOR, "restored")


def test_no_audit_key_given_restores_nothing(backup: Path, current: Path, monkeypatch) -> None:
    monkeypatch.delenv(AUDIT_KEY_ENV)
    before = current.read_bytes()
    with pytest.raises(NoKey, match=AUDIT_KEY_ENV):
        _restore(backup, lambda: None)
    assert current.read_bytes() == before
    assert stored_audit_key(audit_key_file(None)) is None


def test_a_backup_with_nothing_signed_yet_needs_no_audit_key(station: Station, fresh_place, tmp_path, monkeypatch) -> None:
    empty = make_backup(station, "maria", tmp_path / "empty.db")
    monkeypatch.delenv(AUDIT_KEY_ENV)
    _restore(empty)
    assert stored_audit_key(audit_key_file(None)) is not None, "made, as at a first start"


def test_a_database_in_use_is_not_replaced(backup: Path, current: Path) -> None:
    with open_database(None, PASSPHRASE, current) as kiosk:
        VisitStore(kiosk).list()
        with pytest.raises(RestoreRefused, match="open in another program"):
            _restore(backup)
    assert _ids(current) == [EARLIER_ID]


def test_a_refused_restored_row_puts_the_previous_database_back(backup: Path, current: Path, tmp_path: Path) -> None:
    refusing = _damaged(
        backup, tmp_path, lambda c: c.exec_driver_sql(
            "CREATE TRIGGER refuse_insert_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'refused'); END"
        ),
    )
    with pytest.raises(SQLAlchemyError, match="refused"):
        _restore(refusing)
    assert _ids(current) == [EARLIER_ID]
    assert sorted(path.name for path in current.parent.iterdir()) == [DATABASE_FILE]


def test_a_postgresql_database_is_restored_on_its_server(backup: Path) -> None:
    with pytest.raises(NotSQLite, match="pg_restore"):
        restore(Settings(database_url="postgresql+psycopg://clinic@server/intake"), backup, not_asked, not_asked, ACTOR)

"""Opening the encrypted SQLite file: nothing readable, wrong keys refused, nothing lost."""

from __future__ import annotations

import json

import pytest

from cases import vignette
from intake.store.database import open_database
from intake.store.errors import NoKey, WrongKeyOrDamaged
from intake.store.visits import VisitStore

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

"""Opening a station: the clinic's form and rules, its database (the key from the
environment, the keyring or a person), and the kiosk's start-up use cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.app import opening
from intake.app.desk import ADMIN_PIN_ENV
from intake.app.opening import database_is_new, load_form_and_rules, open_kiosk, open_stores
from intake.paths import data_dir
from intake.settings import Settings, settings_path
from intake.store.errors import NoKey, WrongKeyOrDamaged
from intake.store.keys import KEY_ENV
from intake.store.recovery import RecoveryFile
from intake.visit_status import UNFINISHED
from intake.yamlfile import DataFileError

VISIT = "20261124-090000-000001"
DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}


class Person:
    """Answers the passphrase prompt, and remembers whether it was for a new database."""

    def __init__(self, passphrase: str | None) -> None:
        self.passphrase = passphrase
        self.asked: list[bool] = []

    def __call__(self, new: bool) -> str | None:
        self.asked.append(new)
        return self.passphrase


@pytest.fixture
def no_stored_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the environment nor this machine's keyring holds a key."""
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setattr(opening, "stored_key", lambda: None)


def test_the_form_and_the_clinics_policy_are_loaded(form) -> None:
    loaded_form, rules = load_form_and_rules(Settings(policy="nice-ta260"))
    assert (loaded_form.id, rules.policy.name) == (form.id, "nice-ta260")


def test_an_unknown_policy_is_reported_against_the_settings_file() -> None:
    with pytest.raises(DataFileError) as raised:
        load_form_and_rules(Settings(policy="no-such-policy"))
    assert raised.value.path == settings_path()
    assert raised.value.problems[0].startswith("policy: ")


def test_a_database_is_new_until_its_file_exists() -> None:
    assert database_is_new(Settings())
    assert not database_is_new(Settings(database_url="postgresql+psycopg://intake@/clinic"))
    data_dir().mkdir(parents=True)
    (data_dir() / "visits.db").write_bytes(b"")
    assert not database_is_new(Settings())


def test_a_person_chooses_the_key_of_a_new_database_then_types_it(no_stored_key: None) -> None:
    person = Person("our clinic's passphrase")
    open_stores(Settings(), person).database.close()
    opened = open_stores(Settings(), person)
    assert opened.database.where == str(data_dir() / "visits.db")
    opened.database.close()
    assert person.asked == [True, False]


def test_a_key_from_the_environment_is_used_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "unattended station key")
    person = Person(None)
    open_stores(Settings(), person).database.close()
    assert person.asked == []


def test_no_key_or_a_wrong_one_is_refused(no_stored_key: None) -> None:
    with pytest.raises(NoKey):
        open_stores(Settings(), Person(None))
    open_stores(Settings(), Person("our clinic's passphrase")).database.close()
    with pytest.raises(WrongKeyOrDamaged):
        open_stores(Settings(), Person("a guess"))


def test_the_kiosk_opens_with_interrupted_visits_kept_and_the_first_admin_made(
    monkeypatch: pytest.MonkeyPatch, form, us_rules, tmp_path: Path
) -> None:
    monkeypatch.setenv(KEY_ENV, "unattended station key")
    earlier = open_stores(Settings(), Person(None))
    earlier.visits.create(VISIT, DRAFT)
    earlier.database.close()
    monkeypatch.setenv(ADMIN_PIN_ENV, "5092")
    desk = open_kiosk(Settings(clinic_name="Clinique du Lac"), form, us_rules, Person(None), tmp_path / "settings.yaml")
    stores = desk.station.required_stores()
    try:
        assert (desk.settings.clinic_name, desk.station.settings_file) == ("Clinique du Lac", tmp_path / "settings.yaml")
        assert stores.visits.get(VISIT).summary.status == UNFINISHED
        assert not desk.needs_first_admin()
        assert [(row.staff_id, row.action, row.visit_id, row.subject) for row in stores.audit.rows()] == [
            ("kiosk", "interrupted", VISIT, None), ("kiosk", "staff_added", None, "admin"),
        ]
    finally:
        stores.database.close()


def test_the_kiosk_opens_with_answers_refused_at_finish_read_back_from_the_recovery_file(
    monkeypatch: pytest.MonkeyPatch, form, us_rules, tmp_path: Path
) -> None:
    monkeypatch.setenv(KEY_ENV, "unattended station key")
    earlier = open_stores(Settings(), Person(None))
    earlier.visits.create(VISIT, DRAFT)
    recovery = RecoveryFile.beside(earlier.database)
    assert recovery is not None
    answers = {**DRAFT, "answers": {"given_name": "Zoë"}}
    recovery.keep(VISIT, answers, False)
    earlier.database.close()
    desk = open_kiosk(Settings(), form, us_rules, Person(None), tmp_path / "settings.yaml")
    stores = desk.station.required_stores()
    try:
        stored = stores.visits.get(VISIT)
        assert (stored.summary.status, stored.response) == (UNFINISHED, answers)
        assert [(row.action, row.visit_id) for row in stores.audit.rows()] == [("recovered", VISIT)], "not also interrupted"
        assert not recovery.path.exists()
    finally:
        stores.database.close()

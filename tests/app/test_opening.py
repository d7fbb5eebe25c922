"""Opening a station: the clinic's form and rules, its database (the key from the
environment, the keyring or a person), and the kiosk's start-up use cases."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from intake.app import opening
from intake.app.desk import ADMIN_PIN_ENV
from intake.app.opening import PassphrasePrompt, database_is_new, load_form_and_rules, open_kiosk, open_stores
from intake.app.station_id import station_id
from intake.paths import config_dir, data_dir
from intake.settings import Settings, settings_path
from intake.store.audit import Action, AuditKey
from intake.store.database import open_database
from intake.store.errors import NoKey, WrongKeyOrDamaged
from intake.store.keys import AUDIT_KEY_ENV, KEY_ENV, NoAuditKey
from intake.store.recovery import RecoveryFile
from intake.store.visits import VisitStore
from intake.visit_status import UNFINISHED
from intake.yamlfile import DataFileError

VISIT = "20261124-090000-000001"
DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}


class Person:
    """Answers the passphrase prompt, and remembers whether it was for a new database and what it was told."""

    def __init__(self, passphrase: str | None, *more: str) -> None:
        self.answers = [passphrase, *more]
        self.asked: list[bool] = []
        self.prompts: list[PassphrasePrompt] = []

    def __call__(self, prompt: PassphrasePrompt) -> str | None:
        self.asked.append(prompt.new)
        self.prompts.append(prompt)
        return self.answers[min(len(self.prompts), len(self.answers)) - 1]


@pytest.fixture
def no_stored_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the environment nor this machine's keyring holds a key."""
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setattr(opening, "stored_key", lambda _key_file=None: None)


def test_the_form_and_the_clinics_policy_are_loaded(form) -> None:
    loaded_form, rules = load_form_and_rules(Settings(policy="nice-ta260"))
    assert (loaded_form.id, rules.policy.name) == (form.id, "nice-ta260")


def test_an_unknown_policy_is_reported_against_the_settings_file() -> None:
    with pytest.raises(DataFileError) as raised:
        load_form_and_rules(Settings(policy="no-such-policy"))
    assert raised.value.path == settings_path()
    assert raised.value.problems[0].startswith("policy: ")


def test_a_kiosk_language_the_form_is_not_written_in_is_reported_against_the_settings_file(form) -> None:
    with pytest.raises(DataFileError) as raised:
        load_form_and_rules(Settings(language="fr", policy="no-such-policy"))
    assert raised.value.path == settings_path()
    assert raised.value.problems[0] == f"language: expected one of the form's languages ({', '.join(form.languages)}), got fr"
    assert raised.value.problems[1].startswith("policy: "), "every problem of the file at once"


def test_each_language_of_the_form_is_a_kiosk_language(form) -> None:
    for language in form.languages:
        assert load_form_and_rules(Settings(language=language))[0] == form


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


def test_a_wrong_passphrase_is_asked_for_again_saying_so_and_the_right_one_opens(no_stored_key: None) -> None:
    open_stores(Settings(), Person("our clinic's passphrase")).database.close()
    person = Person("a guess", "another guess", "our clinic's passphrase")
    open_stores(Settings(), person).database.close()
    assert [(prompt.new, prompt.tries_left) for prompt in person.prompts] == [(False, 3), (False, 2), (False, 1)]
    assert person.prompts[0].refused is None
    assert all("the passphrase is wrong" in (prompt.refused or "") for prompt in person.prompts[1:])


def test_the_third_wrong_passphrase_is_refused_and_nothing_typed_is_kept(no_stored_key: None) -> None:
    open_stores(Settings(), Person("our clinic's passphrase")).database.close()
    person = Person("a guess", "another guess", "a third guess", "our clinic's passphrase")
    with pytest.raises(WrongKeyOrDamaged):
        open_stores(Settings(), person)
    assert len(person.prompts) == 3
    written = [file.read_bytes() for folder in (config_dir(), data_dir()) for file in folder.rglob("*") if file.is_file()]
    assert written and not any(b"guess" in content or b"clinic's passphrase" in content for content in written)


def test_a_wrong_kept_passphrase_is_refused_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "unattended station key")
    open_stores(Settings(), Person(None)).database.close()
    monkeypatch.setenv(KEY_ENV, "another station's key")
    person = Person("unattended station key")
    with pytest.raises(WrongKeyOrDamaged):
        open_stores(Settings(), person)
    assert person.asked == [], "a key kept on the computer is never retried by asking"


def test_the_key_file_gives_the_passphrase_after_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_text("kept in a file\n", encoding="utf-8")
    key_file.chmod(0o600)
    monkeypatch.delenv(KEY_ENV, raising=False)
    person = Person(None)
    open_stores(Settings(key_file=key_file), person).database.close()
    monkeypatch.setenv(KEY_ENV, "kept in a file")
    open_stores(Settings(key_file=tmp_path / "elsewhere.key"), person).database.close()
    assert person.asked == []


def test_the_kiosk_opens_with_interrupted_visits_kept_and_the_first_admin_made(
    monkeypatch: pytest.MonkeyPatch, form, us_rules, tmp_path: Path
) -> None:
    monkeypatch.setenv(KEY_ENV, "unattended station key")
    earlier = open_stores(Settings(), Person(None))
    earlier.visits.create(VISIT, DRAFT)
    earlier.database.close()
    monkeypatch.setenv(ADMIN_PIN_ENV, "509217")
    desk = open_kiosk(Settings(clinic_name="Clinique du Lac"), form, us_rules, Person(None), tmp_path / "settings.yaml")
    stores = desk.station.required_stores()
    try:
        assert (desk.settings.clinic_name, desk.station.settings_file) == ("Clinique du Lac", tmp_path / "settings.yaml")
        assert stores.visits.get(VISIT).summary.status == UNFINISHED
        assert desk.station.station_id == station_id(), "this installation's id, kept in the data dir"
        assert not desk.needs_first_admin()
        assert [(row.staff_id, row.action, row.visit_id, row.subject) for row in stores.audit.rows()] == [
            ("kiosk", "interrupted", VISIT, None), ("kiosk", "staff_added", None, "admin"),
        ]
    finally:
        stores.database.close()


@pytest.fixture
def station_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """The database key from the environment, no audit key anywhere yet (the keyring fails in tests)."""
    monkeypatch.setenv(KEY_ENV, "unattended station key")
    monkeypatch.delenv(AUDIT_KEY_ENV, raising=False)


def test_the_first_start_makes_the_audit_key_in_a_private_file_and_later_starts_use_it(station_key: None) -> None:
    first = open_stores(Settings(), Person(None))
    first.audit.record(Action.VIEWED, "maria")
    first.database.close()
    key_file = config_dir() / "audit.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not list(data_dir().glob("*.key")), "the audit key is never kept beside the database"
    again = open_stores(Settings(), Person(None))
    try:
        assert again.audit_key == AuditKey(key_file.read_text().strip().encode())
        assert again.audit.verify().problems == []
    finally:
        again.database.close()


def test_a_clinics_own_key_file_is_used(station_key: None, tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "intake-audit.key"
    open_stores(Settings(audit_key_file=key_file), Person(None)).database.close()
    assert key_file.exists() and not (config_dir() / "audit.key").exists()


def test_the_audit_key_from_the_environment_overrides_the_kept_one(station_key: None, monkeypatch) -> None:
    open_stores(Settings(), Person(None)).database.close()
    monkeypatch.setenv(AUDIT_KEY_ENV, "e" * 64)
    stores = open_stores(Settings(), Person(None))
    try:
        assert stores.audit_key == AuditKey(b"e" * 64) != AuditKey((config_dir() / "audit.key").read_bytes().strip())
    finally:
        stores.database.close()


def test_a_signed_log_on_a_computer_without_its_key_is_refused_not_given_a_new_key(station_key: None) -> None:
    stores = open_stores(Settings(), Person(None))
    stores.audit.record(Action.VIEWED, "maria")
    stores.database.close()
    (config_dir() / "audit.key").unlink()
    with pytest.raises(NoAuditKey, match="audit log is signed with an audit key this computer does not have"):
        open_stores(Settings(), Person(None))
    assert not (config_dir() / "audit.key").exists()


def test_visits_kept_before_the_audit_key_are_sealed_at_the_first_start_with_it(station_key: None) -> None:
    with open_database(None, "unattended station key") as database:
        VisitStore(database).create(VISIT, DRAFT)
        VisitStore(database).set_aside(VISIT, DRAFT, False)
    stores = open_stores(Settings(), Person(None))
    try:
        assert [(row.staff_id, row.action, row.visit_id) for row in stores.audit.rows()] == [("system", "sealed", VISIT)]
        assert stores.audit.verify().problems == []
    finally:
        stores.database.close()


def test_an_emptied_log_is_not_sealed_again_so_its_visits_show_as_not_covered(station_key: None) -> None:
    stores = open_stores(Settings(), Person(None))
    with stores.transaction() as transaction:
        transaction.visits.create(VISIT, DRAFT)
        transaction.visits.set_aside(VISIT, DRAFT, False)
        transaction.audit.record(Action.SET_ASIDE, "kiosk", VISIT)
    with stores.database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM audit")
    stores.database.close()
    reopened = open_stores(Settings(), Person(None))
    try:
        assert reopened.audit.rows() == []
        assert reopened.audit.verify().problems == [
            f"visit {VISIT}: no audit row covers it (added to the visits table directly?)"
        ]
    finally:
        reopened.database.close()


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

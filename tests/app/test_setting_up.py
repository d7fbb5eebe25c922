"""A clinic's first start: the wizard's answers written in order at "Set up", or nothing that stops a second try."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from intake.app.first_start import PassphraseSource
from intake.app.opening import PassphrasePrompt, open_stores
from intake.app.setting_up import ClinicSetUp, FirstAdmin, SetUpDone, SetUpFailed, clinic_settings, set_up_clinic
from intake.paths import config_dir, data_dir
from intake.settings import Settings, load_settings
from intake.store.audit import Action, AuditLog
from intake.store.keys import KEY_ENV, KEYRING_AUDIT_USER, KEYRING_SERVICE, KEYRING_USER, KeptIn
from memory_keyring import MemoryKeyring, using

PASSPHRASE = "harbour lights 42"
ADMIN = FirstAdmin("Maria", "Maria Lopez", "509217")


@pytest.fixture(autouse=True)
def _no_key_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv("INTAKE_AUDIT_KEY", raising=False)


@pytest.fixture
def os_keyring() -> Iterator[KeyringBackend]:
    yield from using(MemoryKeyring())


def _plan(passphrase: str | None = PASSPHRASE, admin: FirstAdmin = ADMIN, **settings: object) -> ClinicSetUp:
    answers = {"clinic_name": "Harbour Clinic", "clinic_phone": "555 0100", "policy": "nice-ta260", "language": "es"}
    return ClinicSetUp(clinic_settings(Settings(), **{**answers, **settings}), passphrase, admin)


def _nobody(_prompt: PassphrasePrompt) -> str | None:
    raise AssertionError("the next start finds the passphrase where the set-up kept it")


def _close(done: SetUpDone) -> None:
    done.desk.station.required_stores().database.close()


def test_everything_is_written_and_the_next_start_opens_without_asking(tmp_path: Path, os_keyring) -> None:
    settings_file = tmp_path / "settings.yaml"
    done = set_up_clinic(_plan(), settings_file)
    stores = done.desk.station.required_stores()
    rows = [(row.staff_id, row.action, row.subject) for row in stores.audit.rows()]
    _close(done)
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600
    saved = load_settings(settings_file)
    assert (saved.clinic_name, saved.clinic_phone, saved.policy, saved.language) == (
        "Harbour Clinic", "555 0100", "nice-ta260", "es")
    assert done.passphrase_source is PassphraseSource.KEYRING
    assert done.kept_in is KeptIn.KEYRING and os_keyring.secrets[(KEYRING_SERVICE, KEYRING_USER)] == PASSPHRASE
    audit_key = os_keyring.secrets[(KEYRING_SERVICE, KEYRING_AUDIT_USER)]
    assert "".join("".join(line.split()) for line in done.recovery_code) == audit_key
    assert [len(line.split()) for line in done.recovery_code] == [4, 4, 4, 4]
    assert rows == [("kiosk", Action.STAFF_ADDED, "maria"), ("maria", Action.SET_UP, None)]
    reopened = open_stores(saved, _nobody)
    try:
        assert [member.id for member in reopened.staff.list()] == ["maria"]
        assert reopened.audit.verify().problems == []
    finally:
        reopened.database.close()


def test_without_a_keyring_the_key_file_keeps_it_readable_by_this_user_only(tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "db.key"
    done = set_up_clinic(_plan(key_file=key_file), tmp_path / "settings.yaml")
    _close(done)
    assert done.kept_in is KeptIn.KEY_FILE and done.passphrase_source is PassphraseSource.NEW_KEY_FILE
    assert key_file.read_text(encoding="utf-8") == PASSPHRASE + "\n"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    open_stores(load_settings(tmp_path / "settings.yaml"), _nobody).database.close()


def test_with_neither_it_is_kept_nowhere_and_asked_at_the_next_start(tmp_path: Path) -> None:
    done = set_up_clinic(_plan(), tmp_path / "settings.yaml")
    _close(done)
    assert done.kept_in is KeptIn.NOWHERE and done.passphrase_source is PassphraseSource.TYPED
    asked: list[PassphrasePrompt] = []

    def person(prompt: PassphrasePrompt) -> str:
        asked.append(prompt)
        return PASSPHRASE

    open_stores(load_settings(tmp_path / "settings.yaml"), person).database.close()
    assert [prompt.new for prompt in asked] == [False]


def test_the_environments_passphrase_is_used_and_kept_nowhere(tmp_path: Path, monkeypatch, os_keyring) -> None:
    monkeypatch.setenv(KEY_ENV, "from the environment")
    done = set_up_clinic(_plan(passphrase=None), tmp_path / "settings.yaml")
    _close(done)
    assert done.kept_in is None and done.passphrase_source is None and (KEYRING_SERVICE, KEYRING_USER) not in os_keyring.secrets
    assert done.desk.station.required_stores().database.engine.url.password == "from the environment"


def test_a_failing_set_up_row_keeps_no_database_and_a_second_try_sets_up(tmp_path: Path, monkeypatch) -> None:
    record = AuditLog.record

    def refuse_set_up(self: AuditLog, action: Action, *args: object, **kwargs: object) -> object:
        if action is Action.SET_UP:
            raise OSError(28, "No space left on device")
        return record(self, action, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(AuditLog, "record", refuse_set_up)
    with pytest.raises(SetUpFailed, match=r"the first administrator could not be added .*No space left on device"):
        set_up_clinic(_plan(), tmp_path / "settings.yaml")
    assert not (data_dir() / "visits.db").exists(), "the next start sets up again"
    monkeypatch.setattr(AuditLog, "record", record)
    done = set_up_clinic(_plan(), tmp_path / "settings.yaml")
    rows = [(row.staff_id, row.action) for row in done.desk.station.required_stores().audit.rows()]
    _close(done)
    assert rows == [("kiosk", Action.STAFF_ADDED), ("maria", Action.SET_UP)], "no admin left from the first try"


def test_settings_that_cannot_be_saved_are_named_and_nothing_else_is_made(tmp_path: Path) -> None:
    folder = tmp_path / "settings.yaml"
    folder.mkdir()
    with pytest.raises(SetUpFailed) as failed:
        set_up_clinic(_plan(), folder)
    assert str(failed.value).startswith(f"{folder}: cannot save the settings")
    assert not (data_dir() / "visits.db").exists()


def test_a_key_file_others_may_read_is_named_and_no_database_is_made(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_text("from IT\n", encoding="utf-8")
    key_file.chmod(0o644)
    with pytest.raises(SetUpFailed) as failed:
        set_up_clinic(_plan(passphrase=None, key_file=key_file), tmp_path / "settings.yaml")
    assert failed.value.field == "key_file" and str(failed.value).startswith(str(key_file))
    assert not (data_dir() / "visits.db").exists()


@pytest.mark.parametrize(
    ("admin", "field"),
    [(FirstAdmin("M", "Maria", "509217"), "staff_id"), (FirstAdmin("maria", " ", "509217"), "name"),
     (FirstAdmin("maria", "Maria", "5092"), "pin"), (FirstAdmin("maria", "Maria", "555555"), "pin")],
)
def test_an_administrator_that_cannot_be_added_is_refused_before_anything_is_written(
    tmp_path: Path, admin: FirstAdmin, field: str
) -> None:
    with pytest.raises(SetUpFailed) as failed:
        set_up_clinic(_plan(admin=admin), tmp_path / "settings.yaml")
    assert failed.value.field == field
    assert not (tmp_path / "settings.yaml").exists() and not (data_dir() / "visits.db").exists()
    assert not (config_dir() / "audit.key").exists()


def test_a_short_passphrase_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(SetUpFailed) as failed:
        set_up_clinic(_plan(passphrase="short"), tmp_path / "settings.yaml")
    assert failed.value.field == "passphrase" and not (tmp_path / "settings.yaml").exists()


def test_the_clinics_answers_are_checked_as_the_settings_file_is() -> None:
    with pytest.raises(SetUpFailed) as failed:
        clinic_settings(Settings(), clinic_name="")
    assert failed.value.field == "clinic_name"
    assert clinic_settings(Settings(midas=True), clinic_name="Harbour").midas, "the prefilled file's other settings stay"

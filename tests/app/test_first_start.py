"""Whether a start sets the clinic up, and where the wizard's passphrase comes from and goes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from intake.app.first_start import FirstStart, PassphrasePlan, PassphraseSource, first_start, passphrase_plan
from intake.paths import data_dir
from intake.settings import Settings
from intake.store.keys import KEYRING_PROBE_USER, KEYRING_SERVICE
from memory_keyring import MemoryKeyring, using

POSTGRES = "postgresql+psycopg://intake@/clinic"
BOTH = {"INTAKE_DB_KEY": "station key", "INTAKE_ADMIN_PIN": "509217"}


def _database_file() -> None:
    data_dir().mkdir(parents=True)
    (data_dir() / "visits.db").write_bytes(b"")


@pytest.mark.parametrize(
    ("database", "environment", "expected"),
    [
        ("new", {}, FirstStart.WIZARD),
        ("new", {"INTAKE_DB_KEY": "station key"}, FirstStart.WIZARD),
        ("new", {"INTAKE_ADMIN_PIN": "509217"}, FirstStart.WIZARD),
        ("new", {"INTAKE_DB_KEY": "", "INTAKE_ADMIN_PIN": "509217"}, FirstStart.WIZARD),
        ("new", BOTH, FirstStart.SCRIPTED),
        ("existing", {}, FirstStart.OPEN),
        ("existing", BOTH, FirstStart.OPEN),
        ("postgres", {}, FirstStart.OPEN),
        ("postgres", BOTH, FirstStart.OPEN),
    ],
)
def test_the_wizard_shows_for_a_new_database_of_this_computer_unless_the_install_is_scripted(
    database: str, environment: dict[str, str], expected: FirstStart
) -> None:
    if database == "existing":
        _database_file()
    settings = Settings(database_url=POSTGRES if database == "postgres" else None)
    assert first_start(settings, environment) is expected


@pytest.fixture
def os_keyring() -> Iterator[KeyringBackend]:
    yield from using(MemoryKeyring())


def test_a_working_keyring_keeps_it_and_its_check_leaves_nothing(os_keyring: MemoryKeyring) -> None:
    assert passphrase_plan(Settings(), {}) == PassphrasePlan(PassphraseSource.KEYRING, None)
    assert (KEYRING_SERVICE, KEYRING_PROBE_USER) not in os_keyring.secrets


def test_without_a_keyring_the_key_file_else_typed_at_each_start(tmp_path: Path) -> None:
    key_file = tmp_path / "db.key"
    assert passphrase_plan(Settings(key_file=key_file), {}) == PassphrasePlan(PassphraseSource.NEW_KEY_FILE, key_file)
    assert passphrase_plan(Settings(), {}).source is PassphraseSource.TYPED


def test_the_environment_then_an_existing_key_file_give_it_and_nothing_is_asked(tmp_path: Path, os_keyring) -> None:
    key_file = tmp_path / "db.key"
    key_file.write_text("from IT\n", encoding="utf-8")
    assert passphrase_plan(Settings(key_file=key_file), {}).source is PassphraseSource.KEY_FILE
    plan = passphrase_plan(Settings(key_file=key_file), {"INTAKE_DB_KEY": "station key"})
    assert plan.source is PassphraseSource.ENVIRONMENT
    assert [source.asked for source in PassphraseSource] == [False, False, True, True, True]

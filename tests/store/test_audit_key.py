"""Where the keys come from: the audit key from the environment, its file or the OS
keyring, made once (256 random bits) where none is kept, and never replaced."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from intake.paths import config_dir
from intake.store.audit import AuditKey
from intake.store.keys import (
    AUDIT_KEY_ENV,
    KEY_ENV,
    KEYRING_AUDIT_USER,
    KEYRING_SERVICE,
    NoAuditKey,
    audit_key_file,
    new_audit_key,
    stored_audit_key,
    stored_key,
)
from memory_keyring import MemoryKeyring, using

KEY = "a" * 64


class NoDBusKeyring(MemoryKeyring):
    """A keyring whose session bus is missing: every call fails the way secretstorage's does."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


@pytest.fixture
def os_keyring() -> Iterator[KeyringBackend]:
    yield from using(MemoryKeyring())


@pytest.fixture
def broken_keyring() -> Iterator[KeyringBackend]:
    yield from using(NoDBusKeyring())


@pytest.fixture(autouse=True)
def _no_key_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(AUDIT_KEY_ENV, raising=False)
    monkeypatch.delenv(KEY_ENV, raising=False)


def test_the_key_file_lives_in_the_config_dir_unless_the_clinic_names_one(tmp_path: Path) -> None:
    assert audit_key_file(None) == config_dir() / "audit.key"
    assert audit_key_file(tmp_path / "elsewhere.key") == tmp_path / "elsewhere.key"


def test_without_a_keyring_a_new_key_goes_to_a_file_only_its_user_can_read(tmp_path: Path) -> None:
    key_file = tmp_path / "config" / "audit.key"
    made = new_audit_key(key_file)
    kept = key_file.read_text().strip()
    assert len(kept) == 64 and int(kept, 16) >= 0
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert made == stored_audit_key(key_file) == AuditKey(kept.encode())
    assert [path.name for path in key_file.parent.iterdir()] == ["audit.key"], "no temporary file is left behind"


def test_a_key_file_already_there_is_never_replaced(tmp_path: Path) -> None:
    key_file = tmp_path / "audit.key"
    first = new_audit_key(key_file)
    assert new_audit_key(key_file) == first, "a second process making a key at the same time uses the first one's"


def test_with_a_keyring_a_new_key_is_kept_there_and_no_file_is_written(tmp_path: Path, os_keyring) -> None:
    key_file = tmp_path / "audit.key"
    made = new_audit_key(key_file)
    assert not key_file.exists()
    kept = os_keyring.get_password(KEYRING_SERVICE, KEYRING_AUDIT_USER)
    assert made == AuditKey(kept.encode()) == stored_audit_key(key_file)


def test_a_keyring_without_a_session_bus_counts_as_none(tmp_path: Path, broken_keyring) -> None:
    key_file = tmp_path / "audit.key"
    assert stored_audit_key(key_file) is None and stored_key() is None
    made = new_audit_key(key_file)
    assert key_file.exists() and stored_audit_key(key_file) == made


def test_the_environment_overrides_the_file_and_the_keyring(tmp_path: Path, os_keyring, monkeypatch) -> None:
    key_file = tmp_path / "audit.key"
    key_file.write_text("b" * 64)
    os_keyring.set_password(KEYRING_SERVICE, KEYRING_AUDIT_USER, "c" * 64)
    assert stored_audit_key(key_file) == AuditKey(b"b" * 64), "the file, where a clinic put one, before the keyring"
    monkeypatch.setenv(AUDIT_KEY_ENV, KEY)
    assert stored_audit_key(key_file) == AuditKey(KEY.encode())


@pytest.mark.parametrize("where", ["environment", "file"])
def test_a_key_too_short_to_be_one_is_refused_not_replaced(tmp_path: Path, monkeypatch, where: str) -> None:
    key_file = tmp_path / "audit.key"
    if where == "environment":
        monkeypatch.setenv(AUDIT_KEY_ENV, "secret")
    else:
        key_file.write_text("secret\n")
    with pytest.raises(NoAuditKey, match="at least 32 characters"):
        stored_audit_key(key_file)


def test_a_key_file_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "audit.key"
    key_file.mkdir()
    with pytest.raises(NoAuditKey, match="cannot read the audit key"):
        stored_audit_key(key_file)

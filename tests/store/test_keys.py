"""Where the database passphrase comes from, and a keyring that fails on the way."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from intake.store.keys import KEY_ENV, KEYRING_SERVICE, KEYRING_USER, BadKeyFile, stored_key


class Keyring(KeyringBackend):
    """A keyring backend that holds one passphrase, or raises `failure` when read."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, held: str | None = None, failure: Exception | None = None) -> None:
        super().__init__()
        self.held, self.failure = held, failure

    def get_password(self, service: str, username: str) -> str | None:
        if self.failure is not None:
            raise self.failure
        return self.held if (service, username) == (KEYRING_SERVICE, KEYRING_USER) else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


@pytest.fixture
def use_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[Keyring]]:
    """Install a keyring for one test (no key in the environment), then put the machine's back."""
    monkeypatch.delenv(KEY_ENV, raising=False)
    previous = keyring.get_keyring()
    yield Keyring
    keyring.set_keyring(previous)


def test_the_environment_comes_first(use_keyring, monkeypatch) -> None:
    keyring.set_keyring(use_keyring(held="from the keyring"))
    monkeypatch.setenv(KEY_ENV, "from the environment")
    assert stored_key() == "from the environment"


def test_then_the_keyring(use_keyring) -> None:
    keyring.set_keyring(use_keyring(held="from the keyring"))
    assert stored_key() == "from the keyring"


def test_no_keyring_on_this_machine_is_quiet_and_asks(use_keyring, caplog) -> None:
    keyring.set_keyring(use_keyring(failure=NoKeyringError("No recommended backend was available.")))
    with caplog.at_level(logging.INFO, logger="intake.store.keys"):
        assert stored_key() is None
    logged = [(record.levelno, record.getMessage()) for record in caplog.records]
    assert logged == [(logging.INFO, "no usable OS keyring: NoKeyringError")]


@pytest.mark.parametrize(
    "failure",
    [RuntimeError("org.freedesktop.DBus.Error.NotSupported: Unable to autolaunch a dbus-daemon without a $DISPLAY"),
     OSError(2, "No such file or directory"), ValueError("bad collection")],
    ids=lambda failure: type(failure).__name__,
)
def test_a_keyring_that_fails_otherwise_gives_one_clean_line_and_asks(use_keyring, caplog, failure) -> None:
    keyring.set_keyring(use_keyring(failure=failure))
    with caplog.at_level(logging.INFO, logger="intake.store.keys"):
        assert stored_key() is None
    [record] = caplog.records
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert record.getMessage() == (
        f"the OS keyring could not be read ({type(failure).__name__}); asking for the passphrase instead")


def _key_file(tmp_path, text: str = "kept in a file\n", mode: int = 0o600):
    path = tmp_path / "db.key"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_the_key_file_comes_after_the_environment_and_before_the_keyring(use_keyring, tmp_path, monkeypatch) -> None:
    keyring.set_keyring(use_keyring(held="from the keyring"))
    key_file = _key_file(tmp_path)
    assert stored_key(key_file) == "kept in a file", "its line without the line end"
    monkeypatch.setenv(KEY_ENV, "from the environment")
    assert stored_key(key_file) == "from the environment"


def test_a_key_file_that_is_not_there_leaves_the_keyring_to_answer(use_keyring, tmp_path) -> None:
    keyring.set_keyring(use_keyring(held="from the keyring"))
    assert stored_key(tmp_path / "missing.key") == "from the keyring"


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o644], ids=oct)
def test_a_key_file_others_may_read_is_refused_naming_it(use_keyring, tmp_path, mode) -> None:
    keyring.set_keyring(use_keyring(held="from the keyring"))
    key_file = _key_file(tmp_path, mode=mode)
    with pytest.raises(BadKeyFile) as refused:
        stored_key(key_file)
    assert str(refused.value) == (
        f"{key_file} (the key_file setting): the database passphrase file may be read or changed by others "
        f"(mode {mode:04o}): make it 0600"
    )


def test_a_link_a_folder_or_an_empty_file_is_refused(use_keyring, tmp_path) -> None:
    keyring.set_keyring(use_keyring(held="from the keyring"))
    target = _key_file(tmp_path)
    link = tmp_path / "link.key"
    link.symlink_to(target)
    folder = tmp_path / "folder.key"
    folder.mkdir(mode=0o700)
    empty = tmp_path / "empty.key"
    empty.write_text("\n", encoding="utf-8")
    empty.chmod(0o600)
    for path, problem in ((link, "is not a regular file"), (folder, "is not a regular file"), (empty, "is empty")):
        with pytest.raises(BadKeyFile, match=problem) as refused:
            stored_key(path)
        assert str(refused.value).startswith(f"{path} (the key_file setting): ")


def test_a_key_file_of_another_user_is_refused(use_keyring, tmp_path, monkeypatch) -> None:
    keyring.set_keyring(use_keyring(held="from the keyring"))
    key_file = _key_file(tmp_path)
    monkeypatch.setattr("os.geteuid", lambda: key_file.stat().st_uid + 1)
    with pytest.raises(BadKeyFile, match="is not owned by the user running intake"):
        stored_key(key_file)

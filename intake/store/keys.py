"""Where the keys come from: the database passphrase and the audit key.

Never from the repository or a file beside the database. `INTAKE_DB_KEY` is for
unattended stations and tests; a kiosk without an OS keyring may name a key file (the
`key_file` setting: a 0600 file of its own user's, refused otherwise); a desktop keeps
it in the OS keyring; otherwise staff type it when the app starts. Looked up in that
order.

The audit key signs the audit log (see `audit.py`), and is kept apart from the database
so that whoever holds the database and its passphrase still cannot rewrite the log.
`INTAKE_AUDIT_KEY` overrides; else the audit key file (the `audit_key_file` setting,
by default `audit.key` in the config dir, never in the data dir); else the OS keyring.
A new one (256 random bits, as 64 hex digits) is made only while the log has no keyed
row, and goes to the OS keyring or, where there is none, to the key file (mode 0600).
Stations sharing a PostgreSQL server share one audit key: the first makes it, the others
are given it (the variable, or a copy of the file); a station without it is refused
rather than starting a second chain.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import tempfile
from enum import Enum
from pathlib import Path

from intake.atomic import write_private
from intake.paths import config_dir
from intake.store.audit_chain import MIN_KEY_LENGTH, AuditKey
from intake.store.errors import NoKey

KEY_ENV = "INTAKE_DB_KEY"
AUDIT_KEY_ENV = "INTAKE_AUDIT_KEY"
KEYRING_SERVICE = "headache-intake"
KEYRING_USER = "visits-database"
KEYRING_AUDIT_USER = "audit-key"
KEYRING_PROBE_USER = "keyring-check"
AUDIT_KEY_FILE_NAME = "audit.key"

log = logging.getLogger(__name__)


class NoAuditKey(NoKey):
    """The audit log is signed and this computer has no usable key for it: a person must give it."""


class BadKeyFile(NoKey):
    """The `key_file` setting names a file that may not hold the passphrase (anyone else could read
    or replace it), or that cannot be read: the kiosk refuses it rather than ask or guess."""


class KeptIn(Enum):
    """Where the database passphrase chosen at set-up is kept for the next start."""

    KEYRING = "keyring"
    KEY_FILE = "key file"
    NOWHERE = "nowhere"
    """Staff type it at each start."""


def stored_key(key_file: Path | None = None) -> str | None:
    """The passphrase from the environment, the key file (the `key_file` setting), or the OS keyring;
    None to ask staff. A key file that is missing is passed over; one that is there but unsafe or
    unreadable is `BadKeyFile`."""
    environment = os.environ.get(KEY_ENV)
    if environment:
        return environment
    if key_file is not None and os.path.lexists(key_file):
        return read_key_file(key_file)
    if key_file is not None:
        log.warning("%s: the key_file setting names no file; looking in the OS keyring", key_file)
    return _from_keyring(KEYRING_USER)


def key_file_problem(key_file: Path) -> str | None:
    """Why `key_file` may not hold the passphrase, or None: it must be a regular file (not a link),
    owned by the user running the kiosk, with no permission for its group or others (0600)."""
    try:
        status = key_file.lstat()
    except OSError as error:
        return f"cannot be read ({error.strerror or type(error).__name__})"
    if not stat.S_ISREG(status.st_mode):
        return "is not a regular file (a link, a folder or a device)"
    owner = getattr(os, "geteuid", None)
    if owner is not None and status.st_uid != owner():
        return "is not owned by the user running intake"
    if status.st_mode & 0o077:
        return f"may be read or changed by others (mode {stat.S_IMODE(status.st_mode):04o}): make it 0600"
    return None


def read_key_file(key_file: Path) -> str:
    """The passphrase in `key_file` (its one line, without the line end); `BadKeyFile` names the file
    and what is wrong with it."""
    problem = key_file_problem(key_file)
    if problem is None:
        try:
            text = key_file.read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as error:
            problem = f"cannot be read ({type(error).__name__})"
        else:
            problem = None if text else "is empty"
    if problem is not None:
        raise BadKeyFile(f"{key_file} (the key_file setting): the database passphrase file {problem}")
    return text


def keyring_works() -> bool:
    """Whether this computer's OS keyring keeps a secret: one is stored, read back and removed."""
    probe = secrets.token_hex(8)
    works = _to_keyring(KEYRING_PROBE_USER, probe)
    if works:
        _forget(KEYRING_PROBE_USER)
    return works


def keep_passphrase(passphrase: str, key_file: Path | None) -> KeptIn:
    """The passphrase chosen at set-up, where `stored_key` finds it at the next start: the OS keyring
    when it keeps it, else the key file (written whole, 0600), else nowhere (staff type it)."""
    if _to_keyring(KEYRING_USER, passphrase):
        return KeptIn.KEYRING
    if key_file is not None:
        write_private(key_file, (passphrase + "\n").encode("utf-8"))
        return KeptIn.KEY_FILE
    return KeptIn.NOWHERE


def audit_key_file(configured: Path | None) -> Path:
    """The clinic's `audit_key_file`, else `audit.key` in the config dir."""
    return configured or config_dir() / AUDIT_KEY_FILE_NAME


def stored_audit_key(key_file: Path) -> AuditKey | None:
    """The audit key from the environment, the key file or the OS keyring; None when none has one.

    A key that is there but unusable (too short, an unreadable file) is `NoAuditKey`,
    never replaced by a new one.
    """
    environment = os.environ.get(AUDIT_KEY_ENV)
    if environment:
        return _usable(environment, AUDIT_KEY_ENV)
    from_file = _read_key_file(key_file)
    if from_file is not None:
        return _usable(from_file, str(key_file))
    from_keyring = _from_keyring(KEYRING_AUDIT_USER)
    return _usable(from_keyring, "the OS keyring's audit key") if from_keyring else None


def new_audit_key(key_file: Path) -> AuditKey:
    """A new random audit key, kept in the OS keyring, else in `key_file` (created, never replaced)."""
    return keep_audit_key(key_file, secrets.token_hex(32), "made")


def keep_audit_key(key_file: Path, text: str, how: str = "given") -> AuditKey:
    """An audit key kept where `stored_audit_key` finds it: the OS keyring, else `key_file`
    (created, never replaced). A restore keeps the key its backup was verified with, so
    the kiosk opens the restored database without asking."""
    if _to_keyring(KEYRING_AUDIT_USER, text):
        log.info("audit key %s and kept in the OS keyring", how)
    else:
        text = _create_key_file(key_file, text)
        log.info("audit key %s and kept in its key file", how)
    return _usable(text, "the audit key")


def _usable(text: str, where: str) -> AuditKey:
    key = AuditKey.from_text(text)
    if key is None:
        raise NoAuditKey(f"{where}: an audit key needs at least {MIN_KEY_LENGTH} characters")
    return key


def _read_key_file(key_file: Path) -> str | None:
    try:
        return key_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise NoAuditKey(f"{key_file}: cannot read the audit key ({type(error).__name__})") from None


def _create_key_file(key_file: Path, text: str) -> str:
    """Written whole, readable by this user only, and linked into place only if no key file is
    there yet: when two processes make one at once, both use the first."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=key_file.parent, prefix=".audit-key-", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, key_file)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return _read_key_file(key_file) or text


def _from_keyring(user: str) -> str | None:
    """The OS keyring's copy, or None when there is none or it cannot be read.

    Backends fail in their own ways: no keyring at all is a `KeyringError`, while one
    that needs a D-Bus session without one raises RuntimeError or its library's errors.
    Either way staff can still type the passphrase, so a failure is one log line naming
    its type (never its text, which may be long), not the end of the program.
    """
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, user)
    except KeyringError as error:
        log.info("no usable OS keyring: %s", type(error).__name__)
    except Exception as error:  # noqa: BLE001 - any backend failure means "not kept there"
        log.warning("the OS keyring could not be read (%s); asking for the passphrase instead", type(error).__name__)
    return None


def _forget(user: str) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, user)
    except Exception as error:  # noqa: BLE001 - a probe left behind holds nothing secret
        log.info("the OS keyring kept its check entry: %s", type(error).__name__)


def _to_keyring(user: str, text: str) -> bool:
    """Whether the keyring took the secret and gives it back (some backends accept and forget)."""
    try:
        import keyring
    except ImportError:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, user, text)
        return keyring.get_password(KEYRING_SERVICE, user) == text
    except Exception as error:  # noqa: BLE001 - as in `_from_keyring`: the key file is then used instead
        log.info("no usable OS keyring: %s", type(error).__name__)
        return False

"""Where the database passphrase comes from: environment, OS keyring, or staff.

Never from the repository or a file beside the database. `INTAKE_DB_KEY` is for
unattended stations and tests; a desktop keeps it in the OS keyring; otherwise staff
type it when the app starts.
"""

from __future__ import annotations

import logging
import os

KEY_ENV = "INTAKE_DB_KEY"
KEYRING_SERVICE = "headache-intake"
KEYRING_USER = "visits-database"

log = logging.getLogger(__name__)


def stored_key() -> str | None:
    """The passphrase from the environment or the OS keyring, or None to ask staff."""
    key = os.environ.get(KEY_ENV)
    if key:
        return key
    return _keyring_key()


def _keyring_key() -> str | None:
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
        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
    except KeyringError as error:
        log.info("no usable OS keyring: %s", type(error).__name__)
    except Exception as error:  # noqa: BLE001 - any backend failure means "ask for the passphrase"
        log.warning("the OS keyring could not be read (%s); asking for the passphrase instead", type(error).__name__)
    return None

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
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
        except KeyringError as error:
            log.info("no usable OS keyring: %s", type(error).__name__)
    except ImportError:
        pass
    return None


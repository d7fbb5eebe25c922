"""Whether this start is a clinic's first, and how it is set up.

A station sets up once, when it would make its own encrypted database: the set-up wizard
asks the clinic, the passphrase and the first administrator. A scripted install (servers,
tests, an IT person's image) gives the passphrase and the first admin's PIN in the
environment instead and takes the defaults, as a station did before the wizard. A station
on a PostgreSQL server has no database of its own to make: the server keeps the keys, and
the staff first-admin screen stays for a store that never had an administrator.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from intake.app.desk import ADMIN_PIN_ENV
from intake.app.opening import database_is_new
from intake.settings import Settings
from intake.store.keys import KEY_ENV, keyring_works


class FirstStart(Enum):
    OPEN = "open"
    """An existing database, or a PostgreSQL server's: opened as at every start."""
    SCRIPTED = "scripted"
    """A new database with `INTAKE_DB_KEY` and `INTAKE_ADMIN_PIN` set: made with the defaults, no wizard."""
    WIZARD = "wizard"
    """A new database: the set-up wizard first."""


def first_start(settings: Settings, environment: Mapping[str, str] = os.environ) -> FirstStart:
    """What this start does before the kiosk is ready (see the module's docstring)."""
    if not database_is_new(settings):
        return FirstStart.OPEN
    if environment.get(KEY_ENV) and environment.get(ADMIN_PIN_ENV):
        return FirstStart.SCRIPTED
    return FirstStart.WIZARD


class PassphraseSource(Enum):
    """Where the set-up's database passphrase comes from, and where it is kept for the next start."""

    ENVIRONMENT = "environment"
    """`INTAKE_DB_KEY` gives it: nothing is asked or kept."""
    KEY_FILE = "key file"
    """The `key_file` setting's file already holds it: nothing is asked or kept."""
    KEYRING = "keyring"
    """Chosen at set-up, kept in the OS keyring (it kept a test secret)."""
    NEW_KEY_FILE = "new key file"
    """Chosen at set-up, written to the `key_file` setting's file (no working keyring)."""
    TYPED = "typed"
    """Chosen at set-up and kept nowhere: staff type it at each start."""

    @property
    def asked(self) -> bool:
        """Whether the wizard asks staff to choose it."""
        return self not in (PassphraseSource.ENVIRONMENT, PassphraseSource.KEY_FILE)


@dataclass(frozen=True)
class PassphrasePlan:
    source: PassphraseSource
    key_file: Path | None
    """The `key_file` setting, for the words that name it."""


def passphrase_plan(settings: Settings, environment: Mapping[str, str] = os.environ) -> PassphrasePlan:
    """Where the set-up's passphrase will come from and be kept, in the order a start looks for it:
    the environment, the key file, the OS keyring (checked by keeping a test secret there)."""
    key_file = settings.key_file
    if environment.get(KEY_ENV):
        source = PassphraseSource.ENVIRONMENT
    elif key_file is not None and os.path.lexists(key_file):
        source = PassphraseSource.KEY_FILE
    elif keyring_works():
        source = PassphraseSource.KEYRING
    elif key_file is not None:
        source = PassphraseSource.NEW_KEY_FILE
    else:
        source = PassphraseSource.TYPED
    return PassphrasePlan(source, key_file)

"""Opening a station: the clinic's settings, form and rules, and its database.

The kiosk and the CLI open the same way; only how they ask a person for the database
passphrase differs (a dialog, a hidden terminal prompt), so they pass that in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intake.app.desk import Desk
from intake.app.station import Station
from intake.eligibility.policy import RuleSet, UnknownPolicy, load_rules
from intake.paths import data_dir
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form
from intake.settings import Settings, settings_path
from intake.store.database import DATABASE_FILE, open_database
from intake.store.keys import stored_key
from intake.store.stores import Stores
from intake.yamlfile import DataFileError

AskPassphrase = Callable[[bool], str | None]
"""Asks a person for the database passphrase; True when the database does not exist yet
(so they choose one). None: they gave none."""


def load_form_and_rules(settings: Settings) -> tuple[Form, RuleSet]:
    """The shipped form and the clinic's policy; a bad policy name is reported against the settings file."""
    try:
        return default_form(), load_rules(settings.policy)
    except UnknownPolicy as error:
        raise DataFileError(settings_path(), [f"policy: {error}"]) from None


def database_is_new(settings: Settings) -> bool:
    return not settings.database_url and not (data_dir() / DATABASE_FILE).exists()


def open_stores(settings: Settings, ask: AskPassphrase) -> Stores:
    """The clinic's database, with the key from the environment, the keyring or a person; `StoreError` says why not."""
    passphrase = stored_key()
    if passphrase is None and not settings.database_url:
        passphrase = ask(database_is_new(settings))
    return Stores.on(open_database(settings.database_url, passphrase))


def open_kiosk(settings: Settings, form: Form, rules: RuleSet, ask: AskPassphrase, settings_file: Path | None) -> Desk:
    """The kiosk's desk on an open database: visits the store refused at Finish or a crash
    interrupted kept for staff, and the first admin from the environment."""
    desk = Desk(Station(open_stores(settings, ask), form, settings, rules, settings_file))
    desk.recover_kept_answers()
    desk.recover_interrupted()
    desk.first_admin_from_environment()
    return desk

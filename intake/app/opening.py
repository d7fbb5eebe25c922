"""Opening a station: the clinic's settings, form and rules, and its database.

The kiosk and the CLI open the same way; only how they ask a person for the database
passphrase differs (a dialog, a hidden terminal prompt), so they pass that in. The audit
key is never asked for: it is found (environment, key file, OS keyring) or, while the
audit log has no signed row, made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intake.app.desk import Desk
from intake.app.station import Station
from intake.app.station_id import station_id
from intake.eligibility.policy import RuleSet, UnknownPolicy, load_rules
from intake.paths import data_dir
from intake.plain_text import key_text
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form, default_form_languages
from intake.settings import Settings, settings_path
from intake.store.audit import AuditKey, audit_is_keyed
from intake.store.database import DATABASE_FILE, Database, open_database
from intake.store.keys import (
    AUDIT_KEY_ENV,
    KEYRING_AUDIT_USER,
    KEYRING_SERVICE,
    NoAuditKey,
    audit_key_file,
    new_audit_key,
    stored_audit_key,
    stored_key,
)
from intake.store.stores import Stores
from intake.yamlfile import DataFileError

AskPassphrase = Callable[[bool], str | None]
"""Asks a person for the database passphrase; True when the database does not exist yet
(so they choose one). None: they gave none."""


def load_form_and_rules(settings: Settings) -> tuple[Form, RuleSet]:
    """The shipped form and the clinic's policy; a policy name that names none, or a kiosk
    language the form is not written in, is reported against the settings file by its key."""
    form = default_form()
    problems: list[str] = []
    if settings.language not in form.languages:
        expected = ", ".join(form.languages)
        problems.append(f"language: expected one of the form's languages ({expected}), got {key_text(settings.language)}")
    try:
        rules = load_rules(settings.policy)
    except UnknownPolicy as error:
        problems.append(f"policy: {error}")
    if problems:
        raise DataFileError(settings_path(), problems)
    return form, rules


def database_is_new(settings: Settings) -> bool:
    return not settings.database_url and not (data_dir() / DATABASE_FILE).exists()


def open_stores(settings: Settings, ask: AskPassphrase) -> Stores:
    """The clinic's database, with the key from the environment, the keyring or a person, and
    its audit key; `StoreError` says why not.

    The start that makes the audit key seals the visits already kept into the log (see
    `AuditLog.seal`), so `intake audit verify` covers every one of them. Only that start:
    whoever empties the log later cannot have the visits in the table sealed afresh.
    """
    passphrase = stored_key()
    if passphrase is None and not settings.database_url:
        passphrase = ask(database_is_new(settings))
    database = open_database(settings.database_url, passphrase)
    try:
        key, made = _audit_key(settings, database)
        stores = Stores.on(database, key)
        if made:
            stores.audit.seal()
    except BaseException:
        database.close()
        raise
    return stores


def _audit_key(settings: Settings, database: Database) -> tuple[AuditKey, bool]:
    """The audit key kept on this computer, or a new one (True) while no row of the log is signed."""
    key_file = audit_key_file(settings.audit_key_file)
    key = stored_audit_key(key_file)
    if key is not None:
        return key, False
    if audit_is_keyed(database):
        raise NoAuditKey(
            f"{database.where}: the audit log is signed with an audit key this computer does not have. Give it "
            f"the key of the station that made it: set {AUDIT_KEY_ENV}, copy its key file to {key_file}, or keep "
            f"it in the OS keyring ({KEYRING_SERVICE} / {KEYRING_AUDIT_USER})."
        )
    return new_audit_key(key_file), True


def open_kiosk(settings: Settings, form: Form, rules: RuleSet, ask: AskPassphrase, settings_file: Path | None) -> Desk:
    """The kiosk's desk on an open database, as this installation's station: visits the store
    refused at Finish or a crash interrupted kept for staff, and the first admin from the environment."""
    stores = open_stores(settings, ask)
    desk = Desk(Station(stores, form, settings, rules, settings_file, station_id(), default_form_languages()))
    desk.recover_kept_answers()
    desk.recover_interrupted()
    desk.first_admin_from_environment()
    return desk

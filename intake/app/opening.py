"""Opening a station: the clinic's settings, form and rules, and its database.

The kiosk and the CLI open the same way; only how they ask a person for the database
passphrase differs (a page of the kiosk window, a hidden terminal prompt), so they pass
that in. A passphrase a person types that does not open the database is asked for again,
saying so, up to `PASSPHRASE_TRIES` times in all; what they type is never kept anywhere.
The audit key is never asked for: it is found (environment, key file, OS keyring) or,
while the audit log has no signed row, made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
from intake.store.errors import WrongKeyOrDamaged
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

PASSPHRASE_TRIES = 3
"""Typed passphrases that do not open the database before the station refuses to start."""


@dataclass(frozen=True)
class PassphrasePrompt:
    """What a person is asked for the database passphrase with."""

    new: bool
    """The database does not exist yet: they choose one."""
    refused: str | None = None
    """Why the passphrase they typed last did not open the database; None at the first try."""
    tries_left: int = PASSPHRASE_TRIES
    """This try included."""


AskPassphrase = Callable[[PassphrasePrompt], str | None]
"""Asks a person for the database passphrase. None: they gave none."""


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
    """The clinic's database, with the key from the environment, the key file, the keyring or a
    person (`PASSPHRASE_TRIES` tries), and its audit key; `StoreError` says why not.

    The start that makes the audit key seals the visits already kept into the log (see
    `AuditLog.seal`), so `intake audit verify` covers every one of them. Only that start:
    whoever empties the log later cannot have the visits in the table sealed afresh.
    """
    return stores_on(settings, _open_database(settings, ask))


def stores_on(settings: Settings, database: Database) -> Stores:
    """The stores of an open database with its audit key, found or made (see `open_stores`); the
    database is closed when that fails."""
    try:
        key, made = _audit_key(settings, database)
        stores = Stores.on(database, key)
        if made:
            stores.audit.seal()
    except BaseException:
        database.close()
        raise
    return stores


def _open_database(settings: Settings, ask: AskPassphrase) -> Database:
    """With the passphrase kept on this computer, else the one a person types: a wrong one is asked
    for again until the tries run out, then refused (`WrongKeyOrDamaged`) as a kept one is at once."""
    passphrase = stored_key(settings.key_file)
    if passphrase is not None or settings.database_url:
        return open_database(settings.database_url, passphrase)
    prompt = PassphrasePrompt(database_is_new(settings))
    while True:
        try:
            return open_database(None, ask(prompt))
        except WrongKeyOrDamaged as error:
            if prompt.tries_left <= 1:
                raise
            prompt = PassphrasePrompt(prompt.new, str(error), prompt.tries_left - 1)


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
    desk = kiosk_desk(open_stores(settings, ask), settings, form, rules, settings_file)
    desk.recover_kept_answers()
    desk.recover_interrupted()
    desk.first_admin_from_environment()
    return desk


def kiosk_desk(stores: Stores, settings: Settings, form: Form, rules: RuleSet, settings_file: Path | None) -> Desk:
    """The kiosk's desk on open stores, as this installation's station."""
    return Desk(Station(stores, form, settings, rules, settings_file, station_id(), default_form_languages()))

"""A clinic's first start: everything the set-up wizard gathered, written in one go.

Nothing is written while the wizard's steps are filled in. At "Set up", in this order:
the settings (0600), the database passphrase kept (OS keyring, else the key file), the
database made, its audit key made, the first administrator added (audited
`staff_added`) with the set-up's own audit row in the same transaction. A step that
fails is `SetUpFailed`, naming the field or file; the database it may have made is
removed, so the next start (or a second tap) sets up again from the beginning: what
the earlier steps wrote (the settings, the kept passphrase, the audit key) is simply
written again, or found and used.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from intake.app.desk import KIOSK_ID, Desk
from intake.app.first_start import PassphraseSource
from intake.app.opening import database_is_new, kiosk_desk, load_form_and_rules, stores_on
from intake.app.recovery_code import recovery_code
from intake.paths import private_data_dir
from intake.settings import Settings, save_settings
from intake.store.audit import Action
from intake.store.database import DATABASE_FILE, open_database
from intake.store.errors import StoreError
from intake.store.keys import KeptIn, keep_passphrase, stored_key
from intake.store.sqlite_copy import remove_database_file
from intake.store.staff import Role, pin_problem, staff_id_problem
from intake.store.stores import Stores
from intake.yamlfile import DataFileError

log = logging.getLogger(__name__)

MIN_PASSPHRASE_LENGTH = 8
"""A database passphrase chosen at set-up: at least this many characters."""


class SetUpFailed(Exception):
    """A set-up step failed; `field` names the wizard's field to fix, when one is to blame."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class FirstAdmin:
    staff_id: str
    name: str
    pin: str


@dataclass(frozen=True)
class ClinicSetUp:
    settings: Settings
    """The clinic's settings as the wizard left them (a settings file IT wrote, with the wizard's answers)."""
    passphrase: str | None
    """Chosen in the wizard; None when `INTAKE_DB_KEY` or the key file gives it."""
    admin: FirstAdmin


@dataclass(frozen=True)
class SetUpDone:
    desk: Desk
    """The kiosk's desk on the new database."""
    recovery_code: list[str]
    """The audit key, in lines of groups to write down: shown once, never again."""
    kept_in: KeptIn | None
    """Where the chosen passphrase was kept; None when it was given (environment, key file)."""

    @property
    def passphrase_source(self) -> PassphraseSource | None:
        """Where the next start finds the chosen passphrase, in the words of the plan the wizard showed
        (a keyring that took the test secret may still refuse the passphrase); None when it was given."""
        return None if self.kept_in is None else KEPT_AS_SOURCE[self.kept_in]


KEPT_AS_SOURCE = {
    KeptIn.KEYRING: PassphraseSource.KEYRING,
    KeptIn.KEY_FILE: PassphraseSource.NEW_KEY_FILE,
    KeptIn.NOWHERE: PassphraseSource.TYPED,
}


def clinic_settings(prefill: Settings, **answers: object) -> Settings:
    """`prefill` with the wizard's answers, checked as the settings file is; `SetUpFailed` names the
    first field refused."""
    try:
        return Settings.model_validate({**prefill.model_dump(), **answers})
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else None
        raise SetUpFailed(first["msg"], field) from None


def admin_problem(admin: FirstAdmin) -> SetUpFailed | None:
    """What keeps the first administrator from being added, with the field to fix."""
    if problem := staff_id_problem(admin.staff_id.strip().lower()):
        return SetUpFailed(problem, "staff_id")
    if not admin.name.strip():
        return SetUpFailed("The name is empty.", "name")
    if problem := pin_problem(admin.pin, Role.ADMIN):
        return SetUpFailed(problem, "pin")
    return None


def set_up_clinic(plan: ClinicSetUp, settings_file: Path) -> SetUpDone:
    """Everything written in the order the module's docstring gives; `SetUpFailed` says which step failed."""
    if not database_is_new(plan.settings):
        raise SetUpFailed("this computer already has a visits database: it is set up")
    if problem := admin_problem(plan.admin):
        raise problem
    if plan.passphrase is not None and len(plan.passphrase) < MIN_PASSPHRASE_LENGTH:
        raise SetUpFailed(f"The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.", "passphrase")
    try:
        form, rules = load_form_and_rules(plan.settings)
    except DataFileError as error:
        raise SetUpFailed("; ".join(error.problems)) from None
    _save(plan.settings, settings_file)
    passphrase, kept_in = _keep_passphrase(plan)
    stores = _new_stores(plan.settings, passphrase)
    try:
        _add_first_admin(stores, plan.admin)
    except Exception as error:
        stores.database.close()
        _remove_database()
        raise SetUpFailed(f"the first administrator could not be added ({error}); nothing was kept") from error
    log.info("clinic set up: settings, database, audit key and first administrator made")
    desk = kiosk_desk(stores, plan.settings, form, rules, settings_file)
    return SetUpDone(desk, recovery_code(stores.audit_key.secret.decode("utf-8")), kept_in)


def _save(settings: Settings, settings_file: Path) -> None:
    try:
        save_settings(settings, settings_file)
    except OSError as error:
        raise SetUpFailed(f"{settings_file}: cannot save the settings ({error.strerror or error})") from None


def _keep_passphrase(plan: ClinicSetUp) -> tuple[str, KeptIn | None]:
    """The passphrase chosen, kept where the next start finds it; or the one the environment or key file gives."""
    key_file = plan.settings.key_file
    if plan.passphrase is None:
        try:
            given = stored_key(key_file)
        except StoreError as error:
            raise SetUpFailed(str(error), "key_file") from None
        if not given:
            raise SetUpFailed("no database passphrase was chosen", "passphrase")
        return given, None
    try:
        return plan.passphrase, keep_passphrase(plan.passphrase, key_file)
    except OSError as error:
        raise SetUpFailed(f"{key_file}: cannot write the passphrase file ({error.strerror or error})", "key_file") from None


def _new_stores(settings: Settings, passphrase: str) -> Stores:
    """The new database and its audit key; a database made before the audit key failed is removed."""
    try:
        database = open_database(None, passphrase)
    except StoreError as error:
        _remove_database()
        raise SetUpFailed(str(error)) from None
    try:
        return stores_on(settings, database)
    except (StoreError, OSError) as error:
        _remove_database()
        raise SetUpFailed(f"the audit key could not be made or kept: {error}") from None


def _add_first_admin(stores: Stores, admin: FirstAdmin) -> None:
    """The administrator and the set-up's audit row, in one transaction: neither without the other."""
    staff_id = admin.staff_id.strip().lower()
    with stores.transaction() as transaction:
        member = transaction.staff.add_first_admin(staff_id, admin.name.strip(), admin.pin)
        transaction.audit.record(Action.STAFF_ADDED, KIOSK_ID, subject=member.id)
        transaction.audit.record(Action.SET_UP, member.id)


def _remove_database() -> None:
    """A database made by a set-up that did not finish: without it the next start sets up again."""
    remove_database_file(private_data_dir() / DATABASE_FILE)

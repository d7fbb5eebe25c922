"""Restoring the visits database from a backup: the backup checked first, the database it replaces kept.

The backup is copied into the data dir and that copy is checked: it opens with the
database passphrase, every page is whole (SQLCipher's HMAC, SQLite's quick check), it
is an intake database, and, once brought to the current schema, its audit log verifies
under the audit key (every row signed, every kept visit's content as its last row says).
Only then does it take the database's place. The database it replaces is kept beside
it, timestamped (see `store/replacing.py`), and the restored database's first new row is
`restored`, in the name of whoever restored it.

The audit key is found where the kiosk finds it (`INTAKE_AUDIT_KEY`, the key file, the
OS keyring). A computer without it (a new PC after a disk died) asks the person for it:
the audit key of the station that made the backup, as kept when that station was set
up. Once the backup verifies with it, it is kept (OS keyring, else the key file), so the
kiosk opens the restored database without asking.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.util import CommandError as SchemaUnknown

from intake.app.opening import AskPassphrase, PassphrasePrompt, stores_on
from intake.paths import private_data_dir
from intake.settings import Settings
from intake.store.audit import Action, AuditCheck, AuditKey, AuditLog, audit_is_keyed
from intake.store.database import DATABASE_FILE, Database, open_database
from intake.store.errors import NoKey, StoreError
from intake.store.keys import AUDIT_KEY_ENV, KEY_ENV, audit_key_file, keep_audit_key, stored_audit_key, stored_key
from intake.store.replacing import in_use, stage_copy, swap_back, swap_in
from intake.store.sqlite_copy import NotSQLite, copy_problems, remove_database_file

AskAuditKey = Callable[[], str | None]
"""Asks a person for the audit key the backup was signed with (None: they gave none)."""

WRONG_AUDIT_KEY = "no keyed row verifies with this audit key"
"""How `verify` says the key is not the log's (see `audit_chain.chain_problems`)."""


class RestoreRefused(StoreError):
    """The backup is not restored; `problems` says why, one line each. Nothing was changed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Restored:
    database: Path
    replaced: Path | None
    """Where the database it replaced is kept; None when there was none."""
    check: AuditCheck
    """What the backup's audit log verified (before its `restored` row)."""


def restore(
    settings: Settings, source: Path, ask_passphrase: AskPassphrase, ask_audit_key: AskAuditKey, actor: str
) -> Restored:
    """`source` in the place of this computer's database once it checks out; `RestoreRefused` says
    why not, `NoKey` which key is missing, `NotSQLite` when the clinic's database is PostgreSQL."""
    if settings.database_url:
        raise NotSQLite("the database is PostgreSQL (database_url): restore it on its server with pg_restore")
    passphrase = stored_key(settings.key_file) or ask_passphrase(PassphrasePrompt(new=False))
    if not passphrase:
        raise NoKey(f"no database passphrase: set {KEY_ENV}, keep it in the OS keyring, or type it")
    database = private_data_dir() / DATABASE_FILE
    staged = stage_copy(source, database.parent)
    try:
        check, given = _checked(staged, settings, passphrase, ask_audit_key)
        if given is not None:
            keep_audit_key(audit_key_file(settings.audit_key_file), given)
        if in_use(database, passphrase):
            raise RestoreRefused([f"{database}: the visits database is open in another program (the kiosk, or "
                                  "another command): close it, then restore. Nothing was changed."])
        replaced = swap_in(staged, database, datetime.now())
    finally:
        remove_database_file(staged)
    try:
        _record_restore(settings, passphrase, actor)
    except BaseException:
        swap_back(database, replaced)
        raise
    return Restored(database, replaced, check)


def _checked(staged: Path, settings: Settings, passphrase: str, ask_audit_key: AskAuditKey) -> tuple[AuditCheck, str | None]:
    """The staged copy's audit check, and the audit key the person typed (None: it was found)."""
    problems = copy_problems(staged, passphrase)
    if problems:
        raise RestoreRefused(problems)
    try:
        copy = open_database(None, passphrase, staged)
    except SchemaUnknown:
        raise RestoreRefused(["made by a newer version of intake: its database schema is not known here"]) from None
    with copy:
        key, given = _audit_key(copy, settings, ask_audit_key)
        check = AuditLog(copy, key).verify()
    if check.problems:
        hint = [f"if it comes from another station, give that station's audit key in {AUDIT_KEY_ENV}"] if any(
            problem.startswith(WRONG_AUDIT_KEY) for problem in check.problems) and given is None else []
        raise RestoreRefused([f"its audit log does not verify: {problem}" for problem in check.problems] + hint)
    return check, given


def _audit_key(copy: Database, settings: Settings, ask_audit_key: AskAuditKey) -> tuple[AuditKey, str | None]:
    """The key found on this computer, else the one the person types while the log is signed.

    A log with no signed row (a backup from before the audit key) is checked as plain
    SHA-256, which needs no key: any key will do, and the first start after the restore
    makes one and seals the visits, as it would have then.
    """
    found = stored_audit_key(audit_key_file(settings.audit_key_file))
    if found is not None:
        return found, None
    if not audit_is_keyed(copy):
        return AuditKey(secrets.token_bytes(32)), None
    typed = (ask_audit_key() or "").strip()
    key = AuditKey.from_text(typed)
    if key is None:
        raise NoKey(f"the backup's audit log is signed: give its audit key ({AUDIT_KEY_ENV}, or type it when asked)")
    return key, typed


def _record_restore(settings: Settings, passphrase: str, actor: str) -> None:
    """The restored database's `restored` row, opened as the kiosk will open it (a log with no signed
    row gets its audit key and its visits sealed here, as at a first start)."""
    stores = stores_on(settings, open_database(None, passphrase))
    with stores.database, stores.transaction() as transaction:
        transaction.audit.record(Action.RESTORED, actor)

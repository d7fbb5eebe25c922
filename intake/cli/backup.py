"""`intake backup | restore`: an encrypted copy of the visits database, and putting one back.

`backup` copies the database while the kiosk runs, as `cli:<login>` with its audit row,
and prints the path it wrote. `restore` checks a copy before it replaces anything, and
keeps the database it replaces. A PostgreSQL database is the server's to back up: both
commands say how (`pg_dump`, `pg_restore`) and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake.cli.desk import ask_passphrase, staff_desk, terminal_user
from intake.cli.errors import EXIT_OK, CommandError, UsageError, cannot_write

PG_DUMP = "pg_dump --format=custom --file=FILE DBNAME"
PG_RESTORE = "pg_restore --clean --if-exists --dbname=DBNAME FILE"


def register(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="write an encrypted copy of the visits database (the kiosk may keep running); prints its path"
    )
    backup.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE",
        help="the backup file, replaced whole or not at all if it exists; name it by date, never by patient",
    )
    backup.set_defaults(run=cmd_backup)
    restore = commands.add_parser(
        "restore",
        help="replace the visits database with a backup once the backup opens with the passphrase and its audit log "
        "verifies; the replaced database is kept beside it. Stop the kiosk first",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup written by `intake backup` or the kiosk")
    restore.set_defaults(run=cmd_restore)


def _postgres_usage(settings_url: str | None, how: str) -> None:
    if settings_url:
        raise UsageError([f"the visits database is PostgreSQL (database_url): {how} on the server instead"])


def cmd_backup(args: argparse.Namespace) -> int:
    from intake.settings import load_settings

    _postgres_usage(load_settings().database_url, f"back it up with `{PG_DUMP}`")
    if args.output.is_dir():
        raise UsageError([f"-o {args.output}: is a folder; name the backup file"])
    with staff_desk() as desk:
        try:
            written = desk.back_up(args.output)
        except OSError as error:
            raise cannot_write("-o", args.output, error) from None
    print(written)
    return EXIT_OK


def ask_audit_key() -> str | None:
    """The audit key typed at a hidden prompt, as the recovery code shown at set-up or not (its spaces and
    dashes between groups are ignored); None at end of input or Ctrl+C (the restore then stops)."""
    import getpass

    from intake.app.errors import AUDIT_KEY_ENV
    from intake.app.recovery_code import key_from_recovery_code

    if not sys.stdin.isatty():
        raise UsageError([f"the backup's audit log is signed and this computer has no audit key: set {AUDIT_KEY_ENV}"])
    print("This computer has no audit key. Type the audit key of the station that made the backup", file=sys.stderr)
    print(f"(its recovery code, written down at set-up: spaces and dashes may be typed or left out; "
          f"{AUDIT_KEY_ENV} gives it without asking).", file=sys.stderr)
    try:
        return key_from_recovery_code(getpass.getpass("Audit key (recovery code): "))
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return None


def cmd_restore(args: argparse.Namespace) -> int:
    from intake.app.errors import NoKey, StoreError
    from intake.app.restoring import RestoreRefused, restore
    from intake.settings import load_settings

    settings = load_settings()
    _postgres_usage(settings.database_url, f"restore it with `{PG_RESTORE}`")
    if not args.file.is_file():
        raise UsageError([f"{args.file}: no such file"])
    try:
        restored = restore(settings, args.file, ask_passphrase, ask_audit_key, terminal_user())
    except RestoreRefused as refused:
        raise CommandError([f"{args.file}: refused: {problem}" for problem in refused.problems]
                           + ["the visits database was not changed"]) from None
    except NoKey as error:
        raise UsageError([str(error)]) from None
    except StoreError as error:
        raise CommandError(str(error).splitlines()) from None
    except OSError as error:
        raise CommandError([f"{args.file}: cannot restore it ({error.strerror or error}); nothing was changed"]) from None
    check = restored.check
    print(f"restored {args.file} into {restored.database}: audit log intact, {check.rows} row(s); "
          f"the content of {check.visits} visit(s) matches it")
    if restored.replaced is not None:
        print(f"the database it replaced is kept at {restored.replaced}")
    return EXIT_OK

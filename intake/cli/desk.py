"""The staff desk a command that keeps or reads visits acts through, as `cli:<login>`.

The key comes from the environment, the `key_file` setting's file, the OS keyring or a
hidden prompt (asked again, saying so, when it does not open the database: three tries);
with no terminal to prompt on, the user is told what to set instead of the command
waiting for input.
The app's database side (with the logging its key lookup brings) and the terminal prompt
are imported when a command opens the desk, never while the parser is built for
`intake assess`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from intake.cli.errors import CommandError, UsageError
from intake.cli.prompts import hidden_input

if TYPE_CHECKING:
    from intake.app.opening import PassphrasePrompt
    from intake.app.staff_desk import StaffDesk


def terminal_user() -> str:
    """Who the audit rows name: the login running the command (no staff account is involved)."""
    import getpass

    return f"cli:{getpass.getuser()}"


def ask_passphrase(prompt: PassphrasePrompt) -> str:
    from intake.app.errors import KEY_ENV

    if not sys.stdin.isatty():
        raise UsageError([f"no database passphrase: set {KEY_ENV}, name a key_file in the settings, or keep it in the "
                          "OS keyring"])
    if prompt.refused is not None:
        print(f"{prompt.refused}\nTry again ({prompt.tries_left} tries left).", file=sys.stderr)
    return hidden_input("Visits database passphrase: ", "passphrase")


@contextmanager
def staff_desk() -> Iterator[StaffDesk]:
    """The clinic's database opened for one command and closed when its block ends.

    A key that is missing, or a visit id that names no visit, is the user's to give (exit
    2, in every command alike); any other database problem the desk reports ends the
    command with its message (exit 1). A command catches the refusals it words itself (an
    id already taken) inside its block.
    """
    from intake.app.errors import NoKey, StoreError, VisitNotFound
    from intake.app.terminal import terminal_desk
    from intake.settings import load_settings

    try:
        with terminal_desk(load_settings(), ask_passphrase, terminal_user()) as desk:
            yield desk
    except (NoKey, VisitNotFound) as error:
        raise UsageError([str(error)]) from None
    except StoreError as error:
        raise CommandError(str(error).splitlines()) from None

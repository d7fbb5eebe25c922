"""How a command ends: its exit status, and bad input worded as `error:` lines.

Exit status everywhere: 0 done, 2 bad input or usage (the message names what is wrong),
1 any other failure (a message, never a traceback), 130 interrupted (Ctrl-C). The table,
with the kiosk's, is in docs/exit-codes.md. Every command module raises the errors defined
here, so `main` catches them however the package was started.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from intake.plain_text import one_line

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class CommandError(Exception):
    """The command could not do its job (say, the database would not open); each line is printed as `error: LINE`."""

    status = EXIT_FAILURE

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


class UsageError(CommandError):
    """Bad input the user can fix."""

    status = EXIT_BAD_INPUT


class Interrupted(CommandError):
    """The person stopped the command (Ctrl-C) before it changed anything."""

    status = EXIT_INTERRUPTED


def cannot_write(option: str, path: Path | str, error: OSError) -> UsageError:
    """An output file the user named could not be written: they can pick another."""
    return UsageError([f"{option} {path}: cannot write ({error.strerror or error})"])


def fail(lines: Sequence[str], status: int) -> NoReturn:
    """Each problem on one `error:` line, whatever characters the input put in it."""
    for line in lines:
        print(f"error: {one_line(line)}", file=sys.stderr)
    raise SystemExit(status)

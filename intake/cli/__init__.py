"""`intake`: assess a response file, check a form, and the clinic's other chores from a terminal.

Each command group lives in its own module and adds its own subcommands; they import
their heavy libraries (the database, reportlab) only when their command runs, so
`intake assess` stays fast. Exit statuses are in `intake.cli.errors` (the table in
docs/exit-codes.md). Messages never contain answers beyond what the user passed in, and
nothing is logged.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from intake.cli import accounts, assess, backup, export, info, stored_visits
from intake.cli.errors import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, CommandError, fail
from intake.version_option import VersionOption
from intake.yamlfile import DataFileError

COMMAND_GROUPS = (assess, info, stored_visits, export, accounts, backup)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake",
        description="Headache-clinic intake: assess answers against referral criteria for onabotulinumtoxinA consultation.",
        epilog="Each command's options: intake COMMAND --help. Exit status: 0 done (whatever the outcome), 2 bad input "
        "or usage (one `error:` line each), 1 any other failure, 130 interrupted (Ctrl-C).",
    )
    parser.add_argument("--version", action=VersionOption, name="intake")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except CommandError as error:
        fail(error.lines, error.status)
    except DataFileError as error:
        fail(error.lines, EXIT_FAILURE)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print(file=sys.stderr)
        fail(["interrupted (Ctrl-C)"], EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001 - last resort: a message, never a traceback
        fail([f"unexpected {type(error).__name__}; nothing was changed. Please report this."], EXIT_FAILURE)


def run() -> NoReturn:
    """The `intake` command as a process of its own (the script, `python -m intake.cli`).

    What is imported by now lives until the process ends, so the garbage collector is told
    to leave it be: it would otherwise scan it again at every full collection and at exit,
    a tenth of an `intake assess`. In-process callers (tests, `main.py`) call `main`.
    """
    gc.freeze()
    sys.exit(main())

"""`intake`: assess a response file, check a form, and the clinic's other chores from a terminal.

Each command group lives in its own module and adds its own subcommands; they import
their heavy libraries (the database, reportlab) only when their command runs, so
`intake assess` stays fast. Exit statuses are in `intake.cli.errors` (the table in
docs/exit-codes.md). Messages never contain answers beyond what the user passed in, and
nothing is logged.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from intake import __version__
from intake.cli import accounts, assess, backup, export, info, stored_visits
from intake.cli.errors import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, CommandError, fail
from intake.yamlfile import DataFileError

COMMAND_GROUPS = (assess, info, stored_visits, export, accounts, backup)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake",
        description="Headache-clinic intake: assess answers against referral criteria for onabotulinumtoxinA consultation.",
        epilog="Each command's options: intake COMMAND --help. Exit status: 0 done (whatever the outcome), 2 bad input "
        "or usage (one `error:` line each), 1 any other failure, 130 interrupted (Ctrl-C).",
    )
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
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

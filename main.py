"""Start the front-desk app; with a command (`python main.py assess FILE`) run the CLI."""

from __future__ import annotations

import sys

CLI_FLAGS = ("--version", "-h", "--help")


def main() -> int:
    args = sys.argv[1:]
    if args and (not args[0].startswith("-") or args[0] in CLI_FLAGS):
        from intake.cli import main as cli_main

        return cli_main(args)
    from intake.ui.app import run_app

    return run_app(sys.argv)


if __name__ == "__main__":
    sys.exit(main())

"""Start the front-desk app; with a command (`python main.py assess FILE`) run the CLI.

The kiosk's options are read before Qt is imported: `--help`, an unknown option and a
missing display end here without a window.
"""

from __future__ import annotations

import sys


def main() -> int:
    args = sys.argv[1:]
    if args and not args[0].startswith("-"):
        from intake.cli import main as cli_main

        return cli_main(args)
    from intake.ui.launch_options import kiosk_options

    options = kiosk_options(sys.argv, with_commands=True)
    from intake.ui.app import run_app

    return run_app(sys.argv, options)


if __name__ == "__main__":
    sys.exit(main())

"""`--version` for the `intake` command and the kiosk, looking the version up only when asked.

Reading it from the installed package's metadata imports `importlib.metadata`, tens of
milliseconds every other command and the kiosk's first frame would otherwise pay.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any


class VersionOption(argparse.Action):
    """Prints `NAME VERSION` and exits; `name` is what the program calls itself."""

    def __init__(self, option_strings: Sequence[str], dest: str, name: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")
        self.name = name

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option_string: str | None = None
    ) -> None:
        from intake import __version__

        print(f"{self.name} {__version__}")
        parser.exit()

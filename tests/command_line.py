"""Running `intake` in-process as a terminal user would, for the CLI tests."""

from __future__ import annotations

import pytest

from intake.cli import main


def run_intake(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The exit status and what was printed to stdout and stderr."""
    try:
        status = main(args)
    except SystemExit as exit_:
        status = exit_.code
    out, err = capsys.readouterr()
    return status, out, err

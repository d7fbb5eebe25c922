"""`python -m intake.cli`: bad input in every command group exits 2 with its message, as `intake` does.

(A command module that imported `UsageError` back from the package got a second copy of
the class when the package ran as `__main__`, and its usage errors exited 1.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from intake.paths import PROJECT_ROOT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "{out}/nope.json"], "error: {out}/nope.json: no such file"),
        (["visits", "purge", "--older-than", "-1"], "error: --older-than: expected a number of days, 0 or more"),
        (["export", "-o", "{out}/visits.csv"], "error: give one of --fhir (with a VISIT_ID) or --csv"),
        (["staff", "add", "Bad Id", "--name", "X"], "error: Bad Id: The staff ID"),
        (["info-sheet", "--lang", "fr", "-o", "{out}/sheet.pdf"], "error: --lang: expected one of en, es, got fr"),
    ],
)
def test_a_usage_error_in_each_command_group_exits_2(tmp_path, args, message) -> None:
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-m", "intake.cli", *(arg.format(out=out) for arg in args)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(message.format(out=out)) and "Traceback" not in done.stderr
    assert list(out.iterdir()) == [], "nothing written"

"""`python -m intake.cli` in a subprocess on a mutated file, judged from the outside (for `robustness.py`).

Clean: exit 2 with every stderr line an `error:` line naming its field. Accepted: exit 0.
Crashed: a traceback, any other exit status, or an error line naming no field. Hung:
over the timeout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from judge import ACCEPTED, CLEAN, CRASHED, HUNG, Outcome, Refused

ROOT = Path(__file__).resolve().parent.parent
_POLICY_PREFIX = re.compile(r"^the [\w-]+ policy's ")


def private_env(folder: Path) -> dict[str, str]:
    """This environment with settings and data kept in `folder`, never the user's own."""
    return {**os.environ, "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data")}


def _problem(line: str, path: Path, whole: str | None) -> str:
    """An `error:` line's problem as the in-process path words it: without the file's name in
    front (or with it as `whole` names it), the policy a form problem is found under, or `fhir`."""
    text = line.removeprefix("error: ")
    if whole is not None:
        return text.replace(str(path), whole).removeprefix("fhir ")
    return _POLICY_PREFIX.sub("", text.removeprefix(f"{path}: "))


def run_cli(argv: list[str], path: Path, tree: Any, known: frozenset[str], timeout: float, env: dict[str, str],
            whole: str | None = None) -> Outcome:
    """`intake ARGV` on the mutated file `path` (written from `tree`); `whole` is what a response problem calls
    the file itself; `known` the names of the shipped inputs."""
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "intake.cli", *argv], capture_output=True, text=True,
                              errors="backslashreplace", timeout=timeout, cwd=ROOT, env=env, check=False)
    except subprocess.TimeoutExpired:
        return Outcome(HUNG, f"over {timeout:g} s", timeout)
    verdict, detail = _verdict(done, path, known, tree, whole)
    return Outcome(verdict, detail, time.perf_counter() - started)


def _verdict(done: subprocess.CompletedProcess[str], path: Path, known: frozenset[str], tree: Any,
             whole: str | None) -> tuple[str, str]:
    lines = done.stderr.splitlines()
    if "Traceback" in done.stderr:
        return CRASHED, f"traceback: {lines[-1][:200]!r}"
    if done.returncode == 0:
        return ACCEPTED, ""
    if done.returncode != 2 or not lines:
        return CRASHED, f"exit {done.returncode}: {(lines or [''])[0][:200]!r}"
    stray = [line for line in lines if not line.startswith("error: ")]
    refused = Refused([_problem(line, path, whole) for line in lines], known, tree,
                      path.read_bytes().decode("utf-8", "replace"))
    bad = stray or refused.unplaced()
    return (CRASHED, f"names no field: {bad[0][:200]!r}") if bad else (CLEAN, "")

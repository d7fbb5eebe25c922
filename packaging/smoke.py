"""Smoke test of a built desktop bundle, as a clinic's user would run it: no venv, no clone.

    python3 packaging/smoke.py BIN_DIR

BIN_DIR holds the programs `intake` and `intake-kiosk`: the bundle folder
(dist/headache-intake), the `usr/bin` of an unpacked .deb, or /usr/bin once it is
installed. Each command runs from a new empty folder, with a bare environment (PATH of
the system's folders only, a throwaway HOME, the database passphrase and first admin PIN
a scripted install sets), and must not print the path of this project: the bundle reads
its own copy of everything. Only the standard library: any Python 3 runs it.

    intake assess V01.json            V01 (tests/data/vignettes.json) is REFER
    intake report V01.json -o FILE    writes a PDF
    intake-kiosk --quit-after-show    opens the kiosk window under Xvfb (xvfb-run -a), then quits

Prints each command with its status and what it printed (or the end of its log), then `smoke: N passed, N failed`;
exits 1 when any failed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VIGNETTES = PROJECT / "tests" / "data" / "vignettes.json"
SHOWN_LINES = 4
TIMEOUT = 180


@dataclass(frozen=True)
class Check:
    """One command and what its result must show."""

    name: str
    args: tuple[str, ...]
    expect: Callable[[subprocess.CompletedProcess[str], Path], str | None]
    """None when the result is right, else what is wrong."""
    display: bool = False
    """It opens a window."""
    response: bool = False
    """Its folder holds V01.json, and nothing else."""


def _refer(done: subprocess.CompletedProcess[str], _folder: Path) -> str | None:
    return None if done.stdout.startswith("Outcome: REFER\n") else "the outcome is not REFER"


def _pdf(_done: subprocess.CompletedProcess[str], folder: Path) -> str | None:
    summary = folder / "summary.pdf"
    return None if summary.is_file() and summary.read_bytes().startswith(b"%PDF") else "no PDF written"


def _nothing(_done: subprocess.CompletedProcess[str], _folder: Path) -> str | None:
    return None


CHECKS = (
    Check("assess", ("intake", "assess", "V01.json"), _refer, response=True),
    Check("report", ("intake", "report", "V01.json", "-o", "summary.pdf"), _pdf, response=True),
    Check("kiosk", ("intake-kiosk", "--quit-after-show"), _nothing, display=True),
)


def bare_environment(scratch: Path) -> dict[str, str]:
    """What a freshly installed station has: the system's PATH, its own HOME, no Python settings."""
    runtime = scratch / "runtime"
    runtime.mkdir(mode=0o700)
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(scratch / "home"), "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(runtime), "INTAKE_DB_KEY": "smoke test passphrase", "INTAKE_ADMIN_PIN": "482193",
    }


def _command(bin_dir: Path, check: Check, env: dict[str, str]) -> tuple[list[str], dict[str, str], str]:
    """The command line, its environment and where it shows a window: a display of its own
    under Xvfb, else Qt's offscreen screen."""
    command = [str(bin_dir / check.args[0]), *check.args[1:]]
    if not check.display:
        return command, env, ""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        return command, {**env, "QT_QPA_PLATFORM": "offscreen"}, ", offscreen: no xvfb-run"
    return [xvfb_run, "-a", "-s", "-screen 0 1280x800x24", *command], env, ", under xvfb-run -a"


def _names_the_project(output: str, bin_dir: Path) -> bool:
    """Whether the output names a file of the project other than the bundle's own (a bundle
    built into the project's dist/ may name itself)."""
    return str(PROJECT) in output.replace(str(bin_dir), "")


def run_check(bin_dir: Path, check: Check, scratch: Path, env: dict[str, str]) -> str | None:
    """Run one check from its own empty folder; print what it did; None when it passed."""
    folder = scratch / check.name
    folder.mkdir()
    if check.response:
        (folder / "V01.json").write_text(json.dumps(vignette_response("V01")), encoding="utf-8")
    command, check_env, how = _command(bin_dir, check, env)
    print(f"$ {' '.join(check.args)}    (from an empty folder{how})")
    try:
        done = subprocess.run(command, cwd=folder, env=check_env, capture_output=True, text=True, timeout=TIMEOUT, check=False)  # noqa: S603 - the bundle's own programs
    except subprocess.TimeoutExpired:
        return f"{check.name}: no answer in {TIMEOUT} s"
    # The first lines of what it printed, or the last of what it logged.
    for line in done.stdout.splitlines()[:SHOWN_LINES] or done.stderr.splitlines()[-SHOWN_LINES:]:
        print(f"    {line}")
    print(f"    exit status {done.returncode}")
    if done.returncode != 0:
        return f"{check.name}: exit status {done.returncode}\n{done.stderr}"
    if _names_the_project(done.stdout + done.stderr, bin_dir):
        return f"{check.name}: printed a path in the project folder ({PROJECT}): the bundle reads the clone"
    wrong = check.expect(done, folder)
    return f"{check.name}: {wrong}" if wrong else None


def vignette_response(vignette_id: str) -> dict[str, object]:
    cases = json.loads(VIGNETTES.read_text(encoding="utf-8"))
    return next(case["response"] for case in cases if case["id"] == vignette_id)


def smoke(bin_dir: Path) -> list[str]:
    """Every check in its own folder; what failed."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="intake-smoke-") as scratch_name:
        scratch = Path(scratch_name)
        env = bare_environment(scratch)
        for check in CHECKS:
            failure = run_check(bin_dir, check, scratch, env)
            if failure:
                print(f"    FAILED: {failure}")
                failures.append(failure)
    print(f"smoke: {len(CHECKS) - len(failures)} passed, {len(failures)} failed")
    return failures


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    bin_dir = Path(argv[0]).resolve()
    missing = [name for name in ("intake", "intake-kiosk") if not (bin_dir / name).is_file()]
    if missing:
        print(f"error: {bin_dir} has no {' or '.join(missing)}", file=sys.stderr)
        return 2
    return 1 if smoke(bin_dir) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

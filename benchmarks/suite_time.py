"""How long the test suite takes without the tests marked `slow`, for a checkout: the wall time.

Run: .venv/bin/python benchmarks/suite_time.py [CHECKOUT] [--workers N|auto] [-- PYTEST ARGS]
CHECKOUT is a project folder (this one by default), e.g. a `git worktree` of an earlier
commit, so a baseline and a change are timed on one machine in one sitting. `--workers 0`
(the default) runs in one process, as pytest alone does; `--workers auto` as `./run test`
does (pytest-xdist, one worker a core). Goal (issue 22): 60 s on 2 cores.

The machine's load average is printed beside the time: on a shared machine the same
suite takes longer when others are busy, so compare runs made under similar load. The
exit status is pytest's, so a run that failed is not mistaken for a fast one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _options(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The options, and the pytest arguments given after `--`."""
    ours, extra = (argv[: argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", nargs="?", type=Path, default=ROOT, help="the project folder to time (default: this one)")
    parser.add_argument("--workers", default="0", help="pytest-xdist workers: 0 (one process, the default), a number or auto")
    return parser.parse_args(ours), extra


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    options, extra = _options(sys.argv[1:] if argv is None else argv)
    workers = [] if options.workers == "0" else ["-n", options.workers, "--dist", "loadgroup"]
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow", *workers, *extra, "tests"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    print(f"{options.checkout.resolve()}: {' '.join(command[1:])}")
    print(f"load average before: {_load()}", flush=True)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=options.checkout, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    print(f"load average after:  {_load()}")
    lines = done.stdout.strip().splitlines()
    print(f"pytest: {lines[-1] if lines else '(no output)'} (exit status {done.returncode})")
    print(f"wall time: {elapsed:.1f} s (goal 60 s on 2 cores)")
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-2000:], sep="\n", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

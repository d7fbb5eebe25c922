"""How long a kiosk command takes from start to its window, shown and closed again.

    xvfb-run -a -s "-screen 0 1280x800x24" python3 packaging/start_time.py [--runs N] -- COMMAND...

COMMAND is the kiosk with `--quit-after-show` (it opens its window, then quits), e.g.
`dist/headache-intake/intake-kiosk --quit-after-show` or `./run --quit-after-show`. It runs
once first, not counted (that run creates the database and fills the disk cache), then N
times; each run's wall-clock time to its exit is printed, then the median and the fastest.
All runs share one throwaway HOME, with the passphrase and admin PIN a scripted install sets.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed_run(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603 - the command to time
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="packaging/start_time.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs after the first (default 5)")
    parser.add_argument("command", nargs="+", help="the kiosk command, with --quit-after-show")
    options = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        print("error: no DISPLAY: run this under xvfb-run -a", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="intake-start-") as place:
        env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
        env |= {"HOME": place, "XDG_CONFIG_HOME": f"{place}/config", "XDG_DATA_HOME": f"{place}/data",
                "INTAKE_DB_KEY": "start time passphrase", "INTAKE_ADMIN_PIN": "482193"}
        first = timed_run(options.command, env, Path(place))
        times = [timed_run(options.command, env, Path(place)) for _ in range(options.runs)]
    print(f"{' '.join(options.command)}")
    print(f"  first run {first:.2f} s (database created); then {', '.join(f'{t:.2f}' for t in times)} s")
    print(f"  median {statistics.median(times):.2f} s, fastest {min(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

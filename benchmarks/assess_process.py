"""How long one whole `intake assess V01 --json` process takes, from exec to exit.

Run: .venv/bin/python benchmarks/assess_process.py [--runs 15] [--root CHECKOUT]
Goal (issue 22): median at most 150 ms. `--root` times another checkout's package (its
`intake` imported from there), so `assess_baseline.py` can time two versions side by side.
The CPU time (user + system) of the child is printed too: on a shared machine it moves
less than the wall clock.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests_data import v01_response

ROOT = Path(__file__).resolve().parent.parent


def package_env(root: Path) -> dict[str, str]:
    """This environment with `root`'s `intake` package first on the path."""
    return {**os.environ, "PYTHONPATH": str(root)}


def one_run(root: Path, response: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `python -m intake.cli assess FILE --json` run in `root`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "intake.cli", "assess", str(response), "--json"],
        cwd=root, env=package_env(root), check=True, capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def v01_file(folder: Path) -> Path:
    path = folder / "v01.json"
    path.write_text(json.dumps(v01_response()), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose intake package runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        response = v01_file(Path(folder))
        one_run(args.root, response)  # warm the file cache and the bytecode
        times = [one_run(args.root, response) for _ in range(args.runs)]
    wall = statistics.median(wall for wall, _ in times) * 1000
    cpu = statistics.median(cpu for _, cpu in times) * 1000
    print(f"whole process `intake assess --json` on V01: median {wall:.0f} ms wall, {cpu:.0f} ms CPU (n={args.runs}, goal 150 ms)")


if __name__ == "__main__":
    main()

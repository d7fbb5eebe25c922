"""How long one whole `intake assess V01 --json` process takes, from exec to exit.

Run: .venv/bin/python benchmarks/assess_process.py [--runs 15] [--root CHECKOUT]
Goal (issue 22): median at most 150 ms. `--root` times another checkout's package (its
`intake` imported from there); `assess_baseline.py` times two versions side by side.

Python's compiled bytecode is kept in a folder of its own (PYTHONPYCACHEPREFIX), filled by
a first run: that is how the app runs from the second time on, installed (pip compiles
it) or from a clone. An environment with PYTHONDONTWRITEBYTECODE compiles every module
from source on every run instead; `assess_baseline.py` measures that too.
The CPU time (user + system) of the child is printed beside the wall clock: on a shared
machine it moves less.
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


def package_env(root: Path, bytecode: Path | None) -> dict[str, str]:
    """This environment with `root`'s `intake` package first on the path; `bytecode`: where compiled modules are kept
    (None: nowhere, every module compiled on every run, as with PYTHONDONTWRITEBYTECODE in a fresh copy)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    if bytecode is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def one_run(root: Path, response: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `python -m intake.cli assess FILE --json` run in `root`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "intake.cli", "assess", str(response), "--json"],
                   cwd=root, env=env, check=True, capture_output=True)
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
        env = package_env(args.root, Path(folder) / "bytecode")
        one_run(args.root, response, env)  # compiles the bytecode, warms the file cache
        times = [one_run(args.root, response, env) for _ in range(args.runs)]
    wall = statistics.median(wall for wall, _ in times) * 1000
    cpu = statistics.median(cpu for _, cpu in times) * 1000
    print(f"whole process `intake assess --json` on V01: median {wall:.0f} ms wall, {cpu:.0f} ms CPU "
          f"(n={args.runs}, bytecode cached; goal 150 ms)")


if __name__ == "__main__":
    main()

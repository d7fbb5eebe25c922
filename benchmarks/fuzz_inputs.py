"""Fuzz `intake assess` with random and mutated files: exit 0 or 2, never 1 (no crash).

Run: .venv/bin/python benchmarks/fuzz_inputs.py [--examples 10000]
Draws response files (ours and FHIR, assessed under a shipped policy) and policy files
(each assessing a vignette) from the strategies in `tests/input_fuzz.py`, runs `intake.cli.main` in-process
on each, and prints how many ended with each exit status, and the first examples that
exited 1 (saved under a temporary folder to replay with `intake assess`).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from input_fuzz import RESPONSES, policy_files, response_files  # noqa: E402
from intake.cli import main as intake  # noqa: E402


def exit_status(argv: list[str]) -> int:
    """`intake ARGV` in this process, output swallowed: its exit status."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return intake(argv)
        except SystemExit as stop:
            return int(stop.code or 0)


Example = tuple[bytes, str]


def fuzz(name: str, examples: int, strategy: st.SearchStrategy[Example], argv: Callable[[Path, str], list[str]],
         folder: Path) -> None:
    """Run `examples` files through `intake`; `argv(file, other)` builds the command line."""
    counts: Counter[int] = Counter()
    failures: list[Path] = []

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(example: Example) -> None:
        content, other = example
        path = folder / f"{name}-{sum(counts.values())}{'.yaml' if name == 'policy' else '.json'}"
        path.write_bytes(content)
        status = exit_status(argv(path, other))
        counts[status] += 1
        if status == 1 and len(failures) < 5:
            failures.append(path)
        elif status != 1:
            path.unlink()

    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    shown = ", ".join(f"exit {status}: {count}" for status, count in sorted(counts.items()))
    print(f"{name} files: {sum(counts.values())} in {elapsed:.0f} s ({shown})")
    for path in failures:
        print(f"  exit 1: {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples of each kind (default 10000)")
    examples = parser.parse_args().examples
    folder = Path(tempfile.mkdtemp(prefix="intake-fuzz-"))
    vignettes = []
    for index, response in enumerate(RESPONSES):
        vignettes.append(str(folder / f"vignette-{index}.json"))
        Path(vignettes[-1]).write_text(json.dumps(response), encoding="utf-8")
    policies = st.sampled_from(["us-payer", "nice-ta260"])
    fuzz("response", examples, st.tuples(response_files(), policies),
         lambda path, policy: ["assess", str(path), "--policy", policy, "--json"], folder)
    fuzz("policy", examples, st.tuples(policy_files(), st.sampled_from(vignettes)),
         lambda path, vignette: ["assess", vignette, "--policy", str(path), "--json"], folder)


if __name__ == "__main__":
    main()

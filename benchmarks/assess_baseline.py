"""`assess` speed of this checkout against an earlier commit, measured in one run, alternating.

Run: .venv/bin/python benchmarks/assess_baseline.py BASELINE_COMMIT [--rounds 5]

The machine is shared, so the two versions take turns: each round times the baseline and
this checkout once each (in-process `evaluate` and parse + `evaluate` over every vignette
under both policies, then whole `intake assess --json` processes on V01, with the bytecode
cached and compiled from source every run), and the table gives the median over rounds.
Both versions run from fresh copies in a temporary folder: the baseline a `git archive`
of the commit (no worktree is registered), this checkout its files as they are now
(committed or not), so neither finds bytecode the other left. CPU time is given beside
wall time: on a shared machine it moves less.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from assess_process import one_run, package_env, v01_file

ROOT = Path(__file__).resolve().parent.parent

THROUGHPUT = r"""
# The loops of assess_throughput.py: each assessment dropped as the next is made.
import json, sys, time
from pathlib import Path
from intake.eligibility import evaluate, load_rules
from intake.questionnaire.loader import default_form
from intake.questionnaire.response import parse_response

form = default_form()
cases = [case["response"] for case in json.loads(Path("tests/data/vignettes.json").read_text(encoding="utf-8"))]
rounds = int(sys.argv[1])
found = {}


def evaluations(responses, rules):
    for response in responses:
        evaluate(response, rules, form)


def parsed_evaluations(cases, rules):
    for case in cases:
        evaluate(parse_response(case, form), rules, form)


for policy in ("us-payer", "nice-ta260"):
    rules = load_rules(policy)
    responses = [parse_response(case, form) for case in cases]
    evaluations(responses, rules)
    for name, run, data in (("evaluate", evaluations, responses), ("parse + evaluate", parsed_evaluations, cases)):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            run(data, rules)
        count = rounds * len(cases)
        found[f"{name} ({policy})"] = (count / (time.perf_counter() - wall), count / (time.process_time() - cpu))
print(json.dumps(found))
"""


def throughput(root: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Responses per second (wall, CPU) for each measure, in a fresh process running `root`'s package."""
    done = subprocess.run([sys.executable, "-c", THROUGHPUT, str(rounds)], cwd=root, env=package_env(root, None),
                          check=True, capture_output=True, text=True)
    return {name: (wall, cpu) for name, (wall, cpu) in json.loads(done.stdout).items()}


def _compiled_translations(folder: Path) -> Path:
    """`folder` with its translations compiled, as `./run` does."""
    subprocess.run([sys.executable, "-m", "intake.translation_files"], cwd=folder, env=package_env(folder, None),
                   check=True, capture_output=True)
    return folder


def commit_tree(commit: str, folder: Path) -> Path:
    """The commit's files in `folder`."""
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    folder.mkdir()
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return _compiled_translations(folder)


def working_tree(folder: Path) -> Path:
    """This checkout's files as they are now (tracked, and new ones not ignored) in `folder`."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    return _compiled_translations(folder)


def _row(name: str, before: list[float], after: list[float], shown: Callable[[float], str]) -> str:
    old, new = statistics.median(before), statistics.median(after)
    return f"| {name} | {shown(old)} | {shown(new)} | {new / old:.2f}x |"


def _time_processes(trees: dict[str, Path], folder: Path, runs: int, samples: dict[str, dict[str, list[float]]]) -> None:
    """`runs` whole processes per version, with the bytecode cached and then compiled from source."""
    response = v01_file(folder)
    for version, tree in trees.items():
        for kind, bytecode in (("bytecode cached", folder / f"bytecode-{version}"), ("compiled from source", None)):
            env = package_env(tree, bytecode)
            for _ in range(runs):
                wall, cpu = one_run(tree, response, env)
                samples[version].setdefault(f"`intake assess --json` process, {kind}, wall", []).append(wall * 1000)
                samples[version].setdefault(f"`intake assess --json` process, {kind}, CPU", []).append(cpu * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", help="the commit to compare with (e.g. the merge base)")
    parser.add_argument("--rounds", type=int, default=5, help="alternations of the two versions")
    parser.add_argument("--evaluations", type=int, default=100, help="passes over the vignettes per throughput measure")
    parser.add_argument("--processes", type=int, default=3, help="whole-process runs per version, kind and round")
    args = parser.parse_args()
    samples: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        trees = {"before": commit_tree(args.baseline, folder / "before"), "after": working_tree(folder / "after")}
        _time_processes(trees, folder, 1, {"before": {}, "after": {}})  # fills the bytecode caches
        for number in range(args.rounds):
            for version, tree in trees.items():
                for name, (wall, cpu) in throughput(tree, args.evaluations).items():
                    samples[version].setdefault(f"{name}, wall", []).append(wall)
                    samples[version].setdefault(f"{name}, CPU", []).append(cpu)
            _time_processes(trees, folder, args.processes, samples)
            print(f"round {number + 1} of {args.rounds} done", file=sys.stderr)
    print(f"| measure (median of {args.rounds} alternating rounds) | before ({args.baseline[:10]}) | after | after/before |")
    print("|---|---|---|---|")
    for name in samples["before"]:
        shown = (lambda value: f"{value:.0f} ms") if "process" in name else (lambda value: f"{value:,.0f}/s")
        print(_row(name, samples["before"][name], samples["after"][name], shown))


if __name__ == "__main__":
    main()

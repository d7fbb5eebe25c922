"""Mutated responses, forms and policies, in-process and through the CLI: clean / accepted / crashed / hung.

Run: .venv/bin/python benchmarks/robustness.py [--seed 17] [--responses 10000] [--forms 500]
     [--policies 500] [--cli 300]
Goal (issue 17): 0 crashed, 0 hung, and no accepted policy crashes any vignette; the exit
status is 1 when it is missed. Every input starts from a shipped one (a vignette's
response, ours or as FHIR; `forms/headache-intake.yaml`; a shipped policy), edited by
`mutate` (its tree) and `mutate_text` (its text). Sample N of each kind comes from its own
seed, so a crash is reproduced by the same `--seed` at any count, and its file is kept in
a temporary folder. An accepted month answer that is not ASCII `YYYY-MM` ("2026-05\\n") is
counted as accepted, and on a line of its own, until month answers are made ASCII-only.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from cli_sample import private_env, run_cli  # noqa: E402
from in_process import MONTH_NOT_ASCII, Shipped, VignetteCrash, form_file, policy_file, response_data, response_file  # noqa: E402
from intake.interop.fhir_response import to_questionnaire_response  # noqa: E402
from intake.paths import FORM_FILE, POLICIES_DIR  # noqa: E402
from intake.questionnaire.loader import default_form  # noqa: E402
from judge import ACCEPTED, CLEAN, CRASHED, HUNG, Outcome, judge, names_of  # noqa: E402
from mutate import Pool, month_edit, mutated_tree, retype_question  # noqa: E402
from mutate_text import json_text, yaml_text  # noqa: E402

VIGNETTES = ROOT / "tests" / "data" / "vignettes.json"


@dataclass
class Row:
    """One line of the table: a path, what its inputs came to, and each crash or hang with its reproducer."""

    name: str
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    """(verdict, first line, reproducer)"""
    notes: Counter[str] = field(default_factory=Counter)
    """What accepted inputs were noted for, and how many."""
    seconds: float = 0.0

    def add(self, outcome: Outcome, keep: Callable[[], str]) -> None:
        self.counts[outcome.verdict] += 1
        self.seconds += outcome.seconds
        if outcome.verdict in (CRASHED, HUNG):
            self.failures.append((outcome.verdict, outcome.detail, keep()))
        elif outcome.verdict == ACCEPTED and outcome.detail:
            self.notes[outcome.detail] += 1


class Inputs:
    """The shipped inputs, and sample N of each kind mutated from them."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        cases = json.loads(VIGNETTES.read_text(encoding="utf-8"))
        self.vignettes = tuple((case["id"], case["response"]) for case in cases)
        responses = [response for _, response in self.vignettes]
        self.fhir = [to_questionnaire_response(default_form(), response) for response in responses]
        self.responses = responses
        self.form = yaml.safe_load(FORM_FILE.read_text(encoding="utf-8"))
        self.policies = [yaml.safe_load(path.read_text(encoding="utf-8"))
                         for path in sorted(POLICIES_DIR.glob("*.yaml")) if path.name != "index.yaml"]
        self.pool = Pool.of(self.responses, self.fhir, self.form, *self.policies)

    def rng(self, kind: str, index: int) -> random.Random:
        return random.Random(f"{self.seed}:{kind}:{index}")

    def response(self, rng: random.Random) -> tuple[Any, str]:
        tree = mutated_tree(rng, self.pool, self.fhir if rng.random() < 0.2 else self.responses)
        month_edit(rng, tree)
        return tree, json_text(rng, tree)

    def form_file(self, rng: random.Random) -> tuple[Any, str]:
        tree = mutated_tree(rng, self.pool, [self.form])
        retype_question(rng, tree)
        return tree, yaml_text(rng, tree)

    def policy_file(self, rng: random.Random) -> tuple[Any, str]:
        tree = mutated_tree(rng, self.pool, self.policies)
        return tree, yaml_text(rng, tree)


def _write(path: Path, text: str) -> str:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return str(path)


def _json_file(path: Path, tree: Any) -> str:
    """The data as JSON (NaN and Infinity included): `json.loads` of it is what the data path is handed."""
    return _write(path, json.dumps(tree, allow_nan=True))


@dataclass
class Bench:
    inputs: Inputs
    shipped: Shipped
    folder: Path
    limit: float
    timeout: float

    def responses(self, count: int) -> Iterator[Row]:
        files, objects = Row("responses: file -> assess"), Row("responses: data -> parse_response")
        for index in range(count):
            tree, text = self.inputs.response(self.inputs.rng("response", index))
            files.add(judge(partial(response_file, text, tree, self.shipped), self.limit),
                      partial(_write, self.folder / f"response-{index:05}.json", text))
            data = json.loads(json.dumps(tree, allow_nan=True))
            objects.add(judge(partial(response_data, data, self.shipped), self.limit),
                        partial(_json_file, self.folder / f"response-data-{index:05}.json", tree))
        yield from (files, objects)

    def data_files(self, kind: str, count: int) -> Row:
        """Forms (`load_form` and validate-form's checks) or policies (`load_rules`, then every vignette)."""
        row = Row("forms: load_form + checks + vignettes" if kind == "form" else "policies: load_rules + vignettes")
        make, path_of = (self.inputs.form_file, form_file) if kind == "form" else (self.inputs.policy_file, policy_file)
        for index in range(count):
            tree, text = make(self.inputs.rng(kind, index))
            path = Path(_write(self.folder / f"{kind}-{index:05}.yaml", text))
            outcome = judge(partial(path_of, path, tree, self.shipped), self.limit)
            row.add(outcome, partial(str, path))
            if outcome.verdict not in (CRASHED, HUNG):
                path.unlink()
        return row

    def cli(self, count: int) -> Iterator[Row]:
        rows = [Row("cli: assess FILE --json"), Row("cli: validate-form FILE"), Row("cli: assess V --policy FILE")]
        vignettes = [_write(self.folder / f"{name}.json", json.dumps(data)) for name, data in self.inputs.vignettes]
        env = private_env(self.folder)
        for index in range(count):
            rng = self.inputs.rng("cli", index)
            kind = index % 3
            make = (self.inputs.response, self.inputs.form_file, self.inputs.policy_file)[kind]
            tree, text = make(rng)
            path = Path(_write(self.folder / f"cli-{index:05}.{'json' if kind == 0 else 'yaml'}", text))
            argv = [["assess", str(path), "--json"], ["validate-form", str(path)],
                    ["assess", str(rng.choice(vignettes)), "--policy", str(path)]][kind]
            outcome = run_cli(argv, path, tree, self.shipped.response_names, self.timeout, env,
                              "response.json" if kind == 0 else None)
            rows[kind].add(outcome, partial(" ".join, ["python -m intake.cli", *argv]))
            if outcome.verdict not in (CRASHED, HUNG):
                path.unlink()
        yield from rows


def print_table(rows: list[Row], folder: Path) -> bool:
    """The table, then each distinct crash or hang once with a reproducer; True when the goal is met."""
    print(f"{'path':<40}{'inputs':>8}{'clean':>8}{'accepted':>10}{'crashed':>9}{'hung':>6}{'seconds':>9}")
    for row in rows:
        counts = row.counts
        print(f"{row.name:<40}{sum(counts.values()):>8}{counts[CLEAN]:>8}{counts[ACCEPTED]:>10}"
              f"{counts[CRASHED]:>9}{counts[HUNG]:>6}{row.seconds:>9.1f}")
    vignette_crashes = sum(detail.startswith(VignetteCrash.__name__) for row in rows for _, detail, _ in row.failures
                           if row.name.startswith("policies"))
    print(f"accepted policies that crashed a vignette: {vignette_crashes}")
    months = sum(row.notes[MONTH_NOT_ASCII] for row in rows)
    print(f"accepted responses with {MONTH_NOT_ASCII}: {months} (counted as accepted until month answers are ASCII-only)")
    failures = [(row.name, *failure) for row in rows for failure in row.failures]
    seen: Counter[tuple[str, str]] = Counter((name, detail) for name, _, detail, _ in failures)
    shown: set[tuple[str, str]] = set()
    for name, verdict, detail, reproducer in failures:
        if (name, detail) not in shown:
            shown.add((name, detail))
            print(f"{verdict} ({name}, x{seen[name, detail]}): {detail}\n    {reproducer}")
    if failures:
        print(f"every reproducer is in {folder}")
    return not failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--responses", type=int, default=10_000, help="mutated responses (default 10000)")
    parser.add_argument("--forms", type=int, default=500, help="mutated forms (default 500)")
    parser.add_argument("--policies", type=int, default=500, help="mutated policies (default 500)")
    parser.add_argument("--cli", type=int, default=300, help="CLI runs, a third of each kind (default 300)")
    parser.add_argument("--time-limit", type=float, default=2.0, help="seconds an in-process input may take (2)")
    parser.add_argument("--cli-timeout", type=float, default=30.0, help="seconds a CLI run may take (30)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="intake-robustness-"))
    inputs = Inputs(args.seed)
    known = names_of(inputs.responses, inputs.fhir, inputs.form, *inputs.policies)
    bench = Bench(inputs, Shipped(inputs.vignettes, known), folder, args.time_limit, args.cli_timeout)
    print(f"robustness, seed {args.seed}: each input mutated from a shipped one "
          f"(time limit {args.time_limit:g} s in-process, {args.cli_timeout:g} s a CLI run)")
    rows = [*bench.responses(args.responses), bench.data_files("form", args.forms),
            bench.data_files("policy", args.policies), *bench.cli(args.cli)]
    met = print_table(rows, folder)
    if met:
        shutil.rmtree(folder)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

"""`intake assess --json` of this checkout against an earlier commit, on many varied responses: the same bytes?

Run: .venv/bin/python benchmarks/outputs_baseline.py BASELINE_COMMIT [--responses 2000] [--seed 1]

A speed-up must not change what `assess` prints. The vignettes are compared byte for byte
by tests/test_vignettes.py; this goes wider: responses made by mixing the vignettes'
answers (an answer taken from another vignette, dropped, or a number drawn anew within its
question's range), assessed under both policies by both versions (the baseline a `git
archive` of the commit), comparing stdout, stderr and exit status. Many mixes break a
cross-field rule or answer a hidden question, so the refusals are compared too.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from assess_baseline import commit_tree, working_tree
from assess_process import package_env

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intake.questionnaire.engine import clear_hidden  # noqa: E402
from intake.questionnaire.form import QuestionType  # noqa: E402
from intake.questionnaire.loader import default_form  # noqa: E402

FORM = default_form()

RUNNER = r"""
import contextlib, hashlib, io, sys
from pathlib import Path
from intake.cli import main

for path in sorted(Path(sys.argv[1]).glob("*.json")):
    for policy in ("us-payer", "nice-ta260"):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(["assess", str(path), "--policy", policy, "--json"])
            except SystemExit as stop:
                status = stop.code
        digest = hashlib.sha256(f"{status}\0{out.getvalue()}\0{err.getvalue()}".encode()).hexdigest()
        print(path.name, policy, status, digest)
"""


def mixed(rng: random.Random, responses: list[dict[str, Any]], numbers: dict[str, tuple[float, float, bool]]) -> dict[str, Any]:
    """A vignette's response with some answers taken from others, dropped, or numbers drawn anew, then those the
    form would now hide cleared (every other refusal left in)."""
    response = json.loads(json.dumps(rng.choice(responses)))
    answers = response["answers"]
    for key in {key for other in responses for key in other["answers"]}:
        roll = rng.random()
        donors = [other["answers"][key] for other in responses if key in other["answers"]]
        if roll < 0.1 and donors:
            answers[key] = rng.choice(donors)
        elif roll < 0.14:
            answers.pop(key, None)
        elif roll < 0.2 and key in numbers:
            low, high, whole = numbers[key]
            answers[key] = rng.randint(int(low), int(high)) if whole else round(rng.uniform(low, high), 1)
    response["answers"] = clear_hidden(FORM, answers, FORM.settings_used)
    return response


def outputs(tree: Path, folder: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", RUNNER, str(folder)], cwd=tree, env=package_env(tree, None),
                          check=True, capture_output=True, text=True)
    return done.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", help="the commit to compare with")
    parser.add_argument("--responses", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    numbers = {
        question.id: (question.min or 0, question.max or 0, question.type is QuestionType.INTEGER)
        for question in FORM.questions()
        if question.type in (QuestionType.INTEGER, QuestionType.NUMBER)
    }
    vignettes = json.loads((ROOT / "tests" / "data" / "vignettes.json").read_text(encoding="utf-8"))
    responses = [case["response"] for case in vignettes]
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        inputs = folder / "responses"
        inputs.mkdir()
        for number in range(args.responses):
            (inputs / f"{number:05d}.json").write_text(json.dumps(mixed(rng, responses, numbers)), encoding="utf-8")
        before = outputs(commit_tree(args.baseline, folder / "before"), inputs)
        after = outputs(working_tree(folder / "after"), inputs)
    differ = [old.split()[:2] for old, new in zip(before, after, strict=True) if old != new]
    accepted = sum(line.split()[2] == "0" for line in after)
    print(f"{len(after)} assessments ({accepted} accepted, {len(after) - accepted} refused): {len(differ)} differ"
          + (f", first {differ[:5]}" if differ else ""))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()

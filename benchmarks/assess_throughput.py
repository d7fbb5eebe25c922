"""How fast `assess` is: in-process responses per second, and one whole `intake assess` run.

Run: .venv/bin/python benchmarks/assess_throughput.py
Goals (issue 22): `evaluate` at least 20,000 responses per second in-process, parse +
`evaluate` at least 10,000; a whole `intake assess --json` process at most 150 ms (timed
by `assess_process.py`: median of 15, bytecode cached). `assess_baseline.py COMMIT`
times all three against an earlier commit in one run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from intake.eligibility import evaluate, load_rules  # noqa: E402
from intake.questionnaire.loader import default_form  # noqa: E402
from intake.questionnaire.response import parse_response  # noqa: E402


def main() -> None:
    form = default_form()
    cases = [case["response"] for case in json.loads((ROOT / "tests/data/vignettes.json").read_text(encoding="utf-8"))]
    for policy in ("us-payer", "nice-ta260"):
        rules = load_rules(policy)
        responses = [parse_response(case, form) for case in cases]
        rounds = 300
        start = time.perf_counter()
        for _ in range(rounds):
            for response in responses:
                evaluate(response, rules, form)
        elapsed = time.perf_counter() - start
        print(f"evaluate ({policy}): {rounds * len(responses) / elapsed:,.0f} responses/s (goal 20,000)")
        start = time.perf_counter()
        for _ in range(rounds):
            for case in cases:
                evaluate(parse_response(case, form), rules, form)
        elapsed = time.perf_counter() - start
        print(f"parse + evaluate ({policy}): {rounds * len(cases) / elapsed:,.0f} responses/s (goal 10,000)")

    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "assess_process.py")], check=True)


if __name__ == "__main__":
    main()

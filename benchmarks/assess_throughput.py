"""How fast `assess` is: in-process responses per second, and one whole `intake assess` run.

Run: .venv/bin/python benchmarks/assess_throughput.py
Goal (issue 2): at least 20,000 assessments per second in-process.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
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
        print(f"parse + evaluate ({policy}): {rounds * len(cases) / elapsed:,.0f} responses/s")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v01.json"
        path.write_text(json.dumps(cases[0]), encoding="utf-8")
        times = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "intake.cli", "assess", str(path), "--json"], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        print(f"whole process `intake assess --json` on V01: median {statistics.median(times) * 1000:.0f} ms (n=7)")


if __name__ == "__main__":
    main()

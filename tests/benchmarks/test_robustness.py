"""`benchmarks/robustness.py` at CI's counts: no mutated input crashes or hangs anything, and the counting is honest."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from intake.paths import PROJECT_ROOT
from judge import ACCEPTED, CLEAN, CRASHED, HUNG, Refused, judge

COUNTS = {"responses": 200, "forms": 20, "policies": 20, "cli": 9}


def _table(output: str) -> dict[str, list[int]]:
    """The printed table: each path's inputs, clean, accepted, crashed, hung."""
    rows = {}
    for line in output.splitlines():
        name, figures = line[:40].strip(), line[40:].split()
        if ":" in name and len(figures) == 6 and all(figure.isdigit() for figure in figures[:5]):
            rows[name] = [int(figure) for figure in figures[:5]]
    return rows


def test_a_small_run_has_no_crash_and_no_hang() -> None:
    options = [text for name, count in COUNTS.items() for text in (f"--{name}", str(count))]
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "benchmarks" / "robustness.py"), "--seed", "17", *options],
                          capture_output=True, text=True, timeout=120, cwd=PROJECT_ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = _table(done.stdout)
    assert len(rows) == 7, done.stdout
    assert rows["responses: file -> assess"][0] == COUNTS["responses"]
    assert rows["policies: load_rules + vignettes"][0] == COUNTS["policies"]
    assert sum(row[0] for name, row in rows.items() if name.startswith("cli")) == COUNTS["cli"]
    for name, (inputs, clean, accepted, crashed, hung) in rows.items():
        assert (crashed, hung) == (0, 0), f"{name}\n{done.stdout}"
        assert clean + accepted == inputs
    assert "accepted policies that crashed a vignette: 0" in done.stdout


def _raises(error: Exception):
    def run() -> None:
        raise error

    return run


@pytest.mark.parametrize(
    ("run", "verdict"),
    [
        (lambda: None, ACCEPTED),
        (_raises(Refused(["answers.headache_days: expected a whole number 0-31, got 40"], frozenset({"answers"}))), CLEAN),
        (_raises(Refused(["not valid YAML (line 3, column 4: found a tab)"])), CLEAN),
        (_raises(Refused(["Extra inputs are not permitted"], frozenset({"answers"}))), CRASHED),
        (_raises(Refused([': unknown answer key, got "no"'], frozenset({""}))), CRASHED),
        (_raises(KeyError("nausea")), CRASHED),
        (lambda: time.sleep(5), HUNG),
    ],
    ids=["accepted", "named", "line", "unnamed", "blank-key", "other-error", "slow"],
)
def test_each_outcome_gets_its_verdict(run, verdict) -> None:
    assert judge(run, limit=0.5).verdict == verdict

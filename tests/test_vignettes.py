"""Every worked case in tests/data/vignettes.json, under both policies, through the CLI.

Besides the expectations each case states, the whole `--json` output is compared byte for
byte with tests/data/vignette_outputs.jsonl, so a speed-up cannot change what is printed.
After a deliberate change of output, rewrite that file with
`benchmarks/vignette_outputs.py --write` and review its diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cases import DATA_DIR, POLICIES, VIGNETTES
from intake.cli import main

GOLDEN_OUTPUTS = {
    (row["case"], row["policy"]): row["output"]
    for row in map(json.loads, (DATA_DIR / "vignette_outputs.jsonl").read_text(encoding="utf-8").splitlines())
}

CASES = [
    pytest.param(case, policy, id=f"{case['id']}-{policy}")
    for case in VIGNETTES
    for policy in POLICIES
    if policy in case["expected"]
]


def _actual(result: dict[str, Any], field: str) -> Any:
    """The output an expectation key names; the keys below are checks, not output fields."""
    if field == "medication_overuse":
        return result["medication_overuse"]["present"]
    if field == "reason_codes":
        return [reason["code"] for reason in result["reasons"]]
    if field == "overuse_ichd3":
        return [finding["ichd3"] for finding in result["medication_overuse"]["findings"]]
    return result[field]


def _check(result: dict[str, Any], field: str, expected: Any) -> tuple[Any, Any]:
    """(actual, expected) in comparable form: lists as sets, a subset or per-item check where the key says so."""
    if field == "note_codes_include":
        codes = {note["code"] for note in result["notes"]}
        return sorted(code for code in expected if code in codes), sorted(expected)
    if field == "ichd3":
        statuses = {item["id"]: item["status"] for item in result["ichd3"]["items"]}
        return {item: statuses.get(item) for item in expected}, expected
    return _comparable(_actual(result, field)), _comparable(expected)


def _comparable(value: Any) -> Any:
    """Lists compare as sets."""
    return sorted(value) if isinstance(value, list) else value


def _assess(case: dict[str, Any], policy: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `intake assess --json` prints for the case's response."""
    path = folder / f"{case['id']}.json"
    path.write_text(json.dumps(case["response"], ensure_ascii=False), encoding="utf-8")
    status = main(["assess", str(path), "--policy", policy, "--json"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out


@pytest.mark.parametrize(("case", "policy"), CASES)
def test_vignette(case: dict[str, Any], policy: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = json.loads(_assess(case, policy, tmp_path, capsys))
    for field, expected in case["expected"][policy].items():
        actual, wanted = _check(result, field, expected)
        assert actual == wanted, (
            f"{case['id']} under {policy}: {field} is {actual!r}, expected {expected!r}; "
            f"reasons: {[r['text'] for r in result['reasons']]}"
        )


@pytest.mark.parametrize(("case", "policy"), CASES)
def test_output_is_the_golden_one(
    case: dict[str, Any], policy: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    golden = json.dumps(GOLDEN_OUTPUTS[case["id"], policy], ensure_ascii=False, indent=2) + "\n"

    assert _assess(case, policy, tmp_path, capsys) == golden


def test_golden_outputs_cover_every_case() -> None:
    assert set(GOLDEN_OUTPUTS) == {(case["id"], policy) for case in VIGNETTES for policy in POLICIES}


def test_every_vignette_has_both_policies() -> None:
    assert all(set(case["expected"]) == set(POLICIES) for case in VIGNETTES)
    assert len(VIGNETTES) >= 16

"""What `intake assess` says of a response a renderer wrote, beside what it says of the vignette itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cases import POLICIES
from command_line import run_intake


def assess(path: Path, policy: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any] | None, str]:
    """The `--json` assessment, or None and the error lines."""
    status, out, err = run_intake(["assess", str(path), "--policy", policy, "--json"], capsys)
    return (json.loads(out) if status == 0 else None), err.strip()


def _differences(native: dict[str, Any], round_trip: dict[str, Any]) -> list[str]:
    """One line per output field that differs, the outcome first."""
    return [
        f"{key}: {json.dumps(round_trip.get(key))[:300]} (native: {json.dumps(native.get(key))[:300]})"
        for key in sorted(native.keys() | round_trip.keys(), key=lambda key: (key != "outcome", key))
        if native.get(key) != round_trip.get(key)
    ]


def differences_from_native(case: dict[str, Any], response: dict[str, Any], folder: Path,
                            capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Under every policy, what differs between the vignette's assessment and the response's, dated
    as the vignette (a renderer writes the moment it was filled; ages count from the visit's day)."""
    native_file, fhir_file = folder / "native.json", folder / "renderer.json"
    native_file.write_text(json.dumps(case), encoding="utf-8")
    fhir_file.write_text(json.dumps(dict(response, authored=case["authored"])), encoding="utf-8")
    problems = []
    for policy in POLICIES:
        native, _ = assess(native_file, policy, capsys)
        assert native is not None, f"the vignette itself does not assess under {policy}"
        round_trip, error = assess(fhir_file, policy, capsys)
        if round_trip is None:
            problems.append(f"{policy}: intake assess rejected the response: {error}")
        else:
            problems += [f"{policy}: {line}" for line in _differences(native, round_trip)]
    return problems

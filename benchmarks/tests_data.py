"""The V01 vignette's response, read from the test data (benchmarks run from a clone)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

VIGNETTES = Path(__file__).resolve().parent.parent / "tests" / "data" / "vignettes.json"


def v01_response() -> dict[str, Any]:
    cases = json.loads(VIGNETTES.read_text(encoding="utf-8"))
    return next(case["response"] for case in cases if case["id"] == "V01")

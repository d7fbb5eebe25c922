"""The worked clinical cases (tests/data/vignettes.json), for any test to use.

A plain module rather than conftest so that test folders can have their own conftest.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
POLICIES = ("us-payer", "nice-ta260")
VIGNETTES: list[dict[str, Any]] = json.loads((DATA_DIR / "vignettes.json").read_text(encoding="utf-8"))


def vignette(vignette_id: str) -> dict[str, Any]:
    """A deep copy of a vignette's response file, safe to modify."""
    case = next(case for case in VIGNETTES if case["id"] == vignette_id)
    return copy.deepcopy(case["response"])

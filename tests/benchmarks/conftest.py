"""The benchmarks' own modules (`judge`, `mutate` ...) import as top-level names, as they do when a benchmark runs."""

from __future__ import annotations

import sys

from intake.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))

"""The wheel's build hook: the compiled translations (`.mo`) go into every wheel.

Git ignores the `.mo` files and a fresh clone has none, so the build compiles them from
their `.po` sources, as `./run` does, before hatchling gathers `resources/`. A separate
process, because the build backend's own interpreter has not imported the project.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTranslations(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        subprocess.run([sys.executable, "-m", "intake.translation_files", "compile"], cwd=self.root, check=True)

"""The desktop-bundle scripts of packaging/, loaded by file for the tests.

They are scripts, not a package (`packaging` is another project's name). build.py imports
its siblings by their bare names, so those two are registered under them, as running
build.py from packaging/ finds them; build.py itself is `bundle_build`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SIBLINGS = ("deb_package", "smoke")


def _load(file: str, name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load(script: str) -> ModuleType:
    """packaging/SCRIPT.py; build.py with the siblings it imports loaded first."""
    if script == "build":
        for sibling in SIBLINGS:
            _load(f"{sibling}.py", sibling)
        return _load("build.py", "bundle_build")
    return _load(f"{script}.py", script)

"""packaging/smoke.py against what `python3 packaging/build.py` last built, where it built one.

The build takes minutes (its own venv, then PyInstaller), so no test makes one and CI never
needs one: without dist/headache-intake (or the .deb) these are skipped, saying so.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from packaging_scripts import ROOT, load

pytestmark = pytest.mark.slow

smoke = load("smoke")
BUNDLE = ROOT / "dist" / "headache-intake"
NOT_BUILT = "no bundle in dist/: `python3 packaging/build.py` builds one (a few minutes; CI does not)"


def test_the_bundle_assesses_reports_and_opens_the_kiosk_from_empty_folders(capsys) -> None:
    if not (BUNDLE / "intake-kiosk").is_file():
        pytest.skip(NOT_BUILT)
    assert smoke.smoke(BUNDLE) == []
    assert capsys.readouterr().out.endswith("smoke: 3 passed, 0 failed\n")


def test_the_deb_unpacked_outside_the_project_passes_too(tmp_path: Path) -> None:
    debs = sorted((ROOT / "dist").glob("headache-intake_*.deb"))
    if not debs:
        pytest.skip(NOT_BUILT.replace("no bundle", "no .deb"))
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(tmp_path)], check=True)
    assert smoke.smoke(tmp_path / "usr" / "bin") == []


def test_a_folder_without_the_programs_is_refused(tmp_path: Path, capsys) -> None:
    assert smoke.main([str(tmp_path)]) == 2
    assert "has no intake or intake-kiosk" in capsys.readouterr().err

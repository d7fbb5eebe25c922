"""packaging/build.py: the checks around the build (the Python it runs on, the size limit,
the AppStream release in step with the project). The build itself takes minutes and is
not run here: tests/packaging/test_smoke.py checks what an earlier build made."""

from __future__ import annotations

from pathlib import Path

import pytest
from packaging_scripts import load

build = load("build")


def test_the_appstream_file_announces_the_projects_version() -> None:
    assert build.metainfo_version() == build.project_version()


def _fake_python(folder: Path, prints: str) -> None:
    """A stand-in interpreter under a pyenv-shaped folder: answers the version query only."""
    python = folder / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f"#!/bin/sh\necho {prints}\n", encoding="utf-8")
    python.chmod(0o755)


def test_an_older_python_finds_a_new_enough_one_under_pyenv(tmp_path, monkeypatch) -> None:
    versions = tmp_path / ".pyenv" / "versions"
    _fake_python(versions / "3.12.1", "99 0")
    _fake_python(versions / "3.13.0", "98 5")
    monkeypatch.setattr(build, "MIN_PYTHON", (99, 0))
    monkeypatch.setattr(build, "PYENV_VERSIONS", tmp_path / ".pyenv" / "versions")
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    assert build.find_python() == str(versions / "3.12.1" / "bin" / "python")


def test_no_new_enough_python_is_none(tmp_path, monkeypatch) -> None:
    _fake_python(tmp_path / ".pyenv" / "versions" / "3.12.1", "3 12")
    monkeypatch.setattr(build, "MIN_PYTHON", (99, 0))
    monkeypatch.setattr(build, "PYENV_VERSIONS", tmp_path / ".pyenv" / "versions")
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    assert build.find_python() is None


def test_a_new_enough_python_builds_with_itself(monkeypatch) -> None:
    monkeypatch.setattr(build, "MIN_PYTHON", (3, 0))
    assert build.find_python() == build.sys.executable


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    internal = tmp_path / "headache-intake" / "_internal"
    (internal / "PySide6").mkdir(parents=True)
    (internal / "PySide6" / "libQt6Core.so.6").write_bytes(b"q" * 3 * 2**20)
    (internal / "babel.dat").write_bytes(b"b" * 2**20)
    return tmp_path / "headache-intake"


def test_a_bundle_within_the_limit_gives_its_size_as_du_counts_it(bundle: Path) -> None:
    assert 4 <= build.check_size(bundle, limit_mb=250) < 4.2


def test_a_bundle_over_the_limit_stops_the_build_naming_its_largest_parts(bundle: Path) -> None:
    with pytest.raises(build.BuildError, match=r"the bundle is 4 MB, over 2 MB; the largest parts: PySide6 3 MB, babel.dat 1 MB"):
        build.check_size(bundle, limit_mb=2)


def test_the_maintainer_is_debians_own_variables_where_set(monkeypatch) -> None:
    monkeypatch.setenv("DEBFULLNAME", "Clinic IT")
    monkeypatch.setenv("DEBEMAIL", "it@clinic.example")
    assert build._default_maintainer() == "Clinic IT <it@clinic.example>"
    monkeypatch.delenv("DEBEMAIL")
    assert build._default_maintainer() == build.DEFAULT_MAINTAINER

"""Folders made for health data are this user's only, whatever the umask."""

from __future__ import annotations

import stat
from pathlib import Path

from intake.paths import FORMS_DIR, PROJECT_ROOT, RESOURCES_DIR, data_dir, private_data_dir, private_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_each_missing_folder_on_the_way_is_made_0700(tmp_path, umask_022) -> None:
    tmp_path.chmod(0o755)
    made = private_dir(tmp_path / "clinic" / "exports" / "2026")
    assert [_mode(folder) for folder in (made, made.parent, made.parent.parent)] == [0o700] * 3
    assert _mode(tmp_path) == 0o755, "a folder that was there is not changed: it may be a shared one"


def test_the_data_dir_is_made_0700_and_an_old_0755_one_is_tightened(umask_022) -> None:
    assert not data_dir().exists()
    assert private_data_dir() == data_dir()
    assert _mode(data_dir()) == 0o700
    data_dir().chmod(0o755)
    private_data_dir()
    assert _mode(data_dir()) == 0o700


def test_a_clone_reads_the_forms_and_resources_beside_the_package() -> None:
    """An installed wheel reads its own copy inside the package: tests/test_wheel.py."""
    assert (FORMS_DIR, RESOURCES_DIR) == (PROJECT_ROOT / "forms", PROJECT_ROOT / "resources")

"""Files written whole and private: never torn, never readable by others."""

from __future__ import annotations

import stat
from pathlib import Path

from intake.atomic import write_private


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_and_the_folders_made_for_it_are_private(tmp_path, umask_022) -> None:
    written = write_private(tmp_path / "summaries" / "2026" / "visit.pdf", b"%PDF")
    assert written.read_bytes() == b"%PDF"
    assert (_mode(written), _mode(written.parent), _mode(written.parent.parent)) == (0o600, 0o700, 0o700)


def test_an_existing_0644_file_is_replaced_by_a_0600_one_and_no_part_file_stays(tmp_path, umask_022) -> None:
    target = tmp_path / "settings.yaml"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private(target, b"new")
    assert (target.read_bytes(), _mode(target)) == (b"new", 0o600)
    assert [path.name for path in tmp_path.iterdir()] == ["settings.yaml"]

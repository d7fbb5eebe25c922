"""What a station remembers between two people at its desk: a private file, forgiving of damage."""

from __future__ import annotations

import logging
import stat

from intake.app.station_memory import MEMORY_FILE, Remembered, StationMemory
from intake.paths import data_dir


def test_nothing_is_remembered_at_first(tmp_path) -> None:
    assert StationMemory(tmp_path / MEMORY_FILE).read() == Remembered()


def test_the_last_staff_id_and_finished_visit_are_kept_apart(tmp_path) -> None:
    memory = StationMemory(tmp_path / MEMORY_FILE)
    memory.remember_staff("bob")
    memory.remember_finished("20261124-090000-aaaaaa")
    assert StationMemory(tmp_path / MEMORY_FILE).read() == Remembered("bob", "20261124-090000-aaaaaa")
    memory.forget_staff()
    assert memory.read() == Remembered(None, "20261124-090000-aaaaaa"), "Not you? forgets the person, not the visit"


def test_it_lives_in_the_data_dir_for_this_user_only(umask_022) -> None:
    memory = StationMemory.in_data_dir()
    memory.remember_staff("maria")
    assert memory.path == data_dir() / MEMORY_FILE
    assert stat.S_IMODE(memory.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(memory.path.parent.stat().st_mode) == 0o700


def test_a_damaged_file_is_forgotten_and_an_id_not_shaped_like_one_ignored(tmp_path, caplog) -> None:
    path = tmp_path / MEMORY_FILE
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert StationMemory(path).read() == Remembered()
    assert "unreadable" in caplog.text
    path.write_text('{"staff_id": "Robert Tables; --", "finished_visit": 7}', encoding="utf-8")
    assert StationMemory(path).read() == Remembered()
    path.write_text('["bob"]', encoding="utf-8")
    assert StationMemory(path).read() == Remembered()


def test_a_file_that_cannot_be_written_is_logged_never_raised(tmp_path, caplog) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    memory = StationMemory(blocked / MEMORY_FILE)
    with caplog.at_level(logging.WARNING):
        memory.remember_staff("bob")
    assert "not written" in caplog.text
    assert memory.read() == Remembered()

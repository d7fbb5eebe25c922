"""What a station remembers between two people at its desk: a private file, forgiving of damage."""

from __future__ import annotations

import logging
import stat

from intake.app import station_memory
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


def test_two_stations_sharing_the_file_keep_their_own_person_and_visit(tmp_path) -> None:
    path = tmp_path / MEMORY_FILE
    front, back = StationMemory(path, "a" * 32), StationMemory(path, "b" * 32)
    front.remember_staff("bob")
    front.remember_finished("20261124-090000-aaaaaa")
    assert back.read() == Remembered(), "nothing of the other station's desk"
    back.remember_staff("maria")
    back.remember_finished("20261124-091500-bbbbbb")
    assert front.read() == Remembered("bob", "20261124-090000-aaaaaa")
    assert StationMemory(path, "b" * 32).read() == Remembered("maria", "20261124-091500-bbbbbb")
    back.forget_staff()
    assert front.read().staff_id == "bob" and back.read() == Remembered(None, "20261124-091500-bbbbbb")


def test_a_file_from_before_stations_offers_its_id_but_not_its_visit(tmp_path) -> None:
    """Nothing says which station finished the old file's visit; its ID is only filled in, "Not you?" beside it."""
    path = tmp_path / MEMORY_FILE
    path.write_text('{"staff_id": "bob", "finished_visit": "20261124-090000-aaaaaa"}', encoding="utf-8")
    memory = StationMemory(path, "a" * 32)
    assert memory.read() == Remembered("bob", None)
    memory.remember_finished("20261124-100000-cccccc")
    assert memory.read() == Remembered("bob", "20261124-100000-cccccc")
    assert StationMemory(path, "b" * 32).read() == Remembered(), "the old entry is gone once one station wrote"


def test_a_damaged_station_entry_is_forgotten(tmp_path) -> None:
    path = tmp_path / MEMORY_FILE
    path.write_text('{"stations": {"-": ["bob"], "x": {"staff_id": "Robert Tables; --"}}}', encoding="utf-8")
    assert StationMemory(path).read() == Remembered()
    assert StationMemory(path, "x").read() == Remembered()
    StationMemory(path).remember_staff("bob")
    assert StationMemory(path).read() == Remembered("bob", None)


def test_machines_sharing_a_data_dir_and_so_its_station_id_keep_their_own(monkeypatch) -> None:
    """A network home folder: both machines read the same `station-id`; the host name tells them apart."""
    station_id = "c" * 32
    monkeypatch.setattr(station_memory.socket, "gethostname", lambda: "front-desk-1")
    first = StationMemory.in_data_dir(station_id)
    first.remember_staff("bob")
    monkeypatch.setattr(station_memory.socket, "gethostname", lambda: "front-desk-2")
    second = StationMemory.in_data_dir(station_id)
    assert second.path == first.path and second.read() == Remembered()
    second.remember_staff("maria")
    assert first.read().staff_id == "bob" and second.read().staff_id == "maria"

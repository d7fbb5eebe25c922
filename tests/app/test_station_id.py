"""This installation's station id: made once, private, the same for every process that asks."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from intake.app.station_id import STATION_ID_FILE, station_id
from intake.paths import data_dir

ROOT = Path(__file__).resolve().parents[2]


def test_made_once_in_the_data_dir_readable_by_this_user_only(umask_022: None) -> None:
    made = station_id()
    kept = data_dir() / STATION_ID_FILE
    assert kept.read_text(encoding="ascii") == made and len(made) == 32
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert station_id() == made
    assert [path.name for path in data_dir().iterdir()] == [STATION_ID_FILE], "no temporary file left behind"


def test_each_installation_has_its_own(tmp_path: Path) -> None:
    assert station_id(tmp_path / "one") != station_id(tmp_path / "two")


def test_a_damaged_file_is_replaced_with_a_new_id(tmp_path: Path) -> None:
    tmp_path.joinpath(STATION_ID_FILE).write_text("not an id\n", encoding="ascii")
    made = station_id(tmp_path)
    assert len(made) == 32 and tmp_path.joinpath(STATION_ID_FILE).read_text(encoding="ascii") == made
    assert station_id(tmp_path) == made


def test_processes_starting_together_keep_the_same_id(tmp_path: Path) -> None:
    program = "import sys, pathlib; from intake.app.station_id import station_id; print(station_id(pathlib.Path(sys.argv[1])))"
    racers = [
        subprocess.Popen([sys.executable, "-c", program, str(tmp_path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        for _ in range(4)
    ]
    ids = {racer.communicate(timeout=60)[0].strip() for racer in racers}
    assert ids == {tmp_path.joinpath(STATION_ID_FILE).read_text(encoding="ascii")}

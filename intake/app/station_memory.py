"""What this station remembers from one person at its desk to the next: who signed in last,
and which visit its last patient finished.

At a front desk the same person signs in many times a day, right after a patient hands
the tablet back: with their ID already there they type only their PIN, and the visit
they are about to print is the one this tablet just finished. Both live in a small file
in the data dir (0600), one entry per station: kiosks sharing a data dir (and so the
file) each keep their own, and never offer one another's last person or visit. A
station's entry is named by its station id and its host name: machines sharing one
data dir (a network home folder) share the `station-id` kept in it too, so the id alone
would not tell them apart. The database is shared by every station and is the wrong
place for either. Neither is a
secret nor health data (an ID and a visit id), and losing the file costs a few taps: a
file that cannot be read or written is logged and otherwise ignored, never a reason to
refuse a sign-in or a finish.

A file from before the entries were per station (one `staff_id` and `finished_visit` at
its top) still offers its staff ID to whichever station has no entry yet; its visit is
not offered, since nothing says which station finished it. The next write keeps only
per-station entries.
"""

from __future__ import annotations

import json
import logging
import socket
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from intake.atomic import write_private
from intake.paths import data_dir
from intake.store.staff import STAFF_ID

log = logging.getLogger(__name__)

MEMORY_FILE = "station.json"
STATIONS = "stations"
"""The file's key for its per-station entries."""
NO_STATION_ID = "-"
"""The entry of a station run without an id (tests, tools)."""


@dataclass(frozen=True)
class Remembered:
    staff_id: str | None = None
    """The last person who signed in here (None: nobody yet, or they said "Not you?")."""
    finished_visit: str | None = None
    """The last visit a patient finished on this station."""


def station_key(station_id: str | None) -> str:
    """This station's entry: its id on this machine."""
    return f"{station_id or NO_STATION_ID}@{socket.gethostname()}"


class StationMemory:
    def __init__(self, path: Path, station: str = NO_STATION_ID) -> None:
        """`station`: the name of this station's entry in the file (`station_key`)."""
        self.path = path
        self.station = station

    @classmethod
    def in_data_dir(cls, station_id: str | None = None) -> StationMemory:
        return cls(data_dir() / MEMORY_FILE, station_key(station_id))

    def read(self) -> Remembered:
        """This station's entry; anything unreadable or not shaped as written is forgotten."""
        stored = self._stored()
        stations = stored.get(STATIONS)
        if isinstance(stations, dict) and self.station in stations:
            return _remembered(stations[self.station], with_visit=True)
        return _remembered(stored, with_visit=False)

    def remember_staff(self, staff_id: str) -> None:
        self._write(replace(self.read(), staff_id=staff_id))

    def forget_staff(self) -> None:
        self._write(replace(self.read(), staff_id=None))

    def remember_finished(self, visit_id: str) -> None:
        self._write(replace(self.read(), finished_visit=visit_id))

    def _stored(self) -> dict[str, Any]:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("station memory %s unreadable (%s): starting afresh", self.path, type(error).__name__)
            return {}
        return stored if isinstance(stored, dict) else {}

    def _write(self, remembered: Remembered) -> None:
        """This station's entry replaced, every other station's kept as it is."""
        stations = self._stored().get(STATIONS)
        entries = {**(stations if isinstance(stations, dict) else {}), self.station: asdict(remembered)}
        try:
            write_private(self.path, json.dumps({STATIONS: entries}).encode("utf-8"))
        except OSError as error:
            log.warning("station memory %s not written (%s)", self.path, type(error).__name__)


def _remembered(entry: object, with_visit: bool) -> Remembered:
    """An entry's values where they are shaped as written; `with_visit`: its visit too."""
    if not isinstance(entry, dict):
        return Remembered()
    staff_id, visit_id = entry.get("staff_id"), entry.get("finished_visit")
    return Remembered(
        staff_id if isinstance(staff_id, str) and STAFF_ID.match(staff_id) else None,
        visit_id if with_visit and isinstance(visit_id, str) and visit_id else None,
    )

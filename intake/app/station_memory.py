"""What this station remembers from one person at its desk to the next: who signed in last,
and which visit its last patient finished.

At a front desk the same person signs in many times a day, right after a patient hands
the tablet back: with their ID already there they type only their PIN, and the visit
they are about to print is the one this tablet just finished. Both live in a small file
in the data dir (0600), which is this station's own; the database is shared by every
station and is the wrong place for either. Neither is a secret nor health data (an ID
and a visit id), and losing the file costs a few taps: a file that cannot be read or
written is logged and otherwise ignored, never a reason to refuse a sign-in or a finish.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from intake.atomic import write_private
from intake.paths import data_dir
from intake.store.staff import STAFF_ID

log = logging.getLogger(__name__)

MEMORY_FILE = "station.json"


@dataclass(frozen=True)
class Remembered:
    staff_id: str | None = None
    """The last person who signed in here (None: nobody yet, or they said "Not you?")."""
    finished_visit: str | None = None
    """The last visit a patient finished on this station."""


class StationMemory:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def in_data_dir(cls) -> StationMemory:
        return cls(data_dir() / MEMORY_FILE)

    def read(self) -> Remembered:
        """What the file holds; anything unreadable or not shaped as written is forgotten."""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Remembered()
        except (OSError, ValueError) as error:
            log.warning("station memory %s unreadable (%s): starting afresh", self.path, type(error).__name__)
            return Remembered()
        if not isinstance(stored, dict):
            return Remembered()
        staff_id, visit_id = stored.get("staff_id"), stored.get("finished_visit")
        return Remembered(
            staff_id if isinstance(staff_id, str) and STAFF_ID.match(staff_id) else None,
            visit_id if isinstance(visit_id, str) and visit_id else None,
        )

    def remember_staff(self, staff_id: str) -> None:
        self._write(replace(self.read(), staff_id=staff_id))

    def forget_staff(self) -> None:
        self._write(replace(self.read(), staff_id=None))

    def remember_finished(self, visit_id: str) -> None:
        self._write(replace(self.read(), finished_visit=visit_id))

    def _write(self, remembered: Remembered) -> None:
        try:
            write_private(self.path, json.dumps(asdict(remembered)).encode("utf-8"))
        except OSError as error:
            log.warning("station memory %s not written (%s)", self.path, type(error).__name__)

"""This installation's station id: made once, kept in the data dir (0600).

Visits record the station that started them, so a station starting up after a crash
makes only its own in-progress visits unfinished, never one that another station
sharing the database is taking at that moment.
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from pathlib import Path

from intake.atomic import write_private
from intake.paths import private_data_dir

STATION_ID_FILE = "station-id"
_STATION_ID = re.compile(r"[0-9a-f]{32}")

log = logging.getLogger(__name__)


def station_id(folder: Path | None = None) -> str:
    """The id kept in `folder` (default: the data dir), made there on first use.

    Two processes starting together keep the same id: the first one written wins, and
    the other reads it. A file that holds no id (damaged) is replaced with a new one."""
    path = (folder or private_data_dir()) / STATION_ID_FILE
    kept = _read(path)
    if kept is not None:
        return kept
    made = uuid.uuid4().hex
    candidate = write_private(path.with_name(f".{STATION_ID_FILE}-{made}"), made.encode("ascii"))
    try:
        os.link(candidate, path)
    except FileExistsError:
        kept = _read(path)
        if kept is not None:
            return kept
        log.warning("%s holds no station id: a new one replaces it", path)
        os.replace(candidate, path)
        return made
    finally:
        candidate.unlink(missing_ok=True)
    return made


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        return None
    return text if _STATION_ID.fullmatch(text) else None

"""Hearing at once that another station (or this one's kiosk) changed the visits.

A staff screen re-reads its queue when `changed()` says so, and asks often (every
quarter second or so) from a timer: the answer never blocks. On PostgreSQL it reads
the notifications that arrived on a connection of its own, so a red flag saved on
another station shows within a poll; on SQLite it looks at the database's version at
most once a second. A lost connection is logged and reopened later; the one that
replaces it reports a change, since some may have been missed meanwhile. The screens
keep their slower poll as well, for whatever this misses.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from intake.store.changes import Listener, listen
from intake.store.database import Database
from intake.store.errors import StoreError

log = logging.getLogger(__name__)

LOOK_EVERY_S = 1.0
"""How often a listener that queries the database (SQLite) is asked."""
REOPEN_AFTER_S = 10.0
"""How long a lost listener waits before it is opened again."""


class ChangeWatch:
    def __init__(self, database: Database, clock: Callable[[], float] = time.monotonic) -> None:
        self._database = database
        self._clock = clock
        self._listener: Listener | None = None
        self._next_look = 0.0
        self._reopen_at = 0.0
        self._open()

    def changed(self) -> bool:
        """True once for the changes committed since the last True; cheap and never blocking."""
        now = self._clock()
        if self._listener is None:
            return now >= self._reopen_at and self._open()
        if not self._listener.pushed:
            if now < self._next_look:
                return False
            self._next_look = now + LOOK_EVERY_S
        try:
            return self._listener.changed()
        except StoreError as error:
            log.warning("change watch: %s; looking again in %.0f s", error, REOPEN_AFTER_S)
            self._drop(now)
            return False

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _open(self) -> bool:
        try:
            self._listener = listen(self._database)
        except StoreError as error:
            log.warning("change watch: %s; looking again in %.0f s", error, REOPEN_AFTER_S)
            self._reopen_at = self._clock() + REOPEN_AFTER_S
            return False
        return True

    def _drop(self, now: float) -> None:
        self.close()
        self._reopen_at = now + REOPEN_AFTER_S

"""Not keeping the source of every module imported after PySide6.

Once PySide6 is loaded, it reads the source of each module imported after it (with
`inspect.getsource`, to see whether the module uses PySide6's optional features), and Python
keeps every file read that way in `linecache`, for good: 25 MiB of text for what the kiosk
imports after its first frame, which nothing reads again. The kiosk process lets linecache
keep only the last few files it read; tracebacks and warnings read theirs afresh.
"""

from __future__ import annotations

import linecache
from typing import Any

KEEP = 8
"""Files kept: linecache stores an entry and reads it back at once, maybe across a thread switch."""


class _RecentFiles(dict[str, Any]):
    def __setitem__(self, filename: str, entry: Any) -> None:
        self.pop(filename, None)
        while len(self) >= KEEP:
            del self[next(iter(self))]
        super().__setitem__(filename, entry)


def keep_few_sources() -> None:
    """For the kiosk process, not for a test run, whose tracebacks it would slow."""
    linecache.clearcache()
    linecache.cache = _RecentFiles()

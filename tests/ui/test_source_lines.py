"""The kiosk process keeps few source files in linecache, and still reads any it is asked for."""

from __future__ import annotations

import linecache

import intake
from intake.paths import PROJECT_ROOT
from intake.ui import source_lines
from intake.ui.source_lines import KEEP, keep_few_sources


def test_only_the_last_files_read_are_kept_and_every_file_still_reads(monkeypatch) -> None:
    monkeypatch.setattr(linecache, "cache", {})
    keep_few_sources()
    files = sorted((PROJECT_ROOT / "intake").glob("*.py"))[: KEEP + 3]
    for path in files:
        assert linecache.getlines(str(path)) == path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert list(linecache.cache) == [str(path) for path in files[-KEEP:]]
    assert linecache.getline(source_lines.__file__, 1).startswith('"""')
    assert linecache.getline(intake.__file__, 1).startswith('"""')

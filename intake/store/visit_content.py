"""A visit's content hash: what a clinician relies on, as each audit row saw it.

Every audited change to a visit stores this hash in its audit row, signed with the row,
so a later change to the visits table made without the audit key (a SQL client holding
only the database key) no longer matches the visit's latest row. A visit in progress is
saved by autosave, which is not audited, so its content is not hashed: it counts as
`in_progress` until an audited change (finish, set aside, interrupted) ends that.
The hashed columns are named here, once: a column added later (a flag for the queue, a
copy of an answer for searching) must not change the hash of visits audited before it
existed, or every upgrade would look like tampering. `updated` and the station that
started a visit are bookkeeping; the summary-failed flag and the date-of-birth copy are
derived for the queue (the answers themselves are in `response`); whether a request for
help was handled is alert state, its own audit row saying who handled it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from intake.store.schema import visits
from intake.store.timestamps import as_utc
from intake.visit_status import IN_PROGRESS

ABSENT = "absent"
"""The content of a visit that is not in the table (discarded, purged)."""
IN_PROGRESS_MARK = "in_progress"

HASHED = (
    "id", "started", "finished", "status", "priority", "outcome", "policy", "rules_version", "rules_hash",
    "given_name", "family_name", "response", "assessment", "pdf", "reviewed", "reviewed_at", "reviewed_by",
    "help_requested", "import_fingerprint",
)
_COLUMNS = [visits.c[name] for name in HASHED]


def content_of(row: Any) -> str:
    """The hash of one visit row as read with `_COLUMNS`."""
    if row.status == IN_PROGRESS:
        return IN_PROGRESS_MARK
    fields = {column.name: _plain(getattr(row, column.name)) for column in _COLUMNS}
    return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """JSON for every column type: times in UTC (SQLite hands them back naive), the PDF by its digest."""
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, datetime):
        return as_utc(value).isoformat()  # type: ignore[union-attr]  # not None here
    return value


def current_content(connection: Connection, visit_id: str) -> str:
    row = connection.execute(select(*_COLUMNS).where(visits.c.id == visit_id)).first()
    return ABSENT if row is None else content_of(row)


def every_content(connection: Connection) -> Iterator[tuple[str, str]]:
    """Each visit's id and content, read a few at a time (each carries its PDF)."""
    streamed = connection.execution_options(yield_per=50)
    for row in streamed.execute(select(*_COLUMNS).order_by(visits.c.id)):
        yield row.id, content_of(row)


def content_problems(connection: Connection, latest: dict[str, tuple[int, str]]) -> tuple[int, list[str]]:
    """How many visits were checked, and those whose content differs from their latest audited row's.

    `latest` maps a visit id to the `seq` and content of the last row naming it. A visit no
    row names may not be in progress: it was added to the table directly.
    """
    problems: list[str] = []
    checked = 0
    seen: set[str] = set()
    for visit_id, content in every_content(connection):
        seen.add(visit_id)
        seq, audited = latest.get(visit_id, (None, None))
        if content == IN_PROGRESS_MARK and audited in (None, IN_PROGRESS_MARK):
            continue
        checked += 1
        if audited is None:
            problems.append(f"visit {visit_id}: no audit row covers it (added to the visits table directly?)")
        elif content != audited:
            problems.append(f"visit {visit_id}: changed since its last audited action (seq {seq})")
    for visit_id, (seq, audited) in latest.items():
        if visit_id not in seen and audited != ABSENT:
            problems.append(f"visit {visit_id}: removed without an audit row (last audited at seq {seq})")
    return checked, problems

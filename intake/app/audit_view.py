"""What the admin's audit log viewer shows: the rows an admin asks for, newest first, and
whether the chain still verifies.

Filtering is done here on the rows read when the viewer opened (opening it is the
audited act; narrowing what is on screen is not). Whether the chain verifies is always
asked of the whole log, never of the rows a filter left: a filter must not hide a break.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from intake.app.queue_days import Days
from intake.app.records import AuditRow
from intake.app.search_text import folded
from intake.store.audit import Action

ACTIONS: tuple[str, ...] = tuple(str(action) for action in Action)
"""Every action a row can record, in the order the log defines them."""

SHOWN_AT_MOST = 500
"""Rows listed at once: a busy year's log would make a touch table too slow to scroll.
The filters reach older rows."""


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields let every row through."""

    days: Days | None = None
    visit_id: str = ""
    """Any part of a visit id: ids are long, and staff often have only their end."""
    staff_id: str = ""
    """The person acting, or the account an action was about (added, disabled, a failed sign-in)."""
    action: str = ""


def local_day(row: AuditRow) -> date:
    """The row's day on this machine's clock (rows keep UTC)."""
    return datetime.fromisoformat(row.at).astimezone().date()


def _kept(row: AuditRow, wanted: AuditFilter) -> bool:
    return (
        (wanted.days is None or local_day(row) in wanted.days)
        and folded(wanted.visit_id.strip()) in folded(row.visit_id or "")
        and (not wanted.staff_id or wanted.staff_id in (row.staff_id, row.subject))
        and (not wanted.action or row.action == wanted.action)
    )


def filtered(rows: Iterable[AuditRow], wanted: AuditFilter) -> list[AuditRow]:
    """The rows `wanted` lets through, newest first."""
    return sorted((row for row in rows if _kept(row, wanted)), key=lambda row: row.seq, reverse=True)


def staff_ids(rows: list[AuditRow]) -> list[str]:
    """Everyone the log names, as actor or as the account acted on, for the staff filter."""
    return sorted({row.staff_id for row in rows} | {row.subject for row in rows if row.subject})


@dataclass(frozen=True)
class AuditLogView:
    """The whole log as an admin opens it, and what the store's one check found."""

    rows: list[AuditRow]
    problems: list[str]
    """Every break the check finds in the keyed chain and in the kept visits' content, over
    the whole log whatever the filters show; empty: it verifies."""

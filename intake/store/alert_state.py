"""Which alerts each person has seen, and which requests for help staff handled.

"Seen" belongs to one person and one version of a visit: a row names the staff member,
the visit and the visit's change stamp when they tapped it. Once the visit changes its
stamp moves on, and the alert shows again, to them as to everyone; the next person
signing in never inherits someone else's "Seen". Rows go with their visit (discarded,
purged). A request for help is handled once for everyone, and asking again raises it
again (`VisitStore.request_help`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects import sqlite

from intake.store.errors import VisitNotFound
from intake.store.repository import Repository
from intake.store.schema import alert_seen, visits
from intake.store.timestamps import as_utc, utc_now

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql

SeenMark = tuple[str, str]
"""A visit's id and its change stamp, as someone saw it."""


def change_stamp(updated: datetime | None) -> str:
    """A visit's `updated` time as the seen rows keep it: the same text on SQLite and PostgreSQL."""
    moment = as_utc(updated)
    return moment.isoformat(timespec="microseconds") if moment is not None else ""


class AlertState(Repository):
    def seen_by(self, staff_id: str, visit_ids: Collection[str]) -> set[SeenMark]:
        """The versions of these visits whose alert this person marked seen."""
        query = select(alert_seen.c.visit_id, alert_seen.c.stamp).where(
            alert_seen.c.staff_id == staff_id, alert_seen.c.visit_id.in_(visit_ids)
        )
        with self._reading() as connection:
            return {(row.visit_id, row.stamp) for row in connection.execute(query)}

    def mark_seen(self, staff_id: str, marks: Sequence[SeenMark]) -> list[str]:
        """This person saw these visits' alerts as stamped; returns the ids recorded, in order.

        A visit removed meanwhile is skipped; an older mark of the same visit by the same
        person is replaced (it no longer silences anything)."""
        with self._writing() as connection:
            present = set(connection.execute(select(visits.c.id).where(visits.c.id.in_([mark[0] for mark in marks]))).scalars())
            recorded = [(visit_id, stamp) for visit_id, stamp in dict(marks).items() if visit_id in present]
            for visit_id, stamp in recorded:
                connection.execute(
                    delete(alert_seen).where(
                        alert_seen.c.staff_id == staff_id, alert_seen.c.visit_id == visit_id, alert_seen.c.stamp != stamp
                    )
                )
                connection.execute(_insert_once(connection).values(staff_id=staff_id, visit_id=visit_id, stamp=stamp,
                                                                   seen_at=utc_now()))
        return [visit_id for visit_id, _stamp in recorded]

    def mark_help_handled(self, visit_id: str) -> None:
        """A staff member took care of the patient who asked; `VisitNotFound` if the visit is gone or never asked."""
        with self._writing() as connection:
            done = connection.execute(
                update(visits).where(visits.c.id == visit_id, visits.c.help_requested.is_(True)).values(help_handled=True)
            )
        if done.rowcount == 0:
            raise VisitNotFound(f"visit {visit_id}: no request for help on it")


def _insert_once(connection: Connection) -> postgresql.Insert | sqlite.Insert:
    """A seen row, kept once when the same person marks the same version at two stations at once."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql  # here: a station on SQLite never loads this dialect

        return postgresql.insert(alert_seen).on_conflict_do_nothing()
    return sqlite.insert(alert_seen).on_conflict_do_nothing()

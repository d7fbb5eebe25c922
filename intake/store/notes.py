"""Clinician notes on a visit: staff's own words, never the patient's, never in the audit log.

Kept beside the visit and written in the transaction of their audited use case (the row
names the visit, not the text). Notes go with their visit when it is discarded or purged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from intake.store.repository import Repository
from intake.store.schema import notes
from intake.store.timestamps import as_utc, utc_now


@dataclass(frozen=True)
class Note:
    visit_id: str
    staff_id: str
    at: datetime
    text: str


class NoteStore(Repository):
    def add(self, visit_id: str, staff_id: str, text: str) -> None:
        with self._writing() as connection:
            connection.execute(insert(notes).values(visit_id=visit_id, staff_id=staff_id, at=utc_now(), text=text))

    def of_visit(self, visit_id: str) -> list[Note]:
        """Oldest first, as they were written."""
        query = select(notes).where(notes.c.visit_id == visit_id).order_by(notes.c.id)
        with self._reading() as connection:
            return [Note(row.visit_id, row.staff_id, as_utc(row.at), row.text) for row in connection.execute(query)]  # type: ignore[arg-type]

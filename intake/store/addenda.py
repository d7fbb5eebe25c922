"""What staff add to a visit after the patient: amended answers and clinician notes.

Both are kept beside the visit, never folded into it: an amendment keeps the answer as
the patient gave it next to the new one and the reason, so the original is never lost;
a note is the clinician's, not the patient's. Each is written in the transaction of its
audited use case, whose row carries the visit's content once the summary shows it.
Amendments and notes go with their visit when it is discarded or purged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, insert, select

from intake.store.repository import Repository
from intake.store.schema import amendments, notes
from intake.store.timestamps import as_utc, utc_now


@dataclass(frozen=True)
class Amendment:
    visit_id: str
    staff_id: str
    at: datetime
    answer_key: str
    old_value: Any
    """As the response file holds it; None when it was not answered."""
    new_value: Any
    reason: str


@dataclass(frozen=True)
class Note:
    visit_id: str
    staff_id: str
    at: datetime
    text: str


class AddendaStore(Repository):
    def add_amendment(self, visit_id: str, staff_id: str, answer_key: str, old_value: Any, new_value: Any, reason: str) -> None:
        with self._writing() as connection:
            connection.execute(
                insert(amendments).values(
                    visit_id=visit_id, staff_id=staff_id, at=utc_now(), answer_key=answer_key,
                    old_value=json.dumps(old_value, ensure_ascii=False), new_value=json.dumps(new_value, ensure_ascii=False),
                    reason=reason,
                )
            )

    def amendments(self, visit_id: str) -> list[Amendment]:
        """Oldest first, as they were made."""
        query = select(amendments).where(amendments.c.visit_id == visit_id).order_by(amendments.c.id)
        with self._reading() as connection:
            return [
                Amendment(row.visit_id, row.staff_id, as_utc(row.at), row.answer_key,  # type: ignore[arg-type]
                          json.loads(row.old_value), json.loads(row.new_value), row.reason)
                for row in connection.execute(query)
            ]

    def amended(self, visit_id: str) -> bool:
        """Whether staff changed any of this visit's answers."""
        with self._reading() as connection:
            return bool(connection.execute(select(exists().where(amendments.c.visit_id == visit_id))).scalar())

    def add_note(self, visit_id: str, staff_id: str, text: str) -> None:
        with self._writing() as connection:
            connection.execute(insert(notes).values(visit_id=visit_id, staff_id=staff_id, at=utc_now(), text=text))

    def notes(self, visit_id: str) -> list[Note]:
        """Oldest first, as they were written."""
        query = select(notes).where(notes.c.visit_id == visit_id).order_by(notes.c.id)
        with self._reading() as connection:
            return [Note(row.visit_id, row.staff_id, as_utc(row.at), row.text) for row in connection.execute(query)]  # type: ignore[arg-type]

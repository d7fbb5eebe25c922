"""Answers staff changed on a patient's behalf after the visit finished, the original kept.

An amendment sits beside the visit, never folded into it: the answer as it was, the new
one and the reason stay together, so the patient's own answer is never lost however
often it is corrected. Each is written in the transaction of its audited use case, whose
row carries the visit's content once the summary shows it. Amendments go with their
visit when it is discarded or purged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, insert, select

from intake.store.repository import Repository
from intake.store.schema import amendments
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


class AmendmentStore(Repository):
    def add(self, visit_id: str, staff_id: str, answer_key: str, old_value: Any, new_value: Any, reason: str) -> None:
        with self._writing() as connection:
            connection.execute(
                insert(amendments).values(
                    visit_id=visit_id, staff_id=staff_id, at=utc_now(), answer_key=answer_key,
                    old_value=json.dumps(old_value, ensure_ascii=False), new_value=json.dumps(new_value, ensure_ascii=False),
                    reason=reason,
                )
            )

    def of_visit(self, visit_id: str) -> list[Amendment]:
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

"""The visits repository: what the kiosk, the staff screens and the CLI store and read.

A visit is created when a patient taps Start, its answers are saved after every page and
shortly after every change (so a crash or power cut loses at most the answer being
typed), and it is finished with the assessment and the PDF. The queue lists the most
recently finished (or saved) first within each priority, urgent first.
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, insert, select, update

from intake.eligibility.assessment import Outcome
from intake.store.errors import VisitNotFound
from intake.store.repository import Repository
from intake.store.schema import visits
from intake.store.timestamps import as_utc, utc_now
from intake.visit_status import FINISHED, IN_PROGRESS, UNFINISHED

URGENT, NEEDS_REVIEW, ROUTINE = 0, 1, 2
_PRIORITY = {Outcome.URGENT_REVIEW: URGENT, Outcome.REVIEW_NEEDED: NEEDS_REVIEW, Outcome.INCOMPLETE: NEEDS_REVIEW}


@dataclass(frozen=True)
class VisitSummary:
    id: str
    started: datetime
    finished: datetime | None
    status: str
    outcome: str | None
    reviewed: bool
    given_name: str | None
    family_name: str | None
    priority: int
    help_requested: bool = False
    """The patient tapped "I need help" (for the staff queue; not part of the CLI's JSON)."""
    date_of_birth: date | None = None
    """From the answers, for the staff queue's search (not part of the CLI's JSON)."""

    def to_json_dict(self) -> dict[str, Any]:
        """The `intake visits list --json` object (the README documents it)."""
        return {
            "id": self.id,
            "started": self.started.isoformat(),
            "finished": self.finished.isoformat() if self.finished else None,
            "status": self.status,
            "outcome": self.outcome,
            "reviewed": self.reviewed,
            "given_name": self.given_name,
            "family_name": self.family_name,
        }


@dataclass(frozen=True)
class StoredVisit:
    summary: VisitSummary
    response: dict[str, Any]
    assessment: dict[str, Any] | None
    pdf: bytes | None
    policy: str | None
    rules_version: str | None
    rules_hash: str | None


_SUMMARY_COLUMNS = (
    visits.c.id, visits.c.started, visits.c.finished, visits.c.status, visits.c.outcome,
    visits.c.reviewed, visits.c.given_name, visits.c.family_name, visits.c.priority, visits.c.help_requested,
    visits.c.date_of_birth,
)


def _summary(row: Any) -> VisitSummary:
    return VisitSummary(
        id=row.id,
        started=as_utc(row.started),  # type: ignore[arg-type]
        finished=as_utc(row.finished),
        status=row.status,
        outcome=row.outcome,
        reviewed=bool(row.reviewed),
        given_name=row.given_name,
        family_name=row.family_name,
        priority=row.priority,
        help_requested=bool(row.help_requested),
        date_of_birth=row.date_of_birth,
    )


def _stored(row: Any, pdf: bytes | None) -> StoredVisit:
    return StoredVisit(
        summary=_summary(row),
        response=json.loads(row.response),
        assessment=json.loads(row.assessment) if row.assessment else None,
        pdf=pdf,
        policy=row.policy,
        rules_version=row.rules_version,
        rules_hash=row.rules_hash,
    )


def _started_in(query: Select[Any], date_from: date | None, date_to: date | None) -> Select[Any]:
    """Whole UTC days, both ends included (the CLI's `--from`/`--to`)."""
    if date_from:
        query = query.where(visits.c.started >= datetime.combine(date_from, time.min, UTC))
    if date_to:
        query = query.where(visits.c.started < datetime.combine(date_to + timedelta(days=1), time.min, UTC))
    return query


def _names(response: dict[str, Any]) -> dict[str, Any]:
    """Who the visit is for, copied out of the answers for the queue (the response keeps them too)."""
    answers = response.get("answers", {})
    return {
        "given_name": answers.get("given_name"),
        "family_name": answers.get("family_name"),
        "date_of_birth": _birth_date(answers.get("date_of_birth")),
    }


def _birth_date(answer: Any) -> date | None:
    """The answer as responses store it (an ISO date); anything else leaves the column empty."""
    try:
        return date.fromisoformat(answer) if isinstance(answer, str) else None
    except ValueError:
        return None


class VisitStore(Repository):
    def create(self, visit_id: str, response: dict[str, Any]) -> None:
        now = utc_now()
        with self._writing() as connection:
            connection.execute(
                insert(visits).values(
                    id=visit_id, started=now, updated=now, status=IN_PROGRESS, priority=ROUTINE,
                    response=json.dumps(response, ensure_ascii=False), reviewed=False, **_names(response),
                )
            )

    def save_answers(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """Autosave: the answers so far (as a response file) for a visit in progress."""
        self._save_draft(visit_id, response, staff_alerted, {})

    def set_aside(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """The patient walked away: keep the answers so far as an unfinished visit for staff."""
        self._save_draft(visit_id, response, staff_alerted, {"status": UNFINISHED})

    def request_help(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """The patient asked for a person: flag the visit for every station's queue, with the answers so far."""
        self._save_draft(visit_id, response, staff_alerted, {"help_requested": True})

    def _save_draft(
        self, visit_id: str, response: dict[str, Any], staff_alerted: bool, extra: dict[str, Any]
    ) -> None:
        values: dict[str, Any] = {
            "response": json.dumps(response, ensure_ascii=False), "updated": utc_now(), **_names(response), **extra,
        }
        if staff_alerted:
            values["priority"] = URGENT
        with self._writing() as connection:
            done = connection.execute(
                update(visits).where(visits.c.id == visit_id, visits.c.status.in_((IN_PROGRESS, UNFINISHED))).values(**values)
            )
            if done.rowcount == 0:
                raise VisitNotFound(f"visit {visit_id}: no unfinished visit with this id")

    def finish(self, visit_id: str, response: dict[str, Any], assessment: dict[str, Any], pdf: bytes) -> None:
        """Store the finished visit: the response, its assessment (the `intake assess --json`
        object, which names the outcome and the rules it used) and the PDF."""
        now = utc_now()
        values: dict[str, Any] = {
            "updated": now, "finished": now, "status": FINISHED,
            "priority": _PRIORITY.get(Outcome(assessment["outcome"]), ROUTINE), "outcome": assessment["outcome"],
            "policy": assessment["policy"], "rules_version": assessment["policy_version"],
            "rules_hash": assessment["rules_hash"],
            "response": json.dumps(response, ensure_ascii=False),
            "assessment": json.dumps(assessment, ensure_ascii=False),
            "pdf": pdf, **_names(response),
        }
        with self._writing() as connection:
            done = connection.execute(update(visits).where(visits.c.id == visit_id).values(**values))
            if done.rowcount == 0:
                connection.execute(insert(visits).values(id=visit_id, started=now, reviewed=False, **values))

    def mark_interrupted(self) -> builtins.list[str]:
        """At start-up: visits left in progress by a crash become unfinished, for staff only.

        Returns their ids, for the audit log."""
        with self._writing() as connection:
            ids = [row.id for row in connection.execute(select(visits.c.id).where(visits.c.status == IN_PROGRESS))]
            if ids:
                connection.execute(update(visits).where(visits.c.id.in_(ids)).values(status=UNFINISHED, updated=utc_now()))
        return ids

    def list(
        self,
        status: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[VisitSummary]:
        """Urgent first, then needing review, then the rest; within each, the most recently
        finished first (a visit not finished: by its last save), so the patient who just
        handed the tablet back tops their band.

        `date_from`/`date_to` are whole UTC days (the CLI's contract); `since` (included)
        and `until` (excluded) are exact moments, for the staff queue's days in the
        clinic's own time zone.
        """
        latest = func.coalesce(visits.c.finished, visits.c.updated)
        query: Select[Any] = select(*_SUMMARY_COLUMNS).order_by(
            visits.c.priority, latest.desc(), visits.c.started.desc(), visits.c.id.desc()
        )
        if status:
            query = query.where(visits.c.status == status)
        if since:
            query = query.where(visits.c.started >= since.astimezone(UTC))
        if until:
            query = query.where(visits.c.started < until.astimezone(UTC))
        query = _started_in(query, date_from, date_to)
        if limit:
            query = query.limit(limit)
        with self._reading() as connection:
            return [_summary(row) for row in connection.execute(query)]

    def get(self, visit_id: str) -> StoredVisit:
        with self._reading() as connection:
            row = connection.execute(select(visits).where(visits.c.id == visit_id)).first()
        if row is None:
            raise VisitNotFound(f"visit {visit_id}: not found")
        return _stored(row, row.pdf)

    def without_pdfs(self, date_from: date | None = None, date_to: date | None = None) -> builtins.list[StoredVisit]:
        """Visits started in these UTC days, oldest first, read in one query and without
        their PDFs (`pdf` is None): what a CSV export needs."""
        columns = [column for column in visits.c if column.name != "pdf"]
        query = _started_in(select(*columns).order_by(visits.c.started), date_from, date_to)
        with self._reading() as connection:
            return [_stored(row, None) for row in connection.execute(query)]

    def mark_reviewed(self, visit_id: str, staff_id: str) -> None:
        with self._writing() as connection:
            done = connection.execute(
                update(visits).where(visits.c.id == visit_id).values(reviewed=True, reviewed_at=utc_now(), reviewed_by=staff_id)
            )
            if done.rowcount == 0:
                raise VisitNotFound(f"visit {visit_id}: not found")

    def discard(self, visit_id: str) -> None:
        """Remove an unfinished visit staff decided not to resume."""
        with self._writing() as connection:
            done = connection.execute(delete(visits).where(visits.c.id == visit_id, visits.c.status != FINISHED))
            if done.rowcount == 0:
                raise VisitNotFound(f"visit {visit_id}: no unfinished visit with this id")

    def purge(self, older_than_days: int) -> builtins.list[str]:
        """Delete visits started more than N days ago; returns their ids for the audit log."""
        cutoff = utc_now() - timedelta(days=older_than_days)
        with self._writing() as connection:
            ids = [row.id for row in connection.execute(select(visits.c.id).where(visits.c.started < cutoff))]
            if ids:
                connection.execute(delete(visits).where(visits.c.id.in_(ids)))
        return ids

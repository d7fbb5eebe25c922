"""The visits repository: what the kiosk, the staff screens and the CLI store and read.

A visit is created when a patient taps Start; its answers are saved after every page,
at once after every tap and finished field, and shortly after typing pauses (so a crash
or power cut loses at most the answer being typed). At Finish every answer is stored
first, then the visit is finished with the assessment and the PDF, or, if that fails,
left unfinished and flagged for staff. The queue lists the most recently finished (or
saved) first within each priority, urgent first.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Select, delete, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from intake.eligibility.assessment import Outcome
from intake.store.audit import Action
from intake.store.errors import AlreadyImported, VisitNotFound
from intake.store.repository import Repository
from intake.store.schema import audit, visits
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
    summary_failed: bool = False
    """The answers were kept at Finish but no summary was made: staff are alerted until one is
    (for the staff queue; not part of the CLI's JSON)."""
    date_of_birth: date | None = None
    """From the answers, for the staff queue's search (not part of the CLI's JSON)."""
    updated: datetime | None = None
    """The last change: an alert someone marked seen shows again once it moves on (not part of the CLI's JSON)."""
    help_handled: bool = False
    """A staff member took care of the patient's request for help (not part of the CLI's JSON)."""
    answered_before: bool = False
    """Imported from a response file (`intake import`, the staff screens' import): the patient answered
    before the visit, not at the kiosk. Read from the visit's `imported` audit row, so a visit imported
    before this was shown is marked too (for the staff screens and the PDF; not part of the CLI's JSON)."""

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


_ANSWERED_BEFORE = (
    exists().where(audit.c.visit_id == visits.c.id, audit.c.action == Action.IMPORTED.value).label("answered_before")
)
"""`VisitSummary.answered_before`: the visit's `imported` audit row (index `audit_visit_action`)."""
_SUMMARY_COLUMNS = (
    visits.c.id, visits.c.started, visits.c.finished, visits.c.status, visits.c.outcome,
    visits.c.reviewed, visits.c.given_name, visits.c.family_name, visits.c.priority, visits.c.help_requested,
    visits.c.summary_failed,
    visits.c.date_of_birth,
    visits.c.updated, visits.c.help_handled, _ANSWERED_BEFORE,
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
        summary_failed=bool(row.summary_failed),
        date_of_birth=row.date_of_birth,
        updated=as_utc(row.updated),
        help_handled=bool(row.help_handled),
        answered_before=bool(row.answered_before),
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


def _draft_values(response: dict[str, Any], staff_alerted: bool, **extra: Any) -> dict[str, Any]:
    """The columns an unfinished visit's answers set; a red flag raised makes it urgent."""
    values: dict[str, Any] = {
        "response": json.dumps(response, ensure_ascii=False), "updated": utc_now(), **_names(response), **extra,
    }
    if staff_alerted:
        values["priority"] = URGENT
    return values


def _assessed(response: dict[str, Any], assessment: dict[str, Any], pdf: bytes) -> dict[str, Any]:
    """The columns an assessed visit's answers, assessment and summary set (at Finish, or when staff amend it)."""
    return {
        "priority": _PRIORITY.get(Outcome(assessment["outcome"]), ROUTINE), "outcome": assessment["outcome"],
        "policy": assessment["policy"], "rules_version": assessment["policy_version"],
        "rules_hash": assessment["rules_hash"],
        "response": json.dumps(response, ensure_ascii=False),
        "assessment": json.dumps(assessment, ensure_ascii=False),
        "pdf": pdf, **_names(response),
    }


def _update_open(connection: Connection, visit_id: str, values: dict[str, Any]) -> None:
    done = connection.execute(
        update(visits).where(visits.c.id == visit_id, visits.c.status.in_((IN_PROGRESS, UNFINISHED))).values(**values)
    )
    if done.rowcount == 0:
        raise VisitNotFound(f"visit {visit_id}: no unfinished visit with this id")


class VisitStore(Repository):
    def create(self, visit_id: str, response: dict[str, Any], station: str | None = None) -> None:
        """A visit started on `station` (the installation's id; None: not recorded)."""
        now = utc_now()
        with self._writing() as connection:
            connection.execute(
                insert(visits).values(
                    id=visit_id, started=now, updated=now, status=IN_PROGRESS, priority=ROUTINE,
                    response=json.dumps(response, ensure_ascii=False), reviewed=False, station=station, **_names(response),
                )
            )

    def save_answers(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """Autosave: the answers so far (as a response file) for a visit in progress."""
        self._save_draft(visit_id, response, staff_alerted, {})

    def set_aside(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """The patient walked away: keep the answers so far as an unfinished visit for staff."""
        self._save_draft(visit_id, response, staff_alerted, {"status": UNFINISHED})

    def request_help(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """The patient asked for a person: flag the visit for every station's queue, with the answers so far.

        Asking again after staff handled an earlier request alerts them again."""
        self._save_draft(visit_id, response, staff_alerted, {"help_requested": True, "help_handled": False})

    def summary_failed(self, visit_id: str, response: dict[str, Any], staff_alerted: bool) -> None:
        """The answers were kept at Finish but no summary was made: unfinished, every answer, flagged for staff.

        `finish` clears the flag once a summary is made; discarding the visit removes it."""
        self._save_draft(visit_id, response, staff_alerted, {"status": UNFINISHED, "summary_failed": True})

    def hand_in(self, visit_id: str, response: dict[str, Any], staff_alerted: bool, station: str | None = None) -> None:
        """Finish was tapped: every answer, in one short write, before anything slow runs.

        The visit is in progress until its summary is made; one whose start was not stored
        is created here, on `station`."""
        self._save_or_create(visit_id, response, staff_alerted, IN_PROGRESS, utc_now(), station)

    def recover(self, visit_id: str, response: dict[str, Any], staff_alerted: bool, kept_at: datetime) -> None:
        """Answers the store refused at Finish, read back at the next start: an unfinished visit for staff.

        A visit already finished is left as it is; one never stored is created, started when its answers were kept.
        Either way it carries the "summary failed" flag: the patient finished, and no summary was made."""
        self._save_or_create(visit_id, response, staff_alerted, UNFINISHED, kept_at, summary_failed=True)

    def _save_or_create(
        self, visit_id: str, response: dict[str, Any], staff_alerted: bool, status: str, started: datetime,
        station: str | None = None, **extra: Any
    ) -> None:
        with self._writing() as connection:
            known = connection.execute(select(visits.c.status).where(visits.c.id == visit_id)).first()
            if known is None:
                priority = URGENT if staff_alerted else ROUTINE
                connection.execute(
                    insert(visits).values(
                        id=visit_id, started=started, status=status, reviewed=False, priority=priority, station=station,
                        **_draft_values(response, staff_alerted=False, **extra),
                    )
                )
            elif known.status != FINISHED:
                _update_open(connection, visit_id, _draft_values(response, staff_alerted, status=status, **extra))

    def _save_draft(self, visit_id: str, response: dict[str, Any], staff_alerted: bool, extra: dict[str, Any]) -> None:
        with self._writing() as connection:
            _update_open(connection, visit_id, _draft_values(response, staff_alerted, **extra))

    def finish(self, visit_id: str, response: dict[str, Any], assessment: dict[str, Any], pdf: bytes) -> None:
        """Store the finished visit: the response, its assessment (the `intake assess --json`
        object, which names the outcome and the rules it used) and the PDF."""
        now = utc_now()
        values: dict[str, Any] = {
            "updated": now, "finished": now, "status": FINISHED, "summary_failed": False, **_assessed(response, assessment, pdf),
        }
        with self._writing() as connection:
            done = connection.execute(update(visits).where(visits.c.id == visit_id).values(**values))
            if done.rowcount == 0:
                connection.execute(insert(visits).values(id=visit_id, started=now, reviewed=False, **values))

    def mark_interrupted(self, station: str | None, stale_before: datetime) -> builtins.list[str]:
        """At start-up: visits this station left in progress (a crash) become unfinished, for staff only.

        Another station's visit may be under way on it, so it is left alone unless it was
        last saved before `stale_before` (long abandoned). A visit with no station recorded
        (started before stations were) counts as this station's. Returns their ids, for
        the audit log."""
        ours = or_(visits.c.station == station, visits.c.station.is_(None))
        interrupted = select(visits.c.id).where(
            visits.c.status == IN_PROGRESS, or_(ours, visits.c.updated < stale_before.astimezone(UTC))
        )
        with self._writing() as connection:
            ids = [row.id for row in connection.execute(interrupted)]
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
            row = connection.execute(select(visits, _ANSWERED_BEFORE).where(visits.c.id == visit_id)).first()
        if row is None:
            raise VisitNotFound(f"visit {visit_id}: not found")
        return _stored(row, row.pdf)

    def without_pdfs(
        self, date_from: date | None = None, date_to: date | None = None,
        since: datetime | None = None, until: datetime | None = None,
    ) -> builtins.list[StoredVisit]:
        """Visits started in these UTC days (or from `since`, included, until before `until`),
        oldest first, read in one query and without their PDFs (`pdf` is None): what a CSV
        export needs."""
        columns = [*(column for column in visits.c if column.name != "pdf"), _ANSWERED_BEFORE]
        query = _started_in(select(*columns).order_by(visits.c.started), date_from, date_to)
        if since:
            query = query.where(visits.c.started >= since.astimezone(UTC))
        if until:
            query = query.where(visits.c.started < until.astimezone(UTC))
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

    def started_before(self, moment: datetime) -> builtins.list[VisitSummary]:
        """Visits started before `moment`, oldest first: what a purge would delete."""
        query = select(*_SUMMARY_COLUMNS).where(visits.c.started < moment.astimezone(UTC))
        with self._reading() as connection:
            return [_summary(row) for row in connection.execute(query.order_by(visits.c.started, visits.c.id))]

    def purge(self, visit_ids: Sequence[str]) -> builtins.list[str]:
        """Delete these visits; returns, in the order given, those that were still there, for the audit log."""
        with self._writing() as connection:
            found = {row.id for row in connection.execute(select(visits.c.id).where(visits.c.id.in_(visit_ids)))}
            if found:
                connection.execute(delete(visits).where(visits.c.id.in_(found)))
        return [visit_id for visit_id in visit_ids if visit_id in found]

    def imported_as(self, fingerprint: str) -> str | None:
        """The visit an import of the response with this fingerprint stored, while it is kept."""
        with self._reading() as connection:
            found: str | None = connection.execute(select(visits.c.id).where(visits.c.import_fingerprint == fingerprint)).scalar()
        return found

    def mark_imported(self, visit_id: str, fingerprint: str) -> None:
        """Note the response a visit was imported from; `AlreadyImported` (its visit not yet
        known) when another visit holds it: an import of it committed since the caller looked."""
        with self._writing() as connection:
            try:
                connection.execute(update(visits).where(visits.c.id == visit_id).values(import_fingerprint=fingerprint))
            except IntegrityError:
                raise AlreadyImported(None) from None

    def locked(self, visit_id: str) -> StoredVisit:
        """One visit, its row locked until the caller's transaction ends, so two stations
        changing it at once take turns (SQLite's transaction holds the write lock already)."""
        with self._reading() as connection:
            row = connection.execute(select(visits, _ANSWERED_BEFORE).where(visits.c.id == visit_id).with_for_update()).first()
        if row is None:
            raise VisitNotFound(f"visit {visit_id}: not found")
        return _stored(row, row.pdf)

    def revise(self, visit_id: str, response: dict[str, Any], assessment: dict[str, Any], pdf: bytes) -> None:
        """A finished visit's answers, assessment and summary made again (staff amended an answer, added
        a note). It keeps when it finished; it keeps its review unless its outcome changed, which
        staff must then review again (an outcome turned urgent alerts them like a new one)."""
        values = {"updated": utc_now(), **_assessed(response, assessment, pdf)}
        with self._writing() as connection:
            now = connection.execute(
                select(visits.c.outcome).where(visits.c.id == visit_id, visits.c.status == FINISHED)
            ).first()
            if now is None:
                raise VisitNotFound(f"visit {visit_id}: no finished visit with this id")
            if now.outcome != assessment["outcome"]:
                values.update(reviewed=False, reviewed_at=None, reviewed_by=None)
            connection.execute(update(visits).where(visits.c.id == visit_id).values(**values))

    def resume(self, visit_id: str) -> None:
        """Staff continue an open visit with the patient: in progress again, its answers as they are.

        `updated` moves too, so a station still holding the visit paused sees that it was
        taken (`last_change`). `VisitNotFound` when the visit is finished or gone."""
        with self._writing() as connection:
            _update_open(connection, visit_id, {"status": IN_PROGRESS, "updated": utc_now()})

    def last_change(self, visit_id: str) -> tuple[str, datetime] | None:
        """The visit's status and when it last changed (None: not stored): one small row, cheap to ask every second."""
        with self._reading() as connection:
            row = connection.execute(select(visits.c.status, visits.c.updated).where(visits.c.id == visit_id)).first()
        return None if row is None else (row.status, as_utc(row.updated))  # type: ignore[return-value]

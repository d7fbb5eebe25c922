"""A signed-in person's desk (or a terminal user's): every staff use case, audited in their name.

Each use case that changes stored state does so in one transaction with its audit row,
so neither can be kept without the other. Reading the queue is not audited; opening a
visit is. Printing cannot be undone, so its row is written once the printer took the job.
Files written for staff (a saved PDF, an export) are written after their audit row is
appended and before it commits: a file that cannot be written leaves no row behind.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from intake.app.alerts import Alerts, alerts_for, seen_mark
from intake.app.amending import addenda_of, amend_response, note_text, reason_text, summary_again, with_note
from intake.app.answers_so_far import answers_so_far
from intake.app.assessing import assess_for_clinic
from intake.app.audit_view import AuditLogView
from intake.app.backups import make_backup
from intake.app.change_watch import ChangeWatch
from intake.app.errors import AlreadyImported
from intake.app.exports import CsvExport, csv_file_name, exports_dir, fhir_file_name, write_fhir_json
from intake.app.finishing import FinishedVisit, SummaryNotSaved, assess_and_render, save_summary, summaries_dir, write_summary
from intake.app.queue_days import Days
from intake.app.station import Station
from intake.app.visit import new_visit_id
from intake.atomic import write_private
from intake.interop.csv_export import csv_bytes
from intake.interop.fhir_version import FhirVersion
from intake.interop.fhir_visit import export_visit
from intake.questionnaire.response import Response, parse_response
from intake.report import Addenda
from intake.settings import Settings, save_settings
from intake.store.audit import Action, AuditRow
from intake.store.staff import Role, StaffMember
from intake.store.stores import Stores
from intake.store.visits import StoredVisit, VisitSummary
from intake.visit_status import FINISHED

Printed = TypeVar("Printed")


def response_fingerprint(response: Response) -> str:
    """What makes two response files the same response: their parsed content, so spacing,
    key order and spelling a whole number as 4.0 do not count, while every answer does."""
    canonical = json.dumps(_whole_numbers_as_int(response.to_json_dict()), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _whole_numbers_as_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_numbers_as_int(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers_as_int(item) for item in value]
    return value


class StaffDesk:
    def __init__(
        self, station: Station, member: StaffMember | None, actor: str | None = None, pin_change_required: bool = False
    ) -> None:
        """`member` is the signed-in person; a terminal user has none and acts as `actor` (`cli:<login>`).

        `pin_change_required`: the person signed in with a PIN today's rules would not
        accept; screens ask for a new one (`change_pin`) before anything else.
        """
        self.station = station
        self.member = member
        self.actor = actor or (member.id if member is not None else "")
        if not self.actor:
            raise ValueError("a staff desk needs a signed-in member or a terminal user's id")
        self.pin_change_required = pin_change_required

    @property
    def is_admin(self) -> bool:
        return self.member is not None and self.member.is_admin

    @property
    def summaries_folder(self) -> Path:
        """Where `save_pdf` puts summaries: the clinic's output folder, else the data dir's."""
        return summaries_dir(self.station.settings)

    @property
    def _stores(self) -> Stores:
        return self.station.required_stores()

    def sign_out(self) -> None:
        with self.station.audited(Action.SIGNED_OUT, self.actor):
            pass

    def queue(self, since: datetime | None = None, until: datetime | None = None) -> list[VisitSummary]:
        """Visits started from `since` until before `until`: urgent first, then needing review, the
        most recently finished first within each (not audited: names and dates of birth only)."""
        return self._stores.visits.list(since=since, until=until)

    def visits(self, status: str | None = None, date_from: date | None = None, date_to: date | None = None) -> list[VisitSummary]:
        return self._stores.visits.list(status=status, date_from=date_from, date_to=date_to)

    def view(self, visit_id: str) -> StoredVisit:
        """One visit, whole; its opening is audited with the rules it was assessed by."""
        with self._stores.transaction() as transaction:
            visit = transaction.visits.get(visit_id)
            transaction.audit.record(Action.VIEWED, self.actor, visit_id, visit.rules_version)
        return visit

    def print_summary(self, visit: StoredVisit, send: Callable[[bytes], Printed]) -> Printed:
        """`send` prints the stored PDF (raising if it cannot); the printing is then audited."""
        if visit.pdf is None:
            raise ValueError(f"visit {visit.summary.id}: no summary to print")
        printed = send(visit.pdf)
        with self.station.audited(Action.PRINTED, self.actor, visit.summary.id, visit.rules_version):
            pass
        return printed

    def print_info_sheet(self, visit: StoredVisit, send: Callable[[], Printed]) -> Printed:
        """The patient information sheet printed for this visit (a handout: only the printing is kept)."""
        printed = send()
        with self.station.audited(Action.PRINTED_INFO, self.actor, visit.summary.id):
            pass
        return printed

    def save_pdf(self, visit: StoredVisit, folder: Path | None = None) -> Path:
        """The stored summary into `folder` (default: the clinic's summaries folder), named by visit id only."""
        if visit.pdf is None:
            raise ValueError(f"visit {visit.summary.id}: no summary PDF (the visit is not finished)")
        with self._stores.transaction() as transaction:
            transaction.audit.record(Action.EXPORTED, self.actor, visit.summary.id, visit.rules_version)
            return save_summary(visit.pdf, visit.summary.id, folder or self.summaries_folder)

    def write_pdf(self, visit: StoredVisit, path: Path) -> None:
        """The stored summary to a path the user chose (the CLI's `--pdf`)."""
        if visit.pdf is None:
            raise ValueError(f"visit {visit.summary.id}: no summary PDF (the visit is not finished)")
        with self._stores.transaction() as transaction:
            transaction.audit.record(Action.EXPORTED, self.actor, visit.summary.id, visit.rules_version)
            write_private(path, visit.pdf)

    def mark_reviewed(self, visit_id: str) -> StoredVisit:
        with self._stores.transaction() as transaction:
            transaction.visits.mark_reviewed(visit_id, self.actor)
            visit = transaction.visits.get(visit_id)
            transaction.audit.record(Action.REVIEWED, self.actor, visit_id, visit.rules_version)
        return visit

    def discard(self, visit_id: str) -> None:
        """Delete an unfinished visit staff will not resume; `VisitNotFound` if it is not one."""
        with self.station.audited(Action.DISCARDED, self.actor, visit_id) as transaction:
            transaction.visits.discard(visit_id)

    def continue_held_visit(self, visit_id: str) -> None:
        """Staff hand the tablet back to the patient whose red-flag answer put the visit on hold."""
        with self.station.audited(Action.RESUMED, self.actor, visit_id):
            pass

    def change_settings(self, settings: Settings) -> None:
        """Write the clinic's new settings (audited) and use them from the next visit on."""
        with self._stores.transaction() as transaction:
            transaction.audit.record(Action.SETTINGS_CHANGED, self.actor)
            save_settings(settings, self.station.settings_file)
        self.station.use_settings(settings)

    def import_response(self, response: Response, again: bool = False) -> FinishedVisit:
        """A response file stored as a finished visit, assessed under the clinic's settings.

        A response is stored once: importing it again raises `AlreadyImported` naming its
        visit, unless `again` asks for another copy (left unmarked, so the first stays the
        answer). The check shares the store's transaction, so a command killed after its
        commit, before it printed the id, gets the id by running again: no second visit.
        Its `imported` audit row marks it answered before the visit, as its summary says.
        """
        fingerprint = response_fingerprint(response)
        finished = assess_and_render(
            new_visit_id(), response, self.station.form, self.station.settings, audit_anchor=self.station.audit_head(),
            answered_before=True,
        )
        assessment = finished.assessment
        try:
            with self.station.audited(Action.IMPORTED, self.actor, finished.visit_id, assessment.policy_version) as transaction:
                earlier = None if again else transaction.visits.imported_as(fingerprint)
                if earlier is not None:
                    raise AlreadyImported(earlier)
                transaction.visits.finish(finished.visit_id, response.to_json_dict(), assessment.to_json_dict(), finished.pdf)
                if not again:
                    transaction.visits.mark_imported(finished.visit_id, fingerprint)
        except AlreadyImported as already:
            if already.visit_id is None:  # another import of it committed between our look and our store
                raise AlreadyImported(self._stores.visits.imported_as(fingerprint)) from None
            raise
        return finished

    def purge_candidates(self, before: datetime) -> list[VisitSummary]:
        """Visits started before `before`, oldest first: what staff confirm before `purge` (not audited: nothing changes)."""
        return self._stores.visits.started_before(before)

    def purge(self, candidates: Sequence[VisitSummary]) -> list[str]:
        """Delete the visits staff confirmed, each with its own audit row.

        Exactly those: a visit started, or grown old enough, while staff read the list is
        not among them. Returns the ids deleted (one purged meanwhile elsewhere is not).
        """
        with self._stores.transaction() as transaction:
            purged = transaction.visits.purge([visit.id for visit in candidates])
            for visit_id in purged:
                transaction.audit.record(Action.PURGED, self.actor, visit_id)
        return purged

    def export_fhir(self, visit_id: str, version: FhirVersion, write: Callable[[dict[str, Any]], None]) -> StoredVisit:
        """One visit as a FHIR Bundle, handed to `write`; audited, and nothing kept if `write` fails."""
        with self._stores.transaction() as transaction:
            visit = transaction.visits.get(visit_id)
            transaction.audit.record(Action.EXPORTED, self.actor, visit_id, visit.rules_version)
            write(export_visit(visit, self.station.form, version, amended=transaction.amendments.amended(visit_id)))
        return visit

    def export_csv(self, date_from: date | None, date_to: date | None, write: Callable[[bytes], None]) -> int:
        """Visits started in these days as CSV, handed to `write`; one audit row per visit."""
        with self._stores.transaction() as transaction:
            exported = transaction.visits.without_pdfs(date_from, date_to)
            for visit in exported:
                transaction.audit.record(Action.EXPORTED, self.actor, visit.summary.id, visit.rules_version)
            write(csv_bytes(self.station.form, exported))
        return len(exported)

    def staff(self) -> list[StaffMember]:
        return self._stores.staff.list()

    def add_staff(self, staff_id: str, name: str, role: Role, pin: str, one_time_pin: bool = False) -> StaffMember:
        """A new account; `ValueError` (an admin's PIN needs more digits, say) or `StaffExists` say what to fix.

        `one_time_pin`: the person must choose their own PIN at their first sign-in.
        """
        with self.station.audited(Action.STAFF_ADDED, self.actor, subject=staff_id) as transaction:
            return transaction.staff.add(staff_id, name, role, pin, one_time_pin)

    def disable_staff(self, staff_id: str) -> None:
        """`LastActiveAdmin` when it would leave no active administrator; `StaffNotFound` for an unknown ID."""
        with self.station.audited(Action.STAFF_DISABLED, self.actor, subject=staff_id) as transaction:
            transaction.staff.disable(staff_id)

    def change_pin(self, pin: str) -> None:
        """The signed-in person's own new PIN, checked by the rules for their role (`ValueError` says what to fix)."""
        if self.member is None:
            raise ValueError("only a signed-in member changes their own PIN")
        with self.station.audited(Action.PIN_CHANGED, self.actor) as transaction:
            transaction.staff.change_pin(self.member.id, pin)
        self.pin_change_required = False
        self.member = replace(self.member, must_change_pin=False)

    def audit_rows(self) -> list[AuditRow]:
        return self._stores.audit.rows()

    def view_audit(self) -> AuditLogView:
        """The whole log for the admin's viewer, in `seq` order, and the store's check of it;
        opening it is audited first, so the row that says so is the last one read."""
        with self.station.audited(Action.AUDIT_VIEWED, self.actor):
            pass
        return AuditLogView(self.audit_rows(), self.station.verify_audit().problems)

    def print_test_page(self, send: Callable[[], Printed]) -> Printed:
        """`send` prints a test page (no patient data); a settings-area action, so it is audited once printed."""
        printed = send()
        with self.station.audited(Action.TEST_PRINTED, self.actor):
            pass
        return printed

    def alerts(self, visits: Sequence[VisitSummary]) -> Alerts:
        """What this person's alert bar shows for these visits (not audited: nothing changes)."""
        seen = self._stores.alerts.seen_by(self.actor, [visit.id for visit in visits])
        return alerts_for(visits, seen)

    def mark_alerts_seen(self, alerts: Alerts) -> None:
        """This person tapped Seen: these alerts are silenced for them alone, each visit as they saw it
        (one audit row per visit); a visit that changed since shows again, one removed meanwhile is skipped."""
        marks = [seen_mark(visit) for visit in alerts.silenced_by_seen]
        with self._stores.transaction() as transaction:
            for visit_id in transaction.alerts.mark_seen(self.actor, marks):
                transaction.audit.record(Action.ALERT_SEEN, self.actor, visit_id)

    def mark_help_handled(self, visit_id: str) -> None:
        """Someone took care of the patient who asked for help: the alert clears on every station
        at once; `VisitNotFound` if the visit is gone or never asked."""
        with self.station.audited(Action.HELP_HANDLED, self.actor, visit_id) as transaction:
            transaction.alerts.mark_help_handled(visit_id)
            transaction.changes.announce()

    def watch_changes(self) -> ChangeWatch:
        """Hears changes committed by any station to this database; its owner closes it."""
        return ChangeWatch(self._stores.database)

    def amend_answer(self, visit_id: str, key: str, value: Any, reason: str) -> StoredVisit:
        """Change one answer of a finished visit on the patient's behalf (`value` typed as the kiosk's
        inputs give it, None to clear it), with the reason; the original stays in the amendments.

        The answers are checked as the kiosk and the CLI check them (`AmendmentRefused` names the
        question), assessed again under the visit's own policy (a changed outcome is to be
        reviewed again) and its summary made again, in one transaction with the amendment and
        its audit row. Returns the visit as now stored.
        """
        why = reason_text(reason)
        with self._stores.transaction() as transaction:
            visit = transaction.visits.locked(visit_id)
            amended = amend_response(self.station.form, visit, key, value)
            transaction.amendments.add(visit_id, self.actor, key, amended.old, amended.new, why)
            assessment = assess_for_clinic(amended.response, self.station.form, visit.policy)
            pdf = summary_again(transaction, self.station, visit, amended.response, assessment)
            transaction.visits.revise(visit_id, amended.response.to_json_dict(), assessment.to_json_dict(), pdf)
            transaction.audit.record(Action.AMENDED, self.actor, visit_id, assessment.policy_version)
            return transaction.visits.get(visit_id)

    def add_note(self, visit_id: str, text: str) -> StoredVisit:
        """A clinician note on a visit (`AmendmentRefused` when empty or too long), audited without its text.

        A finished visit's summary is made again with the note at its end in the same
        transaction, so what is stored, previewed, printed and exported stays one document.
        Returns the visit as now stored.
        """
        written = note_text(text)
        with self._stores.transaction() as transaction:
            visit = transaction.visits.locked(visit_id)
            transaction.notes.add(visit_id, self.actor, written)
            pdf = with_note(transaction, self.station, visit)
            if pdf is not None and visit.assessment is not None:
                transaction.visits.revise(visit_id, visit.response, visit.assessment, pdf)
            transaction.audit.record(Action.NOTE_ADDED, self.actor, visit_id, visit.rules_version)
            return transaction.visits.get(visit_id)

    def addenda(self, visit_id: str) -> Addenda:
        """A visit's amendments and notes in words (not audited: part of the visit staff opened)."""
        return addenda_of(self._stores, self.station.form, visit_id)

    def print_answers_so_far(self, visit: StoredVisit, send: Callable[[bytes], Printed]) -> Printed:
        """A visit not finished, on paper: `send` prints its answers so far, assessed under the clinic's
        policy now (rendered for this print, never stored); the printing is then audited."""
        if visit.summary.status == FINISHED:
            raise ValueError(f"visit {visit.summary.id}: finished; print its summary")
        so_far = answers_so_far(visit.summary.id, visit.response, self.station.form, self.station.settings)
        printed = send(so_far.pdf)
        with self.station.audited(Action.ANSWERS_PRINTED, self.actor, visit.summary.id, so_far.assessment.policy_version):
            pass
        return printed

    def remake_summary(self, visit_id: str) -> StoredVisit:
        """A visit whose summary failed, assessed and rendered again under the clinic's policy now and stored
        finished (which clears its alert), audited `summary_remade` in the same transaction; the visit as stored.

        `ValueError` when the visit has no failed summary (another station made it meanwhile,
        say); `InvalidResponse` when its answers cannot be read back. The clinic's output
        folder gets the summary too, as at Finish; the stored visit stands if that write fails.
        """
        stored = self._stores.visits.get(visit_id)
        response = parse_response(stored.response, self.station.form)
        finished = assess_and_render(
            visit_id, response, self.station.form, self.station.settings, audit_anchor=self.station.audit_head(),
            addenda=addenda_of(self._stores, self.station.form, visit_id), answered_before=stored.summary.answered_before,
        )
        assessment = finished.assessment
        with self.station.audited(Action.SUMMARY_REMADE, self.actor, visit_id, assessment.policy_version) as transaction:
            summary = transaction.visits.get(visit_id).summary
            if not summary.summary_failed or summary.status == FINISHED:
                raise ValueError(f"visit {visit_id}: no failed summary to make again")
            transaction.visits.finish(visit_id, response.to_json_dict(), assessment.to_json_dict(), finished.pdf)
            stored = transaction.visits.get(visit_id)
        if self.station.settings.output_dir is not None:
            with suppress(SummaryNotSaved):
                write_summary(finished, self.station.settings.output_dir)
        return stored

    def continue_with_patient(self, visit_id: str) -> StoredVisit:
        """Staff hand the tablet to the patient of a visit not finished (set aside, paused, on hold):
        in progress again, audited `resumed`, and its answers for the wizard to refill.

        `VisitNotFound` when it was finished or discarded meanwhile. A station still holding
        the visit paused or on hold sees it taken (`Desk.taken_elsewhere`) and lets it go.
        """
        with self.station.audited(Action.RESUMED, self.actor, visit_id) as transaction:
            transaction.visits.resume(visit_id)
            return transaction.visits.get(visit_id)

    def change_role(self, staff_id: str, role: Role) -> None:
        """`LastActiveAdmin` rather than demote the last active administrator; `StaffNotFound`
        for an unknown ID; `ValueError` when the account has that role already."""
        with self.station.audited(Action.ROLE_CHANGED, self.actor, subject=staff_id) as transaction:
            transaction.staff.change_role(staff_id, role)

    def reset_pin(self, staff_id: str, pin: str) -> None:
        """A one-time PIN for someone who forgot theirs (or locked their account): it ends the
        lockout and they choose their own at their next sign-in. `ValueError` says what to fix."""
        with self.station.audited(Action.PIN_RESET, self.actor, subject=staff_id) as transaction:
            transaction.staff.reset_pin(staff_id, pin)

    def back_up(self, target: Path) -> Path:
        """An encrypted copy of the whole database at `target`, audited `backup_made` (see `backups.py`)."""
        return make_backup(self.station, self.actor, target)

    @property
    def exports_folder(self) -> Path:
        """Where exports from the staff screens go: the clinic's export folder, else the data dir's."""
        return exports_dir(self.station.settings)

    def export_fhir_file(self, visit_id: str, version: FhirVersion) -> Path:
        """One visit as a FHIR Bundle in the export folder, named by its id and the version only (audited)."""
        path = self.exports_folder / fhir_file_name(visit_id, version)
        self.export_fhir(visit_id, version, partial(write_fhir_json, path))
        return path

    def export_days_csv(self, days: Days) -> CsvExport:
        """Visits started on these days, midnight to midnight on this machine's clock (as the queue
        shows them), as CSV in the export folder, named by the days only; one audit row per visit.
        No visits, no file."""
        since, until = days.bounds()
        path = self.exports_folder / csv_file_name(days)
        with self._stores.transaction() as transaction:
            exported = transaction.visits.without_pdfs(since=since, until=until)
            for visit in exported:
                transaction.audit.record(Action.EXPORTED, self.actor, visit.summary.id, visit.rules_version)
            if exported:
                write_private(path, csv_bytes(self.station.form, exported))
        return CsvExport(path, len(exported))

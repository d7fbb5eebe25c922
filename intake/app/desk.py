"""The kiosk's desk: a patient's visit from Start to Finish, and the ways into staff mode.

Every change to stored state on the patient side goes through here, in one transaction
with its audit row (autosave alone is not audited: it is the patient's own typing, and
so is the hand-in of every answer at Finish). A database that fails mid-visit never
interrupts the patient: the use case logs the kind of error, returns False, and the
answers stay in memory for the next save or Finish. At Finish they must not stay only
in memory: a store that refuses them there sends them to the encrypted recovery file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from importlib import import_module
from threading import Thread
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from intake.app.backups import DailyBackups
from intake.app.kiosk_languages import offered_languages, starting_language
from intake.app.optional_sections import switched_on
from intake.app.station import Station
from intake.app.visit import Visit
from intake.eligibility.policy import RuleSet
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response
from intake.settings import Settings
from intake.store.audit import Action
from intake.store.errors import SignInRefused, StaffExists, StoreError
from intake.store.recovery import RecoveryFile
from intake.store.staff import STAFF_ID, Role, StaffMember, pin_problem
from intake.store.stores import Stores
from intake.store.timestamps import utc_now
from intake.translations import primary
from intake.visit_status import IN_PROGRESS

if TYPE_CHECKING:
    from intake.app.finishing import FinishedVisit
    from intake.app.staff_desk import StaffDesk

# Making summaries (`finishing`: the PDF renderer) and staff's own use cases (`staff_desk`:
# exports, amendments) are imported by the use cases that need them: a kiosk on its welcome
# screen has neither in memory.

log = logging.getLogger(__name__)

KIOSK_ID = "kiosk"
"""The audit name for what the kiosk does by itself (starting, pausing, finishing, printing)."""
ADMIN_PIN_ENV = "INTAKE_ADMIN_PIN"
FIRST_ADMIN_ID = "admin"

ABANDONED_AFTER = timedelta(hours=12)
"""A visit in progress not saved for this long is nobody's any more: any station starting up keeps it for staff."""

PrintOnClinicPrinter = Callable[[bytes, str | None], str | None]
"""Prints a PDF on the named printer (None: the default) without asking; returns what went wrong, or None."""


class Handover(Enum):
    """Where a visit's answers are once Finish was tapped (`Desk.hand_in`)."""

    STORED = "stored"
    """In the store, in progress until its summary is made (or there is no store to refuse
    them, and the summary goes to the summaries folder)."""
    RECOVERY_FILE = "recovery file"
    """The store refused them: in the encrypted recovery file, for the next start."""
    MEMORY_ONLY = "memory only"
    """Refused by the store and the recovery file alike: only the caller holds them."""


@dataclass(frozen=True)
class FinishResult:
    finished: FinishedVisit | None
    """None when the assessment or the PDF failed."""
    kept: bool
    """The summary is in the store or in a folder; False: it exists only in memory, or not at all."""
    flagged: bool = False
    """No summary was stored, and the visit is unfinished with a "summary failed" alert for staff."""


class Desk:
    def __init__(self, station: Station) -> None:
        self.station = station
        self.daily_backups = DailyBackups(station, KIOSK_ID)

    @property
    def settings(self) -> Settings:
        return self.station.settings

    @property
    def form(self) -> Form:
        return self.station.form

    @property
    def rules(self) -> RuleSet:
        return self.station.rules

    @property
    def has_store(self) -> bool:
        return self.station.stores is not None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages a patient may answer in: the form's that the patient wording has too (the source first)."""
        return offered_languages(self.station.languages)

    @property
    def default_language(self) -> str:
        """Each new visit starts in the clinic's language (`settings.language`), if it is offered."""
        return starting_language(self.settings.language, self.languages)

    def new_visit(self, language: str | None = None) -> Visit:
        """A visit about to start, in `language` (default: the clinic's); `start` stores it."""
        language = language or self.default_language
        return Visit(self.station.form_in(language), self.rules, switched_on(self.settings, self.form), language=language)

    def visit_in(self, visit: Visit, language: str) -> Visit:
        """The patient switched language: the same visit, every answer kept, read in `language`."""
        return visit.in_language(self.station.form_in(language), language)

    def continued_visit(self, visit_id: str, stored: Mapping[str, Any]) -> Visit:
        """A stored visit staff hand back to its patient, in the language they answered in (if offered)."""
        tag = stored.get("language")
        language = primary(tag) if isinstance(tag, str) and primary(tag) in self.languages else self.default_language
        form = self.station.form_in(language)
        return Visit.continued(form, self.rules, switched_on(self.settings, self.form), visit_id, stored, language)

    def _safely(
        self, change: Callable[[Stores], object], action: Action | None, visit_id: str, rules_version: str | None = None
    ) -> bool:
        """Run one change (audited unless `action` is None) and announce it to the other stations in
        its transaction; False when there is no store or it failed."""
        stores = self.station.stores
        if stores is None:
            return False
        try:
            if action is None:
                with stores.transaction() as transaction:
                    change(transaction)
                    transaction.changes.announce()
            else:
                with self.station.audited(action, KIOSK_ID, visit_id, rules_version) as transaction:
                    change(transaction)
                    transaction.changes.announce()
        except (StoreError, SQLAlchemyError) as error:
            log.error("store: %s", type(error).__name__)
            return False
        return True

    def start(self, visit: Visit) -> bool:
        draft, station = visit.draft(), self.station.station_id
        return self._safely(lambda stores: stores.visits.create(visit.visit_id, draft, station), Action.STARTED, visit.visit_id)

    def autosave(self, visit: Visit) -> bool:
        """The answers so far; also how a red flag reaches every station's queue at once."""
        draft, alerted = visit.draft(), visit.staff_alerted
        return self._safely(lambda stores: stores.visits.save_answers(visit.visit_id, draft, alerted), None, visit.visit_id)

    def request_help(self, visit: Visit) -> bool:
        """The patient asked for a person: the answers so far and a flag every station's queue shows."""
        draft, alerted = visit.draft(), visit.staff_alerted
        return self._safely(
            lambda stores: stores.visits.request_help(visit.visit_id, draft, alerted), Action.HELP_REQUESTED, visit.visit_id
        )

    def pause(self, visit: Visit) -> bool:
        """The patient went idle with a date of birth given: saved, still in progress, waiting for them."""
        draft, alerted = visit.draft(), visit.staff_alerted
        return self._safely(
            lambda stores: stores.visits.save_answers(visit.visit_id, draft, alerted), Action.PAUSED, visit.visit_id
        )

    def resume(self, visit_id: str) -> bool:
        return self._safely(_no_change, Action.RESUMED, visit_id)

    def set_aside(self, visit: Visit) -> bool:
        """The visit goes no further at the kiosk: its answers so far stay with staff as unfinished."""
        draft, alerted = visit.draft(), visit.staff_alerted
        return self._safely(
            lambda stores: stores.visits.set_aside(visit.visit_id, draft, alerted), Action.SET_ASIDE, visit.visit_id
        )

    def hand_in(self, visit: Visit, response: Response) -> Handover:
        """Finish was tapped: every answer in one short transaction, before anything slow runs.

        The visit stays in progress until its summary is made; like autosave, this is the
        patient's own answers and is not audited. When the store refuses, the answers go to
        the encrypted recovery file the next start reads back, and the caller must send the
        patient to the front desk rather than thank them as if all went well.
        """
        stores = self.station.stores
        if stores is None:
            return Handover.STORED
        answers, alerted, station = response.to_json_dict(), visit.staff_alerted, self.station.station_id
        if self._safely(lambda stored: stored.visits.hand_in(visit.visit_id, answers, alerted, station), None, visit.visit_id):
            return Handover.STORED
        recovery = RecoveryFile.beside(stores.database)
        if recovery is None:
            log.error("visit %s: answers not stored, and no key for a recovery file: held in memory", visit.visit_id)
            return Handover.MEMORY_ONLY
        try:
            recovery.keep(visit.visit_id, answers, alerted)
        except (OSError, SQLAlchemyError) as error:
            log.error("visit %s: answers not stored, nor in the recovery file (%s): held in memory", visit.visit_id,
                      type(error).__name__)
            return Handover.MEMORY_ONLY
        log.error("visit %s: answers not stored; kept in the recovery file for the next start", visit.visit_id)
        return Handover.RECOVERY_FILE

    @staticmethod
    def load_finishing() -> None:
        """Import what `finish` needs (the PDF renderer) now. A caller that runs `finish` on another
        thread calls this on its own thread first, so that no module is imported on two threads at once."""
        import_module("intake.app.finishing")

    def finish(self, visit_id: str, response: Response, staff_alerted: bool = False) -> FinishResult:
        """Assessment, PDF and the final store: the slow half of Finish, once `hand_in` has the answers safe.

        Plain data in and out, no screen, so it can run off the UI thread. A failure of any
        of the three is logged by kind, never raised: the visit becomes unfinished with every
        answer and a "summary failed" alert for staff, audited. Without a working store the
        PDF also goes to the summaries folder (default: the data dir), so a summary made is
        only in memory when that fails too.
        """
        from intake.app.finishing import assess_and_render

        try:
            finished = assess_and_render(visit_id, response, self.form, self.settings, audit_anchor=self._audit_head())
        except Exception as error:  # noqa: BLE001 - the answers must survive any report failure
            log.error("visit %s: summary failed: %s", visit_id, type(error).__name__)
            return FinishResult(None, kept=False, flagged=self._summary_failed(visit_id, response, staff_alerted))
        return self._keep(finished, staff_alerted)

    def _audit_head(self) -> str | None:
        """The head the summary prints as its anchor; a store that cannot say leaves it off, never the summary."""
        try:
            return self.station.audit_head()
        except (StoreError, SQLAlchemyError) as error:
            log.error("store: %s", type(error).__name__)
            return None

    def _keep(self, finished: FinishedVisit, staff_alerted: bool) -> FinishResult:
        from intake.app.finishing import SummaryNotSaved, summaries_dir, write_summary

        response, assessment = finished.response.to_json_dict(), finished.assessment.to_json_dict()

        def store(stores: Stores) -> None:
            stores.visits.finish(finished.visit_id, response, assessment, finished.pdf)

        if self._safely(store, Action.FINISHED, finished.visit_id, finished.assessment.policy_version):
            return FinishResult(self._also_in_output_dir(finished), kept=True)
        flagged = self._summary_failed(finished.visit_id, finished.response, staff_alerted)
        try:
            return FinishResult(write_summary(finished, summaries_dir(self.settings)), kept=True, flagged=flagged)
        except SummaryNotSaved:
            return FinishResult(finished, kept=False, flagged=flagged)

    def _also_in_output_dir(self, finished: FinishedVisit) -> FinishedVisit:
        """The clinic's own folder, when it names one; the stored visit stands if that write fails."""
        from intake.app.finishing import SummaryNotSaved, write_summary

        if self.settings.output_dir is None:
            return finished
        try:
            return write_summary(finished, self.settings.output_dir)
        except SummaryNotSaved:
            return finished

    def _summary_failed(self, visit_id: str, response: Response, staff_alerted: bool) -> bool:
        """Unfinished with every answer, and flagged for staff; False when not even that could be stored."""
        answers = response.to_json_dict()
        flagged = self._safely(
            lambda stores: stores.visits.summary_failed(visit_id, answers, staff_alerted), Action.SUMMARY_FAILED, visit_id
        )
        if flagged:
            log.warning("visit %s: kept unfinished with every answer; staff alerted that its summary failed", visit_id)
        return flagged

    def auto_print(self, finished: FinishedVisit, send: PrintOnClinicPrinter) -> str | None:
        """The clinic asked for paper at once; what went wrong is for staff and the log, never the patient."""
        problem = send(finished.pdf, self.settings.printer)
        if problem:
            log.warning("visit %s: automatic printing failed: %s", finished.visit_id, problem)
            return problem
        self._safely(_no_change, Action.PRINTED, finished.visit_id, finished.assessment.policy_version)
        return None

    def recover_interrupted(self) -> int:
        """At start-up: visits a crash of this station left in progress become unfinished, for staff
        (audited each); so does any station's visit untouched for `ABANDONED_AFTER`."""
        stores = self.station.required_stores()
        with stores.transaction() as transaction:
            ids = transaction.visits.mark_interrupted(self.station.station_id, utc_now() - ABANDONED_AFTER)
            for visit_id in ids:
                transaction.audit.record(Action.INTERRUPTED, KIOSK_ID, visit_id)
        if ids:
            log.warning("%d unfinished visit(s) from an earlier session kept for staff", len(ids))
        return len(ids)

    def recover_kept_answers(self) -> int:
        """At start-up: answers the store refused at Finish come back from the recovery file as
        unfinished visits for staff, with the "summary failed" alert (audited each), and leave
        the file once stored."""
        recovery = RecoveryFile.beside(self.station.required_stores().database)
        if recovery is None:
            return 0
        try:
            kept = recovery.read()
        except SQLAlchemyError as error:
            log.error("recovery file unreadable (%s): left as it is", type(error).__name__)
            return 0
        for answers in kept:
            with self.station.audited(Action.RECOVERED, KIOSK_ID, answers.visit_id) as transaction:
                transaction.visits.recover(answers.visit_id, answers.response, answers.staff_alerted, answers.kept_at)
            try:
                recovery.forget(answers.visit_id)
            except (OSError, SQLAlchemyError) as error:
                log.error("visit %s: stored, but still in the recovery file (%s)", answers.visit_id, type(error).__name__)
        if kept:
            log.warning("%d visit(s) the store refused at Finish read back from the recovery file, kept for staff", len(kept))
        return len(kept)

    def back_up_if_due(self) -> Thread | None:
        """The daily backup (settings `backup_dir`) when none was made today, in a thread of its own; None if not due."""
        return self.daily_backups.start_if_due()

    def needs_first_admin(self) -> bool:
        """Only on a store that never had an administrator: disabling admins never brings the set-up back."""
        return not self.station.required_stores().staff.has_had_admin()

    def sign_in(self, staff_id: str, pin: str) -> StaffDesk:
        """A desk for the right PIN; `SignInRefused` otherwise, after an audit row either way.

        The failure count and the failure's audit row commit together, then the refusal
        is raised. A failed attempt names the account tried only when the text is shaped
        like a staff ID, so nothing else typed into the field (a patient's name) is kept.
        A right PIN that today's rules would not accept (an admin's 4-digit PIN), or a
        one-time PIN an admin set, still signs in, once, on a desk that must change it
        before anything else.
        """
        typed = staff_id.strip().lower()
        refused: SignInRefused | None = None
        with self.station.required_stores().transaction() as transaction:
            try:
                member = transaction.staff.sign_in(typed, pin)
            except SignInRefused as error:
                refused = error
                transaction.audit.record(Action.SIGN_IN_FAILED, KIOSK_ID, subject=typed if STAFF_ID.match(typed) else None)
            else:
                transaction.audit.record(Action.SIGNED_IN, member.id)
        if refused is not None:
            raise refused
        from intake.app.staff_desk import StaffDesk

        must_change = member.must_change_pin or pin_problem(pin, member.role) is not None
        return StaffDesk(self.station, member, pin_change_required=must_change)

    def create_first_admin(self, staff_id: str, name: str, pin: str) -> StaffDesk:
        """The first administrator, signed in at once; `ValueError`/`StaffExists` say what to fix.

        `StaffExists` also when the store already had an administrator (a set-up screen
        left open while another station set up, say): the set-up happens once per store.
        """
        with self.station.required_stores().transaction() as transaction:
            member = transaction.staff.add_first_admin(staff_id.strip().lower(), name, pin)
            transaction.audit.record(Action.STAFF_ADDED, KIOSK_ID, subject=member.id)
            transaction.audit.record(Action.SIGNED_IN, member.id)
        from intake.app.staff_desk import StaffDesk

        return StaffDesk(self.station, member)

    def first_admin_from_environment(self) -> StaffMember | None:
        """On a store that never had an admin, `INTAKE_ADMIN_PIN` creates `admin` instead of the set-up screen.

        Anywhere else the variable is ignored with a log line, never a reason not to
        start: a store that has (or had) an administrator is managed by its admins, and
        a PIN too short for an admin leaves the choice to the set-up screen.
        """
        pin = os.environ.get(ADMIN_PIN_ENV)
        if not pin:
            return None
        if not self.needs_first_admin():
            log.info("%s ignored: this database already has an administrator account", ADMIN_PIN_ENV)
            return None
        if problem := pin_problem(pin, Role.ADMIN):
            log.error("%s ignored: %s The set-up screen asks for the administrator instead.", ADMIN_PIN_ENV, problem)
            return None
        try:
            with self.station.audited(Action.STAFF_ADDED, KIOSK_ID, subject=FIRST_ADMIN_ID) as transaction:
                member = transaction.staff.add_first_admin(FIRST_ADMIN_ID, "Administrator", pin)
        except StaffExists:
            log.info("%s ignored: another station created the first administrator", ADMIN_PIN_ENV)
            return None
        log.info("first admin account created from %s", ADMIN_PIN_ENV)
        return member

    def waiting_mark(self, visit_id: str) -> datetime | None:
        """When the visit waiting at this station (paused, on hold) was last stored: what `taken_elsewhere`
        compares with. None without a store, or when the visit is not stored in progress: nothing to watch."""
        stores = self.station.stores
        if stores is None:
            return None
        try:
            found = stores.visits.last_change(visit_id)
        except (StoreError, SQLAlchemyError) as error:
            log.error("store: %s", type(error).__name__)
            return None
        return found[1] if found is not None and found[0] == IN_PROGRESS else None

    def taken_elsewhere(self, visit_id: str, mark: datetime) -> bool:
        """Whether the visit waiting here changed in the store since `mark`: staff continued it with the
        patient on another station, or set it aside, discarded or finished it. This station must then let
        it go without storing anything. A store that cannot be read takes nothing: the visit keeps waiting."""
        stores = self.station.stores
        if stores is None:
            return False
        try:
            found = stores.visits.last_change(visit_id)
        except (StoreError, SQLAlchemyError) as error:
            log.debug("store: %s", type(error).__name__)  # asked every second: a store that is down must not flood the log
            return False
        return found != (IN_PROGRESS, mark)


def _no_change(_stores: Stores) -> None:
    """For use cases whose only stored trace is their audit row."""

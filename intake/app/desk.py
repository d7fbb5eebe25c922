"""The kiosk's desk: a patient's visit from Start to Finish, and the ways into staff mode.

Every change to stored state on the patient side goes through here, in one transaction
with its audit row (autosave alone is not audited: it is the patient's own typing). A
database that fails mid-visit never interrupts the patient: the use case logs the kind
of error, returns False, and the answers stay in memory for the next save or Finish.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from intake.app.finishing import FinishedVisit, SummaryNotSaved, assess_and_render, summaries_dir, write_summary
from intake.app.staff_desk import StaffDesk
from intake.app.station import Station
from intake.app.visit import Visit
from intake.eligibility.policy import RuleSet
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response
from intake.settings import Settings
from intake.store.audit import Action
from intake.store.errors import SignInRefused, StaffExists, StoreError
from intake.store.staff import STAFF_ID, Role, StaffMember, pin_problem
from intake.store.stores import Stores

log = logging.getLogger(__name__)

KIOSK_ID = "kiosk"
"""The audit name for what the kiosk does by itself (starting, pausing, finishing, printing)."""
ADMIN_PIN_ENV = "INTAKE_ADMIN_PIN"
FIRST_ADMIN_ID = "admin"

PrintOnClinicPrinter = Callable[[bytes, str | None], str | None]
"""Prints a PDF on the named printer (None: the default) without asking; returns what went wrong, or None."""


@dataclass(frozen=True)
class FinishResult:
    finished: FinishedVisit | None
    """None when the assessment or the PDF failed: the answers are then only the caller's."""
    kept: bool
    """The summary is in the store or in a folder; False: it exists only in memory."""


class Desk:
    def __init__(self, station: Station) -> None:
        self.station = station

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

    def _safely(
        self, change: Callable[[Stores], object], action: Action | None, visit_id: str, rules_version: str | None = None
    ) -> bool:
        """Run one change (audited unless `action` is None); False when there is no store or it failed."""
        stores = self.station.stores
        if stores is None:
            return False
        try:
            if action is None:
                with stores.transaction() as transaction:
                    change(transaction)
            else:
                with self.station.audited(action, KIOSK_ID, visit_id, rules_version) as transaction:
                    change(transaction)
        except (StoreError, SQLAlchemyError) as error:
            log.error("store: %s", type(error).__name__)
            return False
        return True

    def start(self, visit: Visit) -> bool:
        draft = visit.draft()
        return self._safely(lambda stores: stores.visits.create(visit.visit_id, draft), Action.STARTED, visit.visit_id)

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

    def finish(self, visit_id: str, response: Response) -> FinishResult:
        """Assess, render, keep: in the store (and the clinic's folder if it named one).

        Without a working store the PDF goes to the summaries folder (default: the data
        dir), so a finished visit is never only in memory unless that fails too. Any
        failure of the assessment or the PDF is logged by kind and reported, never raised:
        the patient still gets the thank-you screen.
        """
        try:
            finished = assess_and_render(visit_id, response, self.form, self.settings)
        except Exception as error:  # noqa: BLE001 - the answers must survive any report failure
            log.error("visit %s: summary failed: %s", visit_id, type(error).__name__)
            return FinishResult(None, kept=False)
        try:
            return FinishResult(self._keep(finished), kept=True)
        except SummaryNotSaved as error:
            return FinishResult(error.finished, kept=False)

    def _keep(self, finished: FinishedVisit) -> FinishedVisit:
        response, assessment = finished.response.to_json_dict(), finished.assessment.to_json_dict()

        def store(stores: Stores) -> None:
            stores.visits.finish(finished.visit_id, response, assessment, finished.pdf)

        if not self._safely(store, Action.FINISHED, finished.visit_id, finished.assessment.policy_version):
            return write_summary(finished, summaries_dir(self.settings))
        if self.settings.output_dir is None:
            return finished
        try:
            return write_summary(finished, self.settings.output_dir)
        except SummaryNotSaved:
            return finished

    def auto_print(self, finished: FinishedVisit, send: PrintOnClinicPrinter) -> str | None:
        """The clinic asked for paper at once; what went wrong is for staff and the log, never the patient."""
        problem = send(finished.pdf, self.settings.printer)
        if problem:
            log.warning("visit %s: automatic printing failed: %s", finished.visit_id, problem)
            return problem
        self._safely(_no_change, Action.PRINTED, finished.visit_id, finished.assessment.policy_version)
        return None

    def recover_interrupted(self) -> int:
        """At start-up: visits a crash left in progress become unfinished, for staff (audited each)."""
        stores = self.station.required_stores()
        with stores.transaction() as transaction:
            ids = transaction.visits.mark_interrupted()
            for visit_id in ids:
                transaction.audit.record(Action.INTERRUPTED, KIOSK_ID, visit_id)
        if ids:
            log.warning("%d unfinished visit(s) from an earlier session kept for staff", len(ids))
        return len(ids)

    def needs_first_admin(self) -> bool:
        """Only on a store that never had an administrator: disabling admins never brings the set-up back."""
        return not self.station.required_stores().staff.has_had_admin()

    def sign_in(self, staff_id: str, pin: str) -> StaffDesk:
        """A desk for the right PIN; `SignInRefused` otherwise, after an audit row either way.

        The failure count and the failure's audit row commit together, then the refusal
        is raised. A failed attempt names the account tried only when the text is shaped
        like a staff ID, so nothing else typed into the field (a patient's name) is kept.
        A right PIN that today's rules would not accept (an admin's 4-digit PIN) still
        signs in, once, on a desk that must change it before anything else.
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
        return StaffDesk(self.station, member, pin_change_required=pin_problem(pin, member.role) is not None)

    def create_first_admin(self, staff_id: str, name: str, pin: str) -> StaffDesk:
        """The first administrator, signed in at once; `ValueError`/`StaffExists` say what to fix.

        `StaffExists` also when the store already had an administrator (a set-up screen
        left open while another station set up, say): the set-up happens once per store.
        """
        with self.station.required_stores().transaction() as transaction:
            member = transaction.staff.add_first_admin(staff_id.strip().lower(), name, pin)
            transaction.audit.record(Action.STAFF_ADDED, KIOSK_ID, subject=member.id)
            transaction.audit.record(Action.SIGNED_IN, member.id)
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


def _no_change(_stores: Stores) -> None:
    """For use cases whose only stored trace is their audit row."""

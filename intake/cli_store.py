"""`intake import | visits | audit`: the stored visits and the audit log from a terminal.

Every command that reads or changes a visit writes an audit row naming `cli:<login>`.
`intake.cli` imports this module only when one of these commands runs, so the database
libraries and reportlab stay out of `intake assess`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from intake.app.finishing import assess_and_render
from intake.app.review_queue import patient_name
from intake.app.visit import new_visit_id
from intake.atomic import write_private
from intake.cli import UsageError, read_response
from intake.eligibility.assessment import Assessment
from intake.questionnaire.loader import default_form
from intake.settings import Settings, load_settings
from intake.store.audit import Action, AuditLog, chain_problems
from intake.store.database import Database, open_database
from intake.store.errors import NoKey
from intake.store.keys import KEY_ENV, stored_key
from intake.store.visits import VisitStore
from intake.summary import format_summary


def cli_staff_id() -> str:
    return f"cli:{getpass.getuser()}"


def open_store(settings: Settings) -> Database:
    """The clinic's database, with the key from the environment, the keyring or a hidden prompt."""
    passphrase = stored_key()
    if passphrase is None and not settings.database_url:
        if not sys.stdin.isatty():
            raise UsageError([f"no database passphrase: set {KEY_ENV} or keep it in the OS keyring"])
        passphrase = getpass.getpass("Visits database passphrase: ")
    try:
        return open_database(settings.database_url, passphrase)
    except NoKey as error:
        raise UsageError([str(error)]) from None


def cmd_import(args: argparse.Namespace) -> int:
    settings = load_settings()
    form = default_form()
    response = read_response(Path(args.file), form)
    with open_store(settings) as database:
        finished = assess_and_render(new_visit_id(), response, form, settings)
        VisitStore(database).finish(finished)
        AuditLog(database).record(Action.IMPORTED, cli_staff_id(), finished.visit_id, finished.assessment.policy_version)
    print(finished.visit_id)
    return 0


def cmd_visits_list(args: argparse.Namespace) -> int:
    with open_store(load_settings()) as database:
        found = VisitStore(database).list(status=args.status, date_from=args.date_from, date_to=args.date_to)
    if args.json:
        json.dump([visit.to_json_dict() for visit in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for visit in found:
        name = patient_name(visit, unnamed="-")
        reviewed = "reviewed" if visit.reviewed else "not reviewed"
        started = visit.started.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{visit.id}  {started}  {visit.status:<11}  {visit.outcome or '-':<14}  {reviewed:<12}  {name}")
    if not found:
        print("no visits")
    return 0


def cmd_visits_show(args: argparse.Namespace) -> int:
    with open_store(load_settings()) as database:
        stored = VisitStore(database).get(args.id)
        audit = AuditLog(database)
        audit.record(Action.VIEWED, cli_staff_id(), args.id, stored.rules_version)
        if args.pdf and stored.pdf:
            try:
                write_private(Path(args.pdf), stored.pdf)
            except OSError as error:
                raise UsageError([f"--pdf {args.pdf}: cannot write ({error.strerror or error})"]) from None
            audit.record(Action.EXPORTED, cli_staff_id(), args.id, stored.rules_version)
    summary = stored.summary
    print(f"Visit {summary.id}: {summary.status}, started {summary.started.astimezone():%Y-%m-%d %H:%M}")
    print(f"Patient: {summary.given_name or '-'} {summary.family_name or ''}".rstrip())
    print(f"Reviewed: {'yes' if summary.reviewed else 'no'}")
    if stored.assessment is not None:
        print(format_summary(Assessment.model_validate(stored.assessment)))
    else:
        print(f"Not finished: {len(stored.response.get('answers', {}))} answers saved.")
    if args.pdf and not stored.pdf:
        raise UsageError([f"visit {args.id}: no summary PDF (the visit is not finished)"])
    return 0


def cmd_visits_purge(args: argparse.Namespace) -> int:
    if args.older_than < 0:
        raise UsageError(["--older-than: expected a number of days, 0 or more"])
    with open_store(load_settings()) as database:
        purged = VisitStore(database).purge(args.older_than)
        audit = AuditLog(database)
        for visit_id in purged:
            audit.record(Action.PURGED, cli_staff_id(), visit_id)
    print(f"purged {len(purged)} visit(s) started more than {args.older_than} days ago")
    return 0


def cmd_audit_verify(_args: argparse.Namespace) -> int:
    with open_store(load_settings()) as database:
        rows = AuditLog(database).rows()
    problems = chain_problems(rows)
    for problem in problems:
        print(f"audit: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"audit log intact: {len(rows)} rows")
    return 0

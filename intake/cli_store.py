"""`intake import | visits | audit`: the stored visits and the audit log from a terminal.

Every command that reads or changes a visit writes an audit row naming `cli:<login>`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from intake.app.finishing import assess_and_render
from intake.app.visit import new_visit_id
from intake.eligibility.assessment import Assessment
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form
from intake.questionnaire.response import Response
from intake.settings import Settings, load_settings
from intake.store import AuditLog, Database, VisitStore, open_database
from intake.store.audit import Action
from intake.store.errors import NoKey
from intake.store.keys import KEY_ENV, stored_key
from intake.store.visits import STATUSES
from intake.summary import format_summary


class StoreUsageError(Exception):
    """Bad input to a store command (exit 2), raised to the CLI's dispatcher."""


def cli_staff_id() -> str:
    return f"cli:{getpass.getuser()}"


def _open(settings: Settings) -> Database:
    passphrase = stored_key()
    if passphrase is None and not settings.database_url:
        if not sys.stdin.isatty():
            raise StoreUsageError(f"no database passphrase: set {KEY_ENV} or keep it in the OS keyring")
        passphrase = getpass.getpass("Visits database passphrase: ")
    try:
        return open_database(settings.database_url, passphrase)
    except NoKey as error:
        raise StoreUsageError(str(error)) from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def cmd_import(args: argparse.Namespace, read_response: Callable[[Path, Form], Response]) -> int:
    settings = load_settings()
    form = default_form()
    response = read_response(Path(args.file), form)
    database = _open(settings)
    try:
        finished = assess_and_render(new_visit_id(), response, form, settings)
        VisitStore(database).finish(finished)
        AuditLog(database).record(Action.IMPORTED, cli_staff_id(), finished.visit_id, finished.assessment.policy_version)
    finally:
        database.close()
    print(finished.visit_id)
    return 0


def cmd_visits_list(args: argparse.Namespace) -> int:
    database = _open(load_settings())
    try:
        found = VisitStore(database).list(status=args.status, date_from=args.date_from, date_to=args.date_to)
    finally:
        database.close()
    if args.json:
        json.dump([visit.to_json_dict() for visit in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for visit in found:
        name = " ".join(part for part in (visit.given_name, visit.family_name) if part) or "-"
        reviewed = "reviewed" if visit.reviewed else "not reviewed"
        started = visit.started.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{visit.id}  {started}  {visit.status:<11}  {visit.outcome or '-':<14}  {reviewed:<12}  {name}")
    if not found:
        print("no visits")
    return 0


def cmd_visits_show(args: argparse.Namespace) -> int:
    database = _open(load_settings())
    try:
        stored = VisitStore(database).get(args.id)
        audit = AuditLog(database)
        audit.record(Action.VIEWED, cli_staff_id(), args.id, stored.rules_version)
        if args.pdf and stored.pdf:
            Path(args.pdf).write_bytes(stored.pdf)
            audit.record(Action.EXPORTED, cli_staff_id(), args.id, stored.rules_version)
    finally:
        database.close()
    summary = stored.summary
    print(f"Visit {summary.id}: {summary.status}, started {summary.started.astimezone():%Y-%m-%d %H:%M}")
    print(f"Patient: {summary.given_name or '-'} {summary.family_name or ''}".rstrip())
    print(f"Reviewed: {'yes' if summary.reviewed else 'no'}")
    if stored.assessment is not None:
        print(format_summary(Assessment.model_validate(stored.assessment)))
    else:
        print(f"Not finished: {len(stored.response.get('answers', {}))} answers saved.")
    if args.pdf and not stored.pdf:
        raise StoreUsageError(f"visit {args.id}: no summary PDF (the visit is not finished)")
    return 0


def cmd_visits_purge(args: argparse.Namespace) -> int:
    if args.older_than < 0:
        raise StoreUsageError("--older-than: expected a number of days, 0 or more")
    database = _open(load_settings())
    try:
        purged = VisitStore(database).purge(args.older_than)
        audit = AuditLog(database)
        for visit_id in purged:
            audit.record(Action.PURGED, cli_staff_id(), visit_id)
    finally:
        database.close()
    print(f"purged {len(purged)} visit(s) started more than {args.older_than} days ago")
    return 0


def cmd_audit_verify(_args: argparse.Namespace) -> int:
    database = _open(load_settings())
    try:
        audit = AuditLog(database)
        problems = audit.verify()
        count = len(audit.rows())
    finally:
        database.close()
    for problem in problems:
        print(f"audit: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"audit log intact: {count} rows")
    return 0


def add_store_commands(commands: Any, read_response: Callable[[Path, Form], Response]) -> None:
    """Register the store subcommands on the `intake` parser."""
    importer = commands.add_parser("import", help="store a response file as a finished visit, assessed")
    importer.add_argument("file", metavar="FILE")
    importer.set_defaults(run=partial(cmd_import, read_response=read_response))

    visits = commands.add_parser("visits", help="list, show or purge stored visits")
    actions = visits.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="newest first, urgent first")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD")
    listing.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_visits_list)
    show = actions.add_parser("show", help="one visit's assessment")
    show.add_argument("id", metavar="VISIT_ID")
    show.add_argument("--pdf", metavar="OUT.pdf", help="also write its summary PDF")
    show.set_defaults(run=cmd_visits_show)
    purge = actions.add_parser("purge", help="delete visits older than N days")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    purge.set_defaults(run=cmd_visits_purge)

    audit = commands.add_parser("audit", help="check the audit log")
    audit_actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    audit_actions.add_parser("verify", help="check the hash chain").set_defaults(run=cmd_audit_verify)

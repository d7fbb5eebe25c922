"""`intake import | visits | audit`: the stored visits and the audit log from a terminal.

Each command acts through a staff desk as `cli:<login>`, so every visit it reads or
changes gets its audit row in the same transaction. The database libraries and
reportlab load only when one of these commands runs, never for `intake assess`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake.cli.desk import staff_desk
from intake.cli.errors import EXIT_FAILURE, EXIT_OK, UsageError, cannot_write
from intake.cli.reading import add_day_range, read_response
from intake.eligibility.assessment import Assessment
from intake.questionnaire.loader import default_form
from intake.staff_wording import ANSWERED_BEFORE
from intake.summary import format_summary
from intake.visit_status import STATUSES

if TYPE_CHECKING:
    from intake.app.records import StoredVisit, VisitSummary
    from intake.app.staff_desk import StaffDesk


def register(commands: Any) -> None:
    importer = commands.add_parser("import", help="store a response file as a finished visit, assessed")
    importer.add_argument("file", metavar="FILE", help="a response file: our JSON, or a FHIR QuestionnaireResponse or Bundle")
    importer.add_argument("--again", action="store_true", help="store it even if the same response is stored already")
    importer.set_defaults(run=cmd_import)

    visits = commands.add_parser("visits", help="list, show or purge stored visits")
    actions = visits.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="newest first, urgent first")
    listing.add_argument("--status", choices=STATUSES, metavar="STATUS",
                         help=f"only visits in this status: {', '.join(STATUSES)}")
    add_day_range(listing)
    listing.add_argument("--json", action="store_true", help="print a JSON list (id, times, status, outcome, names …)")
    listing.set_defaults(run=cmd_visits_list)
    show = actions.add_parser("show", help="one visit's assessment")
    show.add_argument("id", metavar="VISIT_ID", help="as visits list prints it (exit 2 when there is no such visit)")
    show.add_argument("--pdf", metavar="OUT.pdf", help="also write its stored summary PDF there (finished visits)")
    show.set_defaults(run=cmd_visits_show)
    purge = actions.add_parser("purge", help="delete visits older than N days, once you agree")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS",
                       help="delete the visits started more than DAYS days ago")
    asking = purge.add_mutually_exclusive_group()
    asking.add_argument("--yes", action="store_true", help="delete without asking (needed when stdin is not a terminal)")
    asking.add_argument("--dry-run", action="store_true", help="list what would be deleted (ids, start times); delete nothing")
    purge.set_defaults(run=cmd_visits_purge)

    audit = commands.add_parser("audit", help="check the audit log")
    audit_actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    verify = audit_actions.add_parser("verify", help="check the signed chain and every kept visit's content against it")
    verify.add_argument(
        "--anchor", metavar="HEAD", help="a head printed earlier (full or short form): report it if it is gone from the log"
    )
    verify.set_defaults(run=cmd_audit_verify)
    audit_actions.add_parser("anchor", help="print the audit log's head, to check the log against later").set_defaults(
        run=cmd_audit_anchor
    )


def cmd_import(args: argparse.Namespace) -> int:
    """Prints the new visit's id once it is committed; the same response again prints the id it was stored as."""
    from intake.app.errors import AlreadyImported

    response = read_response(Path(args.file), default_form())
    with staff_desk() as desk:
        try:
            answer = desk.import_response(response, again=args.again).visit_id
        except AlreadyImported as already:
            answer = str(already)
    print(answer)
    return EXIT_OK


def cmd_visits_list(args: argparse.Namespace) -> int:
    from intake.app.review_queue import patient_name

    with staff_desk() as desk:
        found = desk.visits(status=args.status, date_from=args.date_from, date_to=args.date_to)
    if args.json:
        json.dump([visit.to_json_dict() for visit in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    for visit in found:
        name = patient_name(visit, unnamed="-")
        reviewed = "reviewed" if visit.reviewed else "not reviewed"
        started = visit.started.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{visit.id}  {started}  {visit.status:<11}  {visit.outcome or '-':<14}  {reviewed:<12}  {name}")
    if not found:
        print("no visits")
    return EXIT_OK


def cmd_visits_show(args: argparse.Namespace) -> int:
    with staff_desk() as desk:
        stored = desk.view(args.id)
        written = _write_pdf(desk, stored, args.pdf) if args.pdf and stored.pdf else None
    summary = stored.summary
    print(f"Visit {summary.id}: {summary.status}, started {summary.started.astimezone():%Y-%m-%d %H:%M}")
    print(f"Patient: {summary.given_name or '-'} {summary.family_name or ''}".rstrip())
    print(f"Reviewed: {'yes' if summary.reviewed else 'no'}")
    if summary.answered_before:
        print(f"{ANSWERED_BEFORE} (imported from a response file)")
    if stored.assessment is not None:
        print(format_summary(Assessment.model_validate(stored.assessment)))
    else:
        print(f"Not finished: {len(stored.response.get('answers', {}))} answers saved.")
    if written is not None:
        print(f"wrote the summary PDF to {written}")
    if args.pdf and not stored.pdf:
        raise UsageError([f"visit {args.id}: no summary PDF (the visit is not finished)"])
    return EXIT_OK


def _write_pdf(desk: StaffDesk, stored: StoredVisit, where: str) -> Path:
    path = Path(where).absolute()
    try:
        desk.write_pdf(stored, path)
    except OSError as error:
        raise cannot_write("--pdf", where, error) from None
    return path


def cmd_visits_purge(args: argparse.Namespace) -> int:
    """Deletes exactly the visits listed to the user: none started while they were deciding."""
    if args.older_than < 0:
        raise UsageError(["--older-than: expected a number of days, 0 or more"])
    if not (args.yes or args.dry_run or sys.stdin.isatty()):
        raise UsageError(["visits purge: cannot ask for confirmation (standard input is not a terminal); "
                          "add --yes to delete without asking, or --dry-run to list what would go"])
    before = datetime.now(UTC) - timedelta(days=args.older_than)
    with staff_desk() as desk:
        candidates = desk.purge_candidates(before)
        if args.dry_run:
            _list_purgeable(candidates, before)
            return EXIT_OK
        if candidates and not args.yes and not _agreed(len(candidates), before):
            print("nothing was deleted")
            return EXIT_OK
        purged = desk.purge(candidates)
    print(f"purged {len(purged)} visit(s) started more than {args.older_than} days ago")
    return EXIT_OK


def _local_minute(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _list_purgeable(candidates: list[VisitSummary], before: datetime) -> None:
    """Ids, start times and statuses only: a list someone may paste somewhere names no patient."""
    for visit in candidates:
        print(f"{visit.id}  {_local_minute(visit.started)}  {visit.status}")
    print(f"{len(candidates)} visit(s) started before {_local_minute(before)} would be purged; nothing was deleted")


def _agreed(count: int, before: datetime) -> bool:
    """Only "y" or "yes" agrees; anything else, end of input or Ctrl+C keeps every visit."""
    try:
        answer = input(f"Delete {count} {'visit' if count == 1 else 'visits'} started before {_local_minute(before)}? [y/N] ")
    except (EOFError, KeyboardInterrupt):
        print()
        return False
    return answer.strip().lower() in ("y", "yes")


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with staff_desk() as desk:
        try:
            check = desk.station.verify_audit(args.anchor)
        except ValueError as error:
            raise UsageError([f"--anchor: {error}"]) from None
    for problem in check.problems:
        print(f"audit: {problem}", file=sys.stderr)
    if check.problems:
        return EXIT_FAILURE
    plain = f" ({check.plain_rows} from before the audit key, checked as plain SHA-256)" if check.plain_rows else ""
    print(f"audit log intact: {check.rows} rows{plain}; the content of {check.visits} visit(s) matches it")
    if args.anchor:
        print(f"anchor {args.anchor.strip().lower()} is in the log")
    return EXIT_OK


def cmd_audit_anchor(_args: argparse.Namespace) -> int:
    from intake.app.records import short_anchor

    with staff_desk() as desk:
        head = desk.station.audit_head() or ""
    print(head)
    print(f"short form: {short_anchor(head)}")
    return EXIT_OK

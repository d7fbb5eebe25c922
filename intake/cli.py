"""`intake`: assess a response file, check a form, and (later) the clinic's other chores.

Exit status everywhere: 0 done, 2 bad input or usage (the message names what is wrong),
1 any other failure (a message, never a traceback). Messages never contain answers
beyond what the user passed in, and nothing is logged.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from intake import __version__
from intake.app.assessing import assess_for_clinic
from intake.atomic import write_private
from intake.eligibility import Assessment, default_policy, evaluate, load_rules, shipped_policies
from intake.eligibility.policy import RuleSet, UnknownPolicy
from intake.plain_text import one_line
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form, load_form
from intake.questionnaire.plain_json import NotPlainJson, loads_plain
from intake.questionnaire.response import InvalidResponse, Response, parse_response
from intake.settings import load_settings
from intake.store.errors import StoreError
from intake.summary import format_summary
from intake.visit_status import STATUSES
from intake.yamlfile import DataFileError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
STAFF_PIN_ENV = "INTAKE_STAFF_PIN"
FHIR_VERSIONS = ("R4", "R5")


class UsageError(Exception):
    """Bad input the user can fix; each line is printed as `error: LINE`."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError([f"{path}: no such file"]) from None
    except OSError as error:
        raise UsageError([f"{path}: cannot read ({error.strerror or error})"]) from None
    except UnicodeDecodeError:
        raise UsageError([f"{path}: not UTF-8 text"]) from None
    try:
        return loads_plain(text, str(path))
    except json.JSONDecodeError as error:
        raise UsageError([f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]) from None
    except NotPlainJson as error:
        raise UsageError([problem.cli_text for problem in error.problems]) from None


def read_response(path: Path, form: Form) -> Response:
    """Our response file, or a FHIR QuestionnaireResponse (or a Bundle with one): the same checks."""
    data = read_json(path)
    try:
        if isinstance(data, dict) and "resourceType" in data:
            from intake.interop.fhir_response import response_from_fhir

            data = response_from_fhir(data, form)
        return parse_response(data, form)
    except InvalidResponse as invalid:
        raise UsageError([problem.cli_text for problem in invalid.problems]) from None


def assess_file(path: Path, policy: str | None) -> Assessment:
    """Load, validate and assess one response file under one policy."""
    form = default_form()
    rules = _rules(policy)
    return evaluate(read_response(path, form), rules, form)


def _rules(policy: str | None) -> RuleSet:
    try:
        return load_rules(policy)
    except UnknownPolicy as error:
        raise UsageError([f"--policy: {error}"]) from None
    except DataFileError as error:
        raise UsageError(error.lines) from None


def cmd_assess(args: argparse.Namespace) -> int:
    assessment = assess_file(Path(args.file), args.policy)
    if args.json:
        json.dump(assessment.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_summary(assessment))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from intake.app.finishing import clinic_info  # reportlab loads only when a PDF is wanted
    from intake.report import render_report

    settings = load_settings()
    form = default_form()
    _rules(args.policy)
    response = read_response(Path(args.file), form)
    assessment = assess_for_clinic(response, form, args.policy)
    rendered = render_report(response, assessment, form, clinic_info(settings, args.paper))
    output = Path(args.output)
    try:
        write_private(output, rendered.pdf)
    except OSError as error:
        raise UsageError([f"-o {output}: cannot write ({error.strerror or error})"]) from None
    for warning in rendered.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{output}: {assessment.outcome.value}, {len(rendered.pdf) // 1024} KB")
    return EXIT_OK


def form_consistency_problems(form: Form) -> list[str]:
    """`needed_by` marks naming no rule, and answers a shipped policy reads that the form does not ask."""
    from intake.eligibility.policy_checks import answer_problems, needed_by_problems

    problems = needed_by_problems(form)
    for name in shipped_policies():
        problems += [f"the {name} policy's {problem}" for problem in answer_problems(load_rules(name).policy, form)]
    return problems


def cmd_validate_form(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        form = load_form(path)
    except DataFileError as error:
        raise UsageError(error.lines) from None
    problems = form_consistency_problems(form)
    if problems:
        raise UsageError([f"{path}: {problem}" for problem in problems])
    print(f"{path}: ok ({form.id} {form.version}, {len(form.sections)} sections, {len(form.questions())} questions)")
    return EXIT_OK


def _store_command(name: str, args: argparse.Namespace, module: str = "intake.cli_store") -> int:
    """Run a command from `intake.cli_store` (or `cli_staff`, `cli_interop`), loading its libraries only now."""
    return getattr(importlib.import_module(module), name)(args)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _add_day_range(parser: argparse.ArgumentParser) -> None:
    """`--from`/`--to`: inclusive days a visit started on."""
    parser.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD")


def _add_store_commands(commands: Any) -> None:
    importer = commands.add_parser("import", help="store a response file as a finished visit, assessed")
    importer.add_argument("file", metavar="FILE")
    importer.set_defaults(run=partial(_store_command, "cmd_import"))

    visits = commands.add_parser("visits", help="list, show or purge stored visits")
    actions = visits.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="newest first, urgent first")
    listing.add_argument("--status", choices=STATUSES)
    _add_day_range(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=partial(_store_command, "cmd_visits_list"))
    show = actions.add_parser("show", help="one visit's assessment")
    show.add_argument("id", metavar="VISIT_ID")
    show.add_argument("--pdf", metavar="OUT.pdf", help="also write its summary PDF")
    show.set_defaults(run=partial(_store_command, "cmd_visits_show"))
    purge = actions.add_parser("purge", help="delete visits older than N days")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    purge.set_defaults(run=partial(_store_command, "cmd_visits_purge"))

    audit = commands.add_parser("audit", help="check the audit log")
    audit_actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    audit_actions.add_parser("verify", help="check the hash chain").set_defaults(run=partial(_store_command, "cmd_audit_verify"))

    interop_command = partial(_store_command, module="intake.cli_interop")
    export_form = commands.add_parser("export-form", help="the questionnaire as a FHIR Questionnaire")
    export_form.add_argument("--fhir", choices=FHIR_VERSIONS, nargs="?", const="R5", default="R5",
                             help="R5 (default) or R4 (FHIR R4B)")
    export_form.add_argument("-o", "--output", required=True, metavar="FILE")
    export_form.set_defaults(run=partial(interop_command, "cmd_export_form"))
    export = commands.add_parser("export", help="one visit as FHIR (--fhir), or visits as CSV (--csv)")
    export.add_argument("visit_id", nargs="?", metavar="VISIT_ID")
    export.add_argument("--fhir", choices=FHIR_VERSIONS, nargs="?", const="R5", help="R5 (default) or R4 (FHIR R4B)")
    export.add_argument("--csv", action="store_true", help="one row per visit; --from/--to by the day it started")
    _add_day_range(export)
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.set_defaults(run=partial(interop_command, "cmd_export"))

    staff_command = partial(_store_command, module="intake.cli_staff")
    staff = commands.add_parser("staff", help="add, list or disable staff accounts")
    staff_actions = staff.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = staff_actions.add_parser("add", help=f"add an account; the PIN comes from {STAFF_PIN_ENV} or a hidden prompt")
    add.add_argument("id", metavar="ID")
    add.add_argument("--name", required=True, metavar="NAME")
    add.add_argument("--role", choices=("staff", "admin"), default="staff")
    add.set_defaults(run=partial(staff_command, "cmd_staff_add"))
    staff_actions.add_parser("list", help="every account, active or not").set_defaults(
        run=partial(staff_command, "cmd_staff_list")
    )
    disable = staff_actions.add_parser("disable", help="stop an account signing in (it stays in the audit log)")
    disable.add_argument("id", metavar="ID")
    disable.set_defaults(run=partial(staff_command, "cmd_staff_disable"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake",
        description="Headache-clinic intake: assess answers against referral criteria for onabotulinumtoxinA consultation.",
    )
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    assess = commands.add_parser("assess", help="assess a response file (JSON) and print the result")
    assess.add_argument("file", metavar="FILE")
    assess.add_argument(
        "--policy",
        help=f"policy name ({', '.join(shipped_policies())}) or a path to a policy YAML file (default: {default_policy()})",
    )
    assess.add_argument("--json", action="store_true", help="print one JSON object (the contract in the README)")
    assess.set_defaults(run=cmd_assess)

    report = commands.add_parser("report", help="write the clinician PDF summary for a response file")
    report.add_argument("file", metavar="FILE")
    report.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="where to write the PDF")
    report.add_argument("--policy", help=f"policy name or YAML path (default: {default_policy()})")
    report.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: the clinic setting, else a4)")
    report.set_defaults(run=cmd_report)

    info_sheet = commands.add_parser("info-sheet", help="write the one-page patient information sheet (PDF)")
    info_sheet.add_argument("--lang", metavar="LANG", help="sheet language, e.g. en or es (default: the clinic setting, else en)")
    info_sheet.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: the clinic setting, else a4)")
    info_sheet.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the PDF")
    info_sheet.set_defaults(run=partial(_store_command, "cmd_info_sheet", module="intake.cli_info"))

    validate = commands.add_parser("validate-form", help="check a questionnaire definition (YAML)")
    validate.add_argument("file", metavar="FILE")
    validate.set_defaults(run=cmd_validate_form)
    _add_store_commands(commands)
    return parser


def _fail(lines: Sequence[str], status: int) -> NoReturn:
    """Each problem on one `error:` line, whatever characters the input put in it."""
    for line in lines:
        print(f"error: {one_line(line)}", file=sys.stderr)
    raise SystemExit(status)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageError as error:
        _fail(error.lines, EXIT_BAD_INPUT)
    except (DataFileError, StoreError) as error:
        _fail(error.lines if isinstance(error, DataFileError) else str(error).splitlines(), EXIT_FAILURE)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - last resort: a message, never a traceback
        _fail([f"unexpected {type(error).__name__}; nothing was changed. Please report this."], EXIT_FAILURE)


if __name__ == "__main__":
    sys.exit(main())

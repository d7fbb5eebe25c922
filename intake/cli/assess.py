"""`intake assess | report | validate-form`: a response file or a form, checked on its own.

No database here. `assess` is what scripts call many times over, so this module loads
only the form and the rules at import; `report` loads reportlab when it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from intake.cli.errors import EXIT_OK, UsageError, cannot_write
from intake.cli.reading import read_response
from intake.eligibility import Assessment, default_policy, evaluate, load_rules, shipped_policies
from intake.eligibility.policy import RuleSet, UnknownPolicy
from intake.paths import FORM_FILE
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form, load_form_languages
from intake.summary import format_summary
from intake.yamlfile import DataFileError


def register(commands: Any) -> None:
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

    validate = commands.add_parser("validate-form", help="check a questionnaire definition (YAML)")
    validate.add_argument("file", metavar="FILE", nargs="?", type=Path, default=FORM_FILE,
                          help="the form to check (default: the one the app reads, %(default)s)")
    validate.set_defaults(run=cmd_validate_form)


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
    from intake.app.assessing import assess_for_clinic
    from intake.app.finishing import clinic_info  # reportlab loads only when a PDF is wanted
    from intake.atomic import write_private
    from intake.report import render_report
    from intake.settings import load_settings

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
        raise cannot_write("-o", output, error) from None
    for warning in rendered.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{output}: {assessment.outcome.value}, {len(rendered.pdf) // 1024} KB")
    return EXIT_OK


def form_consistency_problems(form: Form) -> list[str]:
    """What every assessment needs of the form (once), and answers a shipped policy reads that it does not ask."""
    from intake.eligibility.policy_checks import answer_problems, form_problems

    problems = form_problems(form)
    for name in shipped_policies():
        problems += [f"the {name} policy's {problem}" for problem in answer_problems(load_rules(name).policy, form)]
    return problems


def cmd_validate_form(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        copies = load_form_languages(path)
    except DataFileError as error:
        raise UsageError(error.lines) from None
    form = next(iter(copies.values()))
    problems = form_consistency_problems(form)
    if problems:
        raise UsageError([f"{path}: {problem}" for problem in problems])
    print(
        f"{path}: ok ({form.id} {form.version}, {len(form.sections)} sections, {len(form.questions())} questions, "
        f"in {', '.join(copies)})"
    )
    return EXIT_OK

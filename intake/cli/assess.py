"""`intake assess | report | validate-form`: a response file or a form, checked on its own.

No database here. `assess` is what scripts call many times over, so this module loads
only the form, the rules and the clinic's settings; `report` loads reportlab when it runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, get_args

from intake.cli.clinic_policy import choose_policy
from intake.cli.errors import EXIT_OK, UsageError, cannot_write
from intake.cli.reading import read_response
from intake.eligibility import default_policy, evaluate, load_rules, shipped_policies
from intake.paths import FORM_FILE
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form, load_form_languages
from intake.settings import Paper, load_settings
from intake.summary import format_summary
from intake.yamlfile import DataFileError

PAPERS = get_args(Paper)

ASSESS_DESCRIPTION = """Check a response file and assess it against the referral criteria of one policy: --policy,
else the clinic's policy setting (as the kiosk and import use), else the shipped default.
The summary says which policy it used and why; with --json, a note on stderr says it. Exit 0
whatever the outcome, 2 for a file or option that is not right (one error line each)."""


def register(commands: Any) -> None:
    policy_help = (
        f"a shipped policy ({', '.join(shipped_policies())}) or a policy YAML file (default: the clinic's policy "
        f"setting, else {default_policy()})"
    )
    assess = commands.add_parser(
        "assess", help="assess a response file and print the result", description=ASSESS_DESCRIPTION
    )
    assess.add_argument("file", metavar="FILE", help="a response file: our JSON, or a FHIR QuestionnaireResponse or Bundle")
    assess.add_argument("--policy", metavar="POLICY", help=policy_help)
    assess.add_argument(
        "--json", action="store_true", help="print one JSON object (docs/response-and-assessment.md) instead of the summary"
    )
    assess.set_defaults(run=cmd_assess)

    report = commands.add_parser("report", help="write the clinician PDF summary for a response file")
    report.add_argument("file", metavar="FILE", help="a response file, as for assess")
    report.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="where to write the PDF")
    report.add_argument("--policy", metavar="POLICY", help=policy_help)
    report.add_argument("--paper", choices=PAPERS, help="paper size: a4 or letter (default: the clinic setting, else a4)")
    report.set_defaults(run=cmd_report)

    validate = commands.add_parser("validate-form", help="check a questionnaire definition (YAML)")
    validate.add_argument("file", metavar="FILE", nargs="?", type=Path, default=FORM_FILE,
                          help="the form to check (default: the one the app reads, %(default)s)")
    validate.set_defaults(run=cmd_validate_form)


def cmd_assess(args: argparse.Namespace) -> int:
    form = default_form()
    chosen = choose_policy(args.policy)
    assessment = evaluate(read_response(Path(args.file), form), chosen.rules, form)
    if args.json:
        print(f"note: policy {chosen.described}", file=sys.stderr)
        json.dump(assessment.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_summary(assessment, chosen.source))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from intake.app.assessing import assess_for_clinic
    from intake.app.finishing import clinic_info  # reportlab loads only when a PDF is wanted
    from intake.atomic import write_private
    from intake.report import render_report

    settings = load_settings()
    form = default_form()
    chosen = choose_policy(args.policy)
    response = read_response(Path(args.file), form)
    assessment = assess_for_clinic(response, form, chosen.asked)
    rendered = render_report(response, assessment, form, clinic_info(settings, args.paper))
    output = Path(args.output).absolute()
    try:
        write_private(output, rendered.pdf)
    except OSError as error:
        raise cannot_write("-o", args.output, error) from None
    for warning in rendered.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {output}: {assessment.outcome.value} under {chosen.described}, {len(rendered.pdf) // 1024} KB")
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

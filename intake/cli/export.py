"""`intake export-form | export`: the form and stored visits for other systems.

Exports hold patient data, so the files are written readable by this user only. Visits
are exported through a staff desk as `cli:<login>`: each one exported gets an audit row,
and a file that cannot be written leaves no row behind.
"""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path
from typing import Any

from intake.cli.desk import staff_desk
from intake.cli.errors import EXIT_OK, UsageError, cannot_write
from intake.cli.reading import add_day_range
from intake.questionnaire.loader import default_form_languages

FHIR_VERSIONS = ("R4", "R5")
"""`FhirVersion`'s values, spelled out so building the parser for `intake assess` loads no FHIR module."""


def register(commands: Any) -> None:
    export_form = commands.add_parser(
        "export-form",
        help="the questionnaire as a FHIR Questionnaire, in every language, with the sections the clinic switched on",
    )
    export_form.add_argument("--fhir", choices=FHIR_VERSIONS, nargs="?", const="R5", default="R5",
                             help="R5 (default) or R4 (FHIR R4B)")
    export_form.add_argument("--lang", metavar="LANG",
                             help="the language its texts are written in (default the form's first); the others ride as "
                                  "translations. For renderers that show no translation, LHC-Forms among them")
    export_form.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the Questionnaire (JSON)")
    export_form.set_defaults(run=cmd_export_form)

    export = commands.add_parser("export", help="one visit as FHIR (--fhir), or visits as CSV (--csv)")
    export.add_argument("visit_id", nargs="?", metavar="VISIT_ID",
                        help="the visit to export with --fhir (exit 2 when there is no such visit)")
    export.add_argument("--fhir", choices=FHIR_VERSIONS, nargs="?", const="R5", help="R5 (default) or R4 (FHIR R4B)")
    export.add_argument("--csv", action="store_true", help="one row per visit; --from/--to by the day it started")
    add_day_range(export)
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the Bundle (JSON) or the CSV")
    export.set_defaults(run=cmd_export)


def _write(path: str, data: bytes) -> None:
    from intake.atomic import write_private

    try:
        write_private(Path(path), data)
    except OSError as error:
        raise cannot_write("-o", path, error) from None


def _write_json(path: str, resource: dict[str, Any]) -> None:
    _write(path, (json.dumps(resource, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def cmd_export_form(args: argparse.Namespace) -> int:
    """The sections the clinic's settings switch on, as on the kiosk: a renderer requires what it shows."""
    from intake.app.optional_sections import switched_on
    from intake.interop.fhir_questionnaire import export_questionnaire
    from intake.interop.fhir_version import FhirVersion
    from intake.settings import load_settings

    forms = default_form_languages()
    if args.lang is not None and args.lang not in forms:
        raise UsageError([f"--lang: the form is not written in {args.lang!r}; its languages: {', '.join(forms)}"])
    sections = switched_on(load_settings(), next(iter(forms.values())))
    questionnaire = export_questionnaire(forms, FhirVersion(args.fhir), switched_on=sections, language=args.lang)
    _write_json(args.output, questionnaire)
    print(f"wrote FHIR {args.fhir} Questionnaire ({questionnaire['language']}) to {Path(args.output).absolute()}")
    return EXIT_OK


def _check_choice(args: argparse.Namespace) -> None:
    if bool(args.fhir) == bool(args.csv):
        raise UsageError(["give one of --fhir (with a VISIT_ID) or --csv"])
    if args.fhir and not args.visit_id:
        raise UsageError(["--fhir: which visit? give its VISIT_ID"])
    if args.csv and args.visit_id:
        raise UsageError(["--csv exports every visit in --from/--to; leave out VISIT_ID"])
    if args.fhir and (args.date_from or args.date_to):
        raise UsageError(["--from/--to go with --csv"])


def cmd_export(args: argparse.Namespace) -> int:
    from intake.interop.fhir_version import FhirVersion

    _check_choice(args)
    with staff_desk() as desk:
        if args.fhir:
            desk.export_fhir(args.visit_id, FhirVersion(args.fhir), partial(_write_json, args.output))
            exported = 1
        else:
            exported = desk.export_csv(args.date_from, args.date_to, partial(_write, args.output))
    print(f"exported {exported} visit(s) to {Path(args.output).absolute()}")
    return EXIT_OK

"""`intake export-form | export`: the form and stored visits for other systems.

Exports hold patient data, so the files are written readable by this user only, and
every visit exported gets an audit row naming `cli:<login>`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from intake.atomic import write_private
from intake.cli import UsageError
from intake.cli_store import cli_staff_id, open_store
from intake.interop.csv_export import csv_bytes
from intake.interop.fhir_questionnaire import export_questionnaire
from intake.interop.fhir_version import FhirVersion
from intake.interop.fhir_visit import export_visit
from intake.questionnaire.loader import default_form
from intake.settings import load_settings
from intake.store.audit import Action, AuditLog
from intake.store.errors import VisitNotFound
from intake.store.visits import VisitStore


def _json_bytes(resource: dict) -> bytes:
    return (json.dumps(resource, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _write(path: str, data: bytes) -> None:
    try:
        write_private(Path(path), data)
    except OSError as error:
        raise UsageError([f"-o {path}: cannot write ({error.strerror or error})"]) from None


def cmd_export_form(args: argparse.Namespace) -> int:
    _write(args.output, _json_bytes(export_questionnaire(default_form(), FhirVersion(args.fhir))))
    print(f"wrote FHIR {args.fhir} Questionnaire to {args.output}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if bool(args.fhir) == bool(args.csv):
        raise UsageError(["give one of --fhir (with a VISIT_ID) or --csv"])
    if args.fhir and not args.visit_id:
        raise UsageError(["--fhir: which visit? give its VISIT_ID"])
    if args.csv and args.visit_id:
        raise UsageError(["--csv exports every visit in --from/--to; leave out VISIT_ID"])
    if args.fhir and (args.date_from or args.date_to):
        raise UsageError(["--from/--to go with --csv"])
    with open_store(load_settings()) as database:
        store, audit, form = VisitStore(database), AuditLog(database), default_form()
        if args.fhir:
            try:
                visit = store.get(args.visit_id)
            except VisitNotFound as error:
                raise UsageError([str(error)]) from None
            _write(args.output, _json_bytes(export_visit(visit, form, FhirVersion(args.fhir))))
            exported = [visit]
        else:
            exported = store.without_pdfs(args.date_from, args.date_to)
            _write(args.output, csv_bytes(form, exported))
        for visit in exported:
            audit.record(Action.EXPORTED, cli_staff_id(), visit.summary.id, visit.rules_version)
    print(f"exported {len(exported)} visit(s) to {args.output}")
    return 0

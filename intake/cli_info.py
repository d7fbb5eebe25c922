"""`intake info-sheet`: the patient information sheet as a PDF, for a clinic to print or send.

The sheet's words come from `forms/info/`, the clinic's name, phone and paper from its
settings; `--lang` and `--paper` choose another language or paper for this one file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from intake.cli import EXIT_OK, UsageError
from intake.report.info_sheet import sheet_clinic, write_info_sheet
from intake.report.info_text import load_sheet_text, sheet_language_for, sheet_languages
from intake.settings import load_settings


def cmd_info_sheet(args: argparse.Namespace) -> int:
    settings = load_settings()
    languages = sheet_languages()
    language = args.lang if args.lang is not None else sheet_language_for(settings.language)
    if language not in languages:
        raise UsageError([f"--lang: expected one of {', '.join(languages)}, got {language}"])
    text = load_sheet_text(language)
    clinic = sheet_clinic(settings, args.paper)
    output = Path(args.output)
    try:
        rendered = write_info_sheet(text, clinic, output)
    except OSError as error:
        raise UsageError([f"-o {output}: cannot write ({error.strerror or error})"]) from None
    if rendered.pages > 1:
        print(f"warning: the sheet takes {rendered.pages} pages; a shorter clinic name or address keeps it on one", file=sys.stderr)
    if not clinic.phone:
        print("warning: no clinic phone in the settings (clinic_phone); the sheet shows none", file=sys.stderr)
    print(f"{output}: information sheet, {text.language_name}, {clinic.paper}, {rendered.pages} page(s)")
    return EXIT_OK

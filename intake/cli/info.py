"""`intake info-sheet`: the patient information sheet as a PDF, for a clinic to print or send.

The sheet's words come from `forms/info/`, the clinic's name, phone and paper from its
settings; `--lang` and `--paper` choose another language or paper for this one file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from intake.cli.assess import PAPERS
from intake.cli.errors import EXIT_OK, UsageError, cannot_write
from intake.language_names import language_name


def register(commands: Any) -> None:
    info_sheet = commands.add_parser("info-sheet", help="write the one-page patient information sheet (PDF)")
    info_sheet.add_argument("--lang", metavar="LANG", help="sheet language, e.g. en or es (default: the clinic setting, else en)")
    info_sheet.add_argument("--paper", choices=PAPERS, help="paper size: a4 or letter (default: the clinic setting, else a4)")
    info_sheet.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the PDF")
    info_sheet.set_defaults(run=cmd_info_sheet)


def cmd_info_sheet(args: argparse.Namespace) -> int:
    from intake.report.info_sheet import sheet_clinic, write_info_sheet  # reportlab loads only for this command
    from intake.report.info_text import load_sheet_text, sheet_language_for, sheet_languages
    from intake.settings import load_settings

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
        raise cannot_write("-o", output, error) from None
    if rendered.pages > 1:
        print(f"warning: the sheet takes {rendered.pages} pages; a shorter clinic name or address keeps it on one",
              file=sys.stderr)
    if not clinic.phone:
        print("warning: no clinic phone in the settings (clinic_phone); the sheet shows none", file=sys.stderr)
    print(f"wrote {output.absolute()}: information sheet, {language_name(text.language)}, {clinic.paper}, "
          f"{rendered.pages} page(s)")
    return EXIT_OK

"""Building the translations: templates from the code, `.po` sources kept in step, `.mo` compiled.

    python -m intake.translation_files compile   # .po -> .mo (./run does this before the app and the tests)
    python -m intake.translation_files extract   # the code -> <domain>.pot, and each .po updated from it
    python -m intake.translation_files start fr  # a new language: fr/LC_MESSAGES/patient.po, every sentence empty

Each domain's words live in the modules `DOMAIN_SOURCES` names, so the template is extracted
from them alone; a test checks that the templates are current and that no other module calls gettext.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from intake.paths import PROJECT_ROOT
from intake.translations import PATIENT_DOMAIN, SOURCE_LANGUAGE, STAFF_DOMAIN, TRANSLATIONS_DIR, languages, source_path

DOMAIN_SOURCES: dict[str, tuple[str, ...]] = {
    PATIENT_DOMAIN: ("intake/questionnaire/patient_wording.py",),
    STAFF_DOMAIN: (
        "intake/staff_wording.py",
        "intake/settings.py",
        "intake/app/amending.py",
        "intake/app/review_queue.py",
        "intake/report/wording.py",
        "intake/report/sections.py",
        "intake/report/addenda.py",
        "intake/report/builder.py",
        "intake/report/canvas.py",
        "intake/report/test_page.py",
        "intake/ui/app.py",
        "intake/ui/staff/*.py",
        "intake/ui/setup/*.py",
    ),
}
"""The modules whose words make each domain, relative to the project root: a path, or a glob
for a package whose every module speaks to the same reader (the staff screens)."""

KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
"""gettext's usual functions, and `N_` for sentences marked where they are defined."""

PROJECT = "headache-intake"
HEADER = "# The {domain} words of headache-intake. Made by `python -m intake.translation_files extract`: do not edit."


def extracted(domain: str, root: Path = PROJECT_ROOT) -> Catalog:
    """The domain's template as the code says it today."""
    header = HEADER.format(domain=domain)
    catalog = Catalog(project=PROJECT, domain=domain, fuzzy=False, header_comment=header, copyright_holder=PROJECT)
    for path in source_files(domain, root):
        relative = path.relative_to(root).as_posix()
        found = extract_from_file("python", path, keywords=KEYWORDS, comment_tags=("Translators:",))
        for line, message, comments, context in found:
            catalog.add(message, None, [(relative, line)], auto_comments=comments, context=context)
    return catalog


def source_files(domain: str, root: Path = PROJECT_ROOT) -> list[Path]:
    """The files `DOMAIN_SOURCES` names for a domain, in its order, each glob's files sorted."""
    return list(dict.fromkeys(path for pattern in DOMAIN_SOURCES[domain] for path in sorted(root.glob(pattern))))


def template_path(domain: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"{domain}.pot"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=path.stem)


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, include_lineno=False)


def extract(domains: Iterable[str] = DOMAIN_SOURCES, directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    """Write each template, and bring every translation of it up to date (new ids empty, gone ids dropped)."""
    written = []
    for domain in domains:
        template = extracted(domain)
        _write(template, template_path(domain, directory))
        written.append(template_path(domain, directory))
        for language in languages(domain, directory)[1:]:
            path = source_path(domain, language, directory)
            translation = read_catalog(path, language)
            translation.update(template, update_header_comment=False, no_fuzzy_matching=True)
            translation.obsolete.clear()
            _write(translation, path)
            written.append(path)
    return written


def start(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """A new language's patient sentences, each empty, from the current template; an existing file is kept.

    Only the patient's words: staff screens are English this round (`staff` has no translation yet).
    """
    path = source_path(PATIENT_DOMAIN, language, directory)
    if not path.exists():
        translation = Catalog(locale=language, project=PROJECT, domain=PATIENT_DOMAIN, fuzzy=False)
        translation.update(extracted(PATIENT_DOMAIN), update_header_comment=False, no_fuzzy_matching=True)
        _write(translation, path)
    return path


def compile_all(directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    """Every `.po` compiled to its `.mo` beside it; fuzzy entries are left out, as gettext would.

    Each `.mo` is written under a hidden name and then renamed over the old one, so a
    process reading it meanwhile (the app, a test while the wheel's build hook compiles)
    finds the old file or the new one, never half of one.
    """
    written = []
    for source in sorted(directory.glob("*/LC_MESSAGES/*.po")):
        if source.parent.parent.name == SOURCE_LANGUAGE:
            continue
        catalog = read_catalog(source, source.parent.parent.name)
        target = source.with_suffix(".mo")
        part = target.with_name(f".{target.stem}-{os.getpid()}.mo")
        with part.open("wb") as file:
            write_mo(file, catalog, use_fuzzy=False)
        os.replace(part, target)
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    command = (argv if argv is not None else sys.argv[1:]) or ["compile"]
    if command == ["compile"]:
        compile_all()
        return 0
    if command == ["extract"]:
        for path in extract():
            print(path.relative_to(PROJECT_ROOT))
        return 0
    if len(command) == 2 and command[0] == "start" and command[1].isascii() and command[1].isalpha():
        print(start(command[1].lower()).relative_to(PROJECT_ROOT))
        return 0
    print("usage: python -m intake.translation_files [compile | extract | start LANGUAGE]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())

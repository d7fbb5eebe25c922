"""The words of the app in the reader's language: gettext catalogs, one per domain and language.

Two domains: `patient` (everything the patient reads that is not the form's own text; it
must be complete in every language offered) and `staff` (English only so far). Sources are
`resources/translations/<domain>.pot` and `<language>/LC_MESSAGES/<domain>.po`; `./run`
compiles the `.mo` files read here (`intake.translation_files`). English is the source
language: its words are the message ids themselves, so it needs no file.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from intake.paths import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SOURCE_LANGUAGE = "en"
PATIENT_DOMAIN = "patient"
STAFF_DOMAIN = "staff"


class TranslationsMissing(RuntimeError):
    """A language has a `.po` source but no compiled `.mo`: `./run` (or `python -m intake.translation_files`) makes it."""


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Marks a sentence for the template without translating it: it is translated where it is read."""
    return message


def primary(language: str) -> str:
    """The language subtag of a BCP 47 tag, lower case: `es` for `es-MX`."""
    return language.split("-")[0].lower()


def source_path(domain: str, language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / language / "LC_MESSAGES" / f"{domain}.po"


def languages(domain: str, directory: Path = TRANSLATIONS_DIR) -> tuple[str, ...]:
    """The source language, then every language with a `.po` for the domain, alphabetically."""
    found = sorted(path.parent.parent.name for path in directory.glob(f"*/LC_MESSAGES/{domain}.po"))
    return (SOURCE_LANGUAGE, *(language for language in found if language != SOURCE_LANGUAGE))


def translations(domain: str, language: str, directory: Path = TRANSLATIONS_DIR) -> gettext.NullTranslations:
    """The catalog for a domain in a language (`es-MX` reads `es`); the source language, or a
    language the domain has no source for, gets the English message ids as they are."""
    return _catalog(domain, primary(language), directory)


@cache
def _catalog(domain: str, language: str, directory: Path) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE or not source_path(domain, language, directory).exists():
        return gettext.NullTranslations()
    compiled = source_path(domain, language, directory).with_suffix(".mo")
    if not compiled.exists():
        raise TranslationsMissing(f"{compiled}: not compiled; ./run compiles it (python -m intake.translation_files)")
    with compiled.open("rb") as file:
        return gettext.GNUTranslations(file)


"""Loading a form definition from YAML (errors name the file, question id and problem).

The file holds every language's texts side by side; each `Form` is one language's copy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from intake.localized import load_every_language, load_in_language
from intake.paths import FORM_FILE
from intake.questionnaire.form import Form

TEXT_KEYS = frozenset(
    {"title", "intro", "text", "label", "help", "unit", "add_label", "add_more_label", "none_label", "message"}
)
"""The keys whose values the patient or staff read: each is written in every language of the form."""


def load_form(path: Path, language: str | None = None) -> Form:
    """The form in `language` (default: its source language), every language's texts checked present."""
    return load_in_language(path, Form, TEXT_KEYS, language)


def load_form_languages(path: Path) -> dict[str, Form]:
    """The form in each of its languages, the source language first, each copy validated."""
    return load_every_language(path, Form, TEXT_KEYS)


def default_form() -> Form:
    """The shipped questionnaire in its source language (what staff, the PDF and exports read).

    The source copy of `default_form_languages`: one read of the file serves both, and
    checking every language costs about a millisecond more than checking one.
    """
    return next(iter(default_form_languages().values()))


@lru_cache(maxsize=1)
def default_form_languages() -> dict[str, Form]:
    """The shipped questionnaire in every language it has, the source first, once per process."""
    return load_form_languages(FORM_FILE)

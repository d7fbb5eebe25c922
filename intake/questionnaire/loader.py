"""Loading a form definition from YAML (errors name the file, question id and problem)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from intake.paths import FORM_FILE
from intake.questionnaire.form import Form
from intake.yamlfile import load_model


def load_form(path: Path) -> Form:
    return load_model(path, Form)


@lru_cache(maxsize=1)
def default_form() -> Form:
    """The shipped questionnaire, loaded once per process."""
    return load_form(FORM_FILE)

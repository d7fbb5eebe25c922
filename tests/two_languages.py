"""A tiny form written in English and Spanish, for tests of what every language of a form reaches."""

from __future__ import annotations

from pathlib import Path

import yaml

from intake.questionnaire.form import Form
from intake.questionnaire.loader import load_form_languages

TWO_LANGUAGES = {
    "id": "tiny",
    "version": "1",
    "languages": ["en", "es"],
    "title": {"en": "Headache questions", "es": "Preguntas sobre el dolor de cabeza"},
    "yes_no_unsure": [
        {"value": "yes", "label": {"en": "Yes", "es": "Sí"}},
        {"value": "no", "label": {"en": "No", "es": "No"}},
        {"value": "unsure", "label": {"en": "Not sure", "es": "No sé"}},
    ],
    "sections": [
        {
            "id": "pattern",
            "title": {"en": "Your headaches", "es": "Sus dolores de cabeza"},
            "questions": [
                {"id": "aura", "type": "yes_no_unsure", "text": {"en": "Warning signs?", "es": "¿Señales de aviso?"},
                 "label": {"en": "Aura", "es": "Aura"}},
                {"id": "days", "type": "integer", "min": 0, "max": 31,
                 "text": {"en": "Headache days?", "es": "¿Días con dolor?"}, "label": {"en": "Days", "es": "Días"},
                 "unit": {"en": "days a month", "es": "días al mes"}},
            ],
        }
    ],
    "rules": [{"left": "days", "right": "31", "message": {"en": "At most {right}.", "es": "Como máximo {right}."}}],
}


def written(tmp_path: Path, data: dict | None = None) -> Path:
    """The form (or `data`) as a YAML file in `tmp_path`."""
    path = tmp_path / "form.yaml"
    path.write_text(yaml.safe_dump(TWO_LANGUAGES if data is None else data, allow_unicode=True), encoding="utf-8")
    return path


def two_language_forms(tmp_path: Path) -> dict[str, Form]:
    """The tiny form in English and in Spanish, as `load_form_languages` reads it."""
    return load_form_languages(written(tmp_path))

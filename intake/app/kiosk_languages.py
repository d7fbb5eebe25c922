"""Which languages the kiosk offers its patients, and which one each visit starts in.

Worked out from the form's languages alone, not the form: the welcome screen offers them in
its first frame, before the form, the rules and the store are loaded (`Desk` asks the same).
"""

from __future__ import annotations

from collections.abc import Sequence

from intake.translations import PATIENT_DOMAIN, SOURCE_LANGUAGE, languages, primary


def offered_languages(form_languages: Sequence[str]) -> tuple[str, ...]:
    """The form's languages that the patient wording has too, in the form's order (its source first)."""
    worded = languages(PATIENT_DOMAIN)
    return tuple(language for language in form_languages if language in worded)


def starting_language(clinic_language: str, offered: Sequence[str]) -> str:
    """Each new visit starts in the clinic's language (`settings.language`), if it is offered."""
    language = primary(clinic_language)
    return language if language in offered else SOURCE_LANGUAGE

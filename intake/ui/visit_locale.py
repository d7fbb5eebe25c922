"""The QLocale of a visit: month names, weekday names and date order in the visit's language.

The machine's locale must not decide the language of a date (a Spanish tablet showing
"enero" among English questions), but it does know the clinic's country: when it speaks
the visit's language, its conventions stay (a British clinic's day-month-year); otherwise
the language's own defaults apply. The C locale (a machine set to no language) writes
dates in English and keeps them for English visits.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from intake.questionnaire.patient_wording import PatientWording


def visit_locale(words: PatientWording) -> QLocale:
    wanted = QLocale(words.language.replace("-", "_"))
    machine = QLocale()
    speaks = machine.language() in (wanted.language(), QLocale.Language.C) if wanted.language() == QLocale.Language.English else (
        machine.language() == wanted.language()
    )
    return QLocale(machine) if speaks else wanted

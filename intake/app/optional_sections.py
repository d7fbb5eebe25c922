"""Which optional form sections a clinic switched on.

The form names, per optional section, the clinic setting that switches it on
(`Section.setting`); the settings hold the switch. Neither spells out the other, so a
new optional section is a form edit plus a bool setting of the same name. A setting the
form names but `Settings` lacks (or that is not a bool) leaves its section off.
"""

from __future__ import annotations

from intake.questionnaire.form import Form
from intake.settings import Settings


def switched_on(settings: Settings, form: Form) -> frozenset[str]:
    """The settings among `form.settings_used` that are a true bool on `settings`."""
    known = Settings.model_fields
    return frozenset(name for name in form.settings_used if name in known and getattr(settings, name) is True)

"""The staff screens' words: gettext's `_` and `ngettext`, in the `staff` domain and the staff language.

Every word a staff screen shows is written `_("...")` where it is shown, and a sentence
with values `_("Visits on {day}").format(day=...)`: whole sentences with named blanks, so
a translator can reorder them; `ngettext` wherever a count changes the words. A word
defined at module level is marked `N_` there and translated with `_` where it is shown,
so the language is the one in force when the screen is built, not when it was imported.
`python -m intake.translation_files extract` finds them all (`DOMAIN_SOURCES`).
"""

from __future__ import annotations

from intake.staff_wording import staff_plural, staff_text
from intake.translations import N_, SOURCE_LANGUAGE

__all__ = ["N_", "_", "ngettext", "staff_language"]
"""`N_` too, so a module takes its three words from here: `N_` marks a word at module level."""


def staff_language() -> str:
    """The language of the staff screens: English this round, whatever the machine's locale.

    The one place a later round chooses it (the machine's language, say, once `staff.po`
    has a translation for it); the patient's language never applies here.
    """
    return SOURCE_LANGUAGE


def _(message: str) -> str:
    """`message` in the staff language."""
    return staff_text(message, staff_language())


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a sentence that fits `count`, in the staff language."""
    return staff_plural(singular, plural, count, staff_language())

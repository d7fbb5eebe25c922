"""The clinician PDF's words: gettext's `_` and `ngettext`, in the `staff` domain and the PDF's language.

`intake/report/wording.py` writes every sentence of the PDF as `_("...")`, or with
`ngettext` where a count changes the words, so `python -m intake.translation_files extract`
puts them in `staff.pot` beside the staff screens' words.
"""

from __future__ import annotations

from intake.staff_wording import staff_plural, staff_text
from intake.translations import N_, SOURCE_LANGUAGE

__all__ = ["N_", "_", "ngettext", "pdf_language"]
"""`N_` too, so a module takes its three words from here: `N_` marks a word at module level."""


def pdf_language() -> str:
    """The clinician PDF's language: English this round, whatever language the visit was in.

    The one place a later round chooses it (a clinic setting, say); free text stays verbatim.
    """
    return SOURCE_LANGUAGE


def _(message: str) -> str:
    """`message` in the PDF's language."""
    return staff_text(message, pdf_language())


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a sentence that fits `count`, in the PDF's language."""
    return staff_plural(singular, plural, count, pdf_language())

"""What staff read for an outcome, a visit's status, a criterion's status or an account's
role: one place for the PDF, the staff screens and the commands, kept together for translation.

Keyed by the stored string values (`Outcome`, `Status`, `Ichd3Status` and `Role` are StrEnums,
whose members look up like their values; visit statuses are `intake.visit_status`), so this
module imports only base modules and every layer may read it. Patient wording lives in
`intake/questionnaire/patient_wording.py`; the PDF's other words in `intake/report/wording.py`.

Translation: every sentence is marked for the gettext domain `staff` (template
`resources/translations/staff.pot`), English only so far. The constants stay the English
message ids, since some are the JSON contract (`outcome_text`) as well; a screen that shows
one translates it where it shows it (the staff screens with `_` of `intake.ui.staff.words`,
the PDF with `_` of `intake.report.words`, both in this domain).
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping

from intake.translations import N_, SOURCE_LANGUAGE, STAFF_DOMAIN, translations


def staff_translations(language: str = SOURCE_LANGUAGE) -> gettext.NullTranslations:
    """The staff domain in a language; a language without a `staff.po` reads the English ids."""
    return translations(STAFF_DOMAIN, language)


def staff_text(message: str, language: str) -> str:
    """`message` in `language` (itself in English, or where the catalog lacks it).

    The empty string stays empty: gettext would give the catalog's header for it.
    """
    return staff_translations(language).gettext(message) if message else message


def staff_plural(singular: str, plural: str, count: int, language: str) -> str:
    """The form of a sentence that fits `count`, in `language`."""
    return staff_translations(language).ngettext(singular, plural, count)


OUTCOME_TEXT: Mapping[str, str] = {
    "URGENT_REVIEW": N_("Urgent clinician review: red-flag answers"),
    "INCOMPLETE": N_("Cannot assess yet: answers missing"),
    "NOT_ELIGIBLE": N_("Does not meet criteria to consider referral under this policy"),
    "REVIEW_NEEDED": N_("Meets criteria, but needs clinician review before referral"),
    "REFER": N_("Meets criteria to consider referral for onabotulinumtoxinA consultation: clinician to confirm"),
}
"""The outcome in words for staff: the assessment's `outcome_text`, on the PDF and in `intake assess`."""

OUTCOME_SYMBOL: Mapping[str, str] = {
    "URGENT_REVIEW": "⚑",
    "INCOMPLETE": "?",
    "NOT_ELIGIBLE": "✗",
    "REVIEW_NEEDED": "!",
    "REFER": "✓",
}
"""Before the outcome's words on the PDF, which name the outcome once (symbols: nothing to translate)."""

OUTCOME_MARK: Mapping[str, str] = {
    "URGENT_REVIEW": N_("!! URGENT REVIEW"),
    "INCOMPLETE": N_("? INCOMPLETE"),
    "NOT_ELIGIBLE": N_("✗ NOT ELIGIBLE"),
    "REVIEW_NEEDED": N_("! REVIEW NEEDED"),
    "REFER": N_("✓ REFER"),
}
"""The outcome in capitals, for lists that name it in a word (the staff queue, a visit's facts)."""

VISIT_STATUS_WORDS: Mapping[str, str] = {
    "in_progress": N_("In progress"),
    "unfinished": N_("Unfinished"),
    "finished": N_("Finished"),
}

SUMMARY_FAILED = N_("Summary failed")
"""Under the status of a visit whose answers were kept at Finish but whose summary could not
be made; it stays until the summary is made or the visit is discarded."""

ANSWERED_BEFORE = N_("Answered before the visit")
"""A visit imported from a response file (a pre-visit form at home, another system), not answered at
the kiosk: in the queue under its status, in the visit's header, and on its PDF."""


NO_NAME_YET = N_("(no name yet)")
"""In place of the name of a patient who has not given it yet: in the queue, a visit's title, the alerts."""

RED_FLAG_ANSWERED = N_("Red flag answered")
"""The outcome of a visit not finished (it has none yet) whose answers raised a red flag."""

ASKED_FOR_HELP = N_("Asked for help")
"""Under the status of a visit whose patient tapped "I need help": it stays on the row for good."""


def summary_failed_alert(names: list[str], language: str = SOURCE_LANGUAGE) -> str:
    """The alert bar's line for visits whose summary failed (their answers are all kept)."""
    # Translators: {count} visits; {names} the patients' names, separated by commas; "Unfinished" names the queue's view.
    line = staff_translations(language).ngettext(
        "SUMMARY FAILED for {count} visit (every answer is kept, under Unfinished): {names}",
        "SUMMARY FAILED for {count} visits (every answer is kept, under Unfinished): {names}",
        len(names),
    )
    return line.format(count=len(names), names=", ".join(names))


def urgent_alert(names: list[str], language: str = SOURCE_LANGUAGE) -> str:
    """The alert bar's line for urgent visits nobody has marked reviewed (a red flag came up)."""
    # Translators: {count} visits; {names} the patients' names, separated by commas.
    line = staff_translations(language).ngettext(
        "URGENT: {count} visit needs a clinician now (red flag): {names}",
        "URGENT: {count} visits need a clinician now (red flag): {names}",
        len(names),
    )
    return line.format(count=len(names), names=", ".join(names))


def help_alert(names: list[str], language: str = SOURCE_LANGUAGE) -> str:
    """The calm line above the staff screens naming the patients who asked for help."""
    # Translators: {names} the patients' names, separated by commas (one name in the first form, more in the second).
    line = staff_translations(language).ngettext("Asked for help: {names}", "Asked for help: {names}", len(names))
    return line.format(names=", ".join(names))


# Language subtags staff are most likely to meet; any other shows as its tag.
LANGUAGE_NAMES: Mapping[str, str] = {
    "ar": N_("Arabic"),
    "de": N_("German"),
    "es": N_("Spanish"),
    "fr": N_("French"),
    "hi": N_("Hindi"),
    "it": N_("Italian"),
    "ja": N_("Japanese"),
    "ko": N_("Korean"),
    "pl": N_("Polish"),
    "pt": N_("Portuguese"),
    "ru": N_("Russian"),
    "tl": N_("Tagalog"),
    "uk": N_("Ukrainian"),
    "vi": N_("Vietnamese"),
    "zh": N_("Chinese"),
}
"""A patient's language named in the staff language, for "Answered in Spanish"."""


def answered_in(tag: str | None, primary: str, language: str = SOURCE_LANGUAGE) -> str | None:
    """"Answered in Spanish" when the visit was not in English (an unknown language by its tag), in
    `language`: the PDF's and the staff screen's, each of which says it."""
    if primary == "en":
        return None
    words = staff_translations(language)
    name = words.gettext(LANGUAGE_NAMES[primary]) if primary in LANGUAGE_NAMES else tag or primary
    # Translators: {language} is the name of the language the patient answered in ("Spanish").
    return words.gettext("Answered in {language}").format(language=name)


CRITERION_MARK: Mapping[str, str] = {"met": N_("✓ met"), "unmet": N_("✗ UNMET"), "missing": N_("? MISSING")}
"""A criterion row's status on the PDF."""

CRITERION_WORD: Mapping[str, str] = {"met": N_("met"), "unmet": N_("UNMET"), "missing": N_("MISSING")}
"""The same in plain text, for `intake assess`."""

ICHD3_MARK: Mapping[str, str] = {
    "met": N_("✓ met"),
    "unmet": N_("✗ unmet"),
    "unknown": N_("? unknown"),
    "clinician": N_("clinician"),
}
"""An ICHD-3 item's status on the PDF."""

RED_FLAGS_FIRST = N_("⚑ Red flags: answered yes or not sure")
"""Above every other answer on the staff visit screen: the red-flag questions the patient
answered yes or not sure, whatever page of the form they are on."""

ROLE_NAME: Mapping[str, str] = {"staff": N_("Staff"), "admin": N_("Administrator")}
"""An account's role in a list or a choice (`Role`'s values)."""

ROLE_IN_A_SENTENCE: Mapping[str, str] = {"staff": N_("staff"), "admin": N_("an administrator")}
"""A role inside a sentence: "… is now staff", "… is an administrator already"."""

"""Staff wording on the clinician PDF (English this round), kept in one place for translation.

Outcome, visit status and criterion marks are `intake/staff_wording.py`, shared with the
queue and the CLI; patient wording lives in `intake/questionnaire/patient_wording.py`; nothing here
is shown on the kiosk.
"""

from __future__ import annotations

TITLE = "Headache intake: referral criteria summary"
DOCUMENT_TITLE = "Intake summary for the clinician"
SUMMARY_DOCUMENT = "Headache intake summary"
"""The PDF's own title (what a viewer's title bar shows)."""

SECONDARY_CAUSE_FIRST = "Assess for a secondary cause first: the criteria below are not the priority"
ANSWER_WORD = {"yes": "Yes", "no": "No", "unsure": "Not sure"}

# Notes that change the plan: shown in the outcome box as well as under "Notes".
PLAN_NOTE_CODES = (
    "unknown_preventive_could_change",
    "botox_continuation",
    "unknown_acute_overuse",
    "concurrent_cgrp_mab",
    "botox_reduction_unknown",
    "prior_botox_unsure",
    "trial_dates",
)

GLANCE_TITLE = "At a glance"
GLANCE_RED_FLAGS = "Red flags"
GLANCE_OVERUSE = "Medication overuse"
GLANCE_UNLISTED = "Unlisted medicines"
GLANCE_CAUTIONS = "Cautions"
GLANCE_PRIOR_BOTOX = "Prior Botox"
GLANCE_CGRP = "Concurrent CGRP antibody"
GLANCE_MIDAS = "MIDAS"
GLANCE_ICHD3 = "ICHD-3 1.3"
NONE = "none"

SCREENING_TITLE = "Red flags and cautions answered yes or not sure"
ALL_IN_APPENDIX = "Every answer is in the appendix."
ICHD3_TITLE = "ICHD-3 chronic migraine (1.3), from the answers: shown, never decides"
POLICIES_TITLE = "Outcome under every policy"
CRITERIA_TITLE = "Criteria"
CRITERIA_URGENT_TITLE = "Criteria (not the priority: red flags first)"
AUDIT_ANCHOR = "Audit log head before this summary"

# A visit the patient did not finish, printed as it stands (never the visit's summary).
NOT_FINISHED_TITLE = "Visit not finished: answers so far"
NOT_FINISHED_DOCUMENT = "Headache intake: answers so far (visit not finished)"
NOT_FINISHED_NOTE = (
    "The patient did not finish the questionnaire. These are their answers up to now, assessed as they "
    "stand: questions not reached count as missing. This is not the visit's summary."
)
RED_FLAGS_SO_FAR_TITLE = "Red flags, from the answers so far"

SOURCE = "Source"
"""The identity table's label for where the answers came from, when not from the kiosk (`ANSWERED_BEFORE`)."""

# Language subtags staff are most likely to meet; any other shows as its tag.
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "hi": "Hindi",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "tl": "Tagalog",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
}


def plural(count: int, singular: str, many: str | None = None) -> str:
    """`1 failed class`, `2 failed classes`: the count and the right form of the noun."""
    return f"{count} {singular if count == 1 else many or singular + 's'}"


def answered_in(language: str | None, primary: str) -> str | None:
    """"Answered in Spanish" when the visit was not in English; an unknown language by its tag."""
    if primary == "en":
        return None
    return f"Answered in {LANGUAGE_NAMES.get(primary, language or primary)}"


def other_red_flags(count: int, others_listed: bool) -> str:
    return (
        f"No to the other {plural(count, 'red-flag question')}"
        if others_listed
        else f"No to all {plural(count, 'red-flag question')}"
    )


def other_cautions(count: int, others_listed: bool) -> str:
    return (
        f"No to the other {plural(count, 'caution question')}"
        if others_listed
        else f"No to all {plural(count, 'caution question')}"
    )


def no_red_flags(count: int, hidden: int) -> str:
    return f"none of {count}{not_asked(hidden)}"


def not_asked(count: int) -> str:
    """Questions the form hid (pregnancy questions for a male patient), so the counts add up."""
    return f" ({count} not asked)" if count else ""


def short_hash(rules_hash: str) -> str:
    """`sha256:` and the first 12 hex digits: enough to tell rule sets apart on a printout."""
    algorithm, _, digest = rules_hash.partition(":")
    return f"{algorithm}:{digest[:12]}" if digest else rules_hash[:19]


# Addenda: what staff added after the patient finished (amended answers, clinician notes).

AMENDMENTS_TITLE = "Amendments: answers changed by staff after the patient finished"
AMENDMENTS_HEADER = ("When", "By", "Question", "Was → now", "Reason")
NOTES_TITLE = "Clinician notes (addendum)"
NOTES_INTRO = "Written by clinic staff after the visit; not the patient's answers."


def amended_notice(count: int) -> str:
    """Page 1's warning that the summary is not the patient's answers alone."""
    return (f"{plural(count, 'answer was', 'answers were')} changed by staff after the patient finished; the assessment "
            "uses the changed answers. What they were is under “Amendments”.")


def left_out(labels: list[str]) -> str:
    """Answers of a visit not finished that could not be assessed: named, so nobody takes them for unanswered."""
    return (f"Not assessed, because not complete yet or at odds with another answer: {'; '.join(labels)}. "
            "The staff screen's Answers tab shows them as the patient left them.")


def red_flags_so_far(raised: int, answered_no: int, not_answered: int) -> str:
    """Under the raised red flags of a visit not finished: what the other red-flag questions were answered."""
    if raised:
        text = f"No to the other {plural(answered_no, 'red-flag question')}"
    else:
        text = f"None answered yes or not sure so far: no to {plural(answered_no, 'red-flag question')}"
    return f"{text}; {not_answered} not answered (yet)." if not_answered else f"{text}."

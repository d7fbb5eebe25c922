"""What staff read for an outcome, a visit's status, a criterion's status or an account's
role: one place for the PDF, the staff screens and the commands, kept together for translation.

Keyed by the stored string values (`Outcome`, `Status`, `Ichd3Status` and `Role` are StrEnums,
whose members look up like their values; visit statuses are `intake.visit_status`), so this
module imports nothing and every layer may read it. Patient wording lives in
`intake/questionnaire/patient_wording.py`; the PDF's other words in `intake/report/wording.py`.
"""

from __future__ import annotations

from collections.abc import Mapping

OUTCOME_TEXT: Mapping[str, str] = {
    "URGENT_REVIEW": "Urgent clinician review: red-flag answers",
    "INCOMPLETE": "Cannot assess yet: answers missing",
    "NOT_ELIGIBLE": "Does not meet criteria to consider referral under this policy",
    "REVIEW_NEEDED": "Meets criteria, but needs clinician review before referral",
    "REFER": "Meets criteria to consider referral for onabotulinumtoxinA consultation: clinician to confirm",
}
"""The outcome in the SPEC's words: the assessment's `outcome_text`, on the PDF and in `intake assess`."""

OUTCOME_SYMBOL: Mapping[str, str] = {
    "URGENT_REVIEW": "⚑",
    "INCOMPLETE": "?",
    "NOT_ELIGIBLE": "✗",
    "REVIEW_NEEDED": "!",
    "REFER": "✓",
}
"""Before the outcome's words on the PDF, which name the outcome once."""

OUTCOME_MARK: Mapping[str, str] = {
    "URGENT_REVIEW": "!! URGENT REVIEW",
    "INCOMPLETE": "? INCOMPLETE",
    "NOT_ELIGIBLE": "✗ NOT ELIGIBLE",
    "REVIEW_NEEDED": "! REVIEW NEEDED",
    "REFER": "✓ REFER",
}
"""The outcome in capitals, for lists that name it in a word (the staff queue, a visit's facts)."""

VISIT_STATUS_WORDS: Mapping[str, str] = {
    "in_progress": "In progress",
    "unfinished": "Unfinished",
    "finished": "Finished",
}

SUMMARY_FAILED = "Summary failed"
"""Under the status of a visit whose answers were kept at Finish but whose summary could not
be made; it stays until the summary is made or the visit is discarded."""

ANSWERED_BEFORE = "Answered before the visit"
"""A visit imported from a response file (a pre-visit form at home, another system), not answered at
the kiosk: in the queue under its status, in the visit's header, and on its PDF."""


def summary_failed_alert(names: list[str]) -> str:
    """The alert bar's line for visits whose summary failed (their answers are all kept)."""
    count = "1 visit" if len(names) == 1 else f"{len(names)} visits"
    return f"SUMMARY FAILED for {count} (every answer is kept, under Unfinished): {', '.join(names)}"


def urgent_alert(names: list[str]) -> str:
    """The alert bar's line for urgent visits nobody has marked reviewed (a red flag came up)."""
    count = "1 visit needs" if len(names) == 1 else f"{len(names)} visits need"
    return f"URGENT: {count} a clinician now (red flag): {', '.join(names)}"


CRITERION_MARK: Mapping[str, str] = {"met": "✓ met", "unmet": "✗ UNMET", "missing": "? MISSING"}
"""A criterion row's status on the PDF."""

CRITERION_WORD: Mapping[str, str] = {"met": "met", "unmet": "UNMET", "missing": "MISSING"}
"""The same in plain text, for `intake assess`."""

ICHD3_MARK: Mapping[str, str] = {
    "met": "✓ met",
    "unmet": "✗ unmet",
    "unknown": "? unknown",
    "clinician": "clinician",
}
"""An ICHD-3 item's status on the PDF."""

RED_FLAGS_FIRST = "⚑ Red flags: answered yes or not sure"
"""Above every other answer on the staff visit screen: the red-flag questions the patient
answered yes or not sure, whatever page of the form they are on."""

ROLE_NAME: Mapping[str, str] = {"staff": "Staff", "admin": "Administrator"}
"""An account's role in a list or a choice (`Role`'s values)."""

ROLE_IN_A_SENTENCE: Mapping[str, str] = {"staff": "staff", "admin": "an administrator"}
"""A role inside a sentence: "… is now staff", "… is an administrator already"."""

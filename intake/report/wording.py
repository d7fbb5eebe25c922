"""Staff wording on the clinician PDF (English this round), kept in one place for translation.

Outcome, visit status and criterion marks, and "Answered in Spanish", are `intake/staff_wording.py`,
shared with the staff screens and the CLI; patient wording lives in `intake/questionnaire/patient_wording.py`;
nothing here is shown on the kiosk. Every sentence goes through the `staff` domain (`intake.report.words`);
the constants are translated once, as the report is imported, into the PDF's language, which
is the same for every PDF the process makes.
"""

from __future__ import annotations

from intake.report.words import _, ngettext

TITLE = _("Headache intake: referral criteria summary")
DOCUMENT_TITLE = _("Intake summary for the clinician")
SUMMARY_DOCUMENT = _("Headache intake summary")
"""The PDF's own title (what a viewer's title bar shows)."""

SECONDARY_CAUSE_FIRST = _("Assess for a secondary cause first: the criteria below are not the priority")
ANSWER_WORD = {"yes": _("Yes"), "no": _("No"), "unsure": _("Not sure")}

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

GLANCE_TITLE = _("At a glance")
GLANCE_RED_FLAGS = _("Red flags")
GLANCE_OVERUSE = _("Medication overuse")
GLANCE_UNLISTED = _("Unlisted medicines")
GLANCE_CAUTIONS = _("Cautions")
GLANCE_PRIOR_BOTOX = _("Prior Botox")
GLANCE_CGRP = _("Concurrent CGRP antibody")
GLANCE_MIDAS = _("MIDAS")
GLANCE_ICHD3 = _("ICHD-3 1.3")
NONE = _("none")

SCREENING_TITLE = _("Red flags and cautions answered yes or not sure")
SCREENING_MISSING_TITLE = _("Red flags and cautions answered yes or not sure, or not answered")
"""When the table lists questions the outcome needs and nobody answered (a visit not finished)."""
ALL_IN_APPENDIX = _("Every answer is in the appendix.")
ICHD3_TITLE = _("ICHD-3 chronic migraine (1.3), from the answers: shown, never decides")
POLICIES_TITLE = _("Outcome under every policy")
CRITERIA_TITLE = _("Criteria")
CRITERIA_URGENT_TITLE = _("Criteria (not the priority: red flags first)")
AUDIT_ANCHOR = _("Audit log head before this summary")

# A visit the patient did not finish, printed as it stands (never the visit's summary).
NOT_FINISHED_TITLE = _("Visit not finished: answers so far")
NOT_FINISHED_DOCUMENT = _("Headache intake: answers so far (visit not finished)")
NOT_FINISHED_NOTE = _(
    "The patient did not finish the questionnaire. These are their answers up to now, assessed as they "
    "stand: questions not reached count as missing. This is not the visit's summary."
)
RED_FLAGS_SO_FAR_TITLE = _("Red flags, from the answers so far")


def other_red_flags(count: int, others_listed: bool, hidden: int) -> str:
    """After the screening table: what the red-flag questions not in it were answered, and how many the
    form did not ask (pregnancy questions for a male patient), so the counts add up; "" when the table
    has them all."""
    if others_listed and not count:
        return ""
    if others_listed and hidden:
        # Translators: {count} questions answered no; {hidden} more the form did not ask.
        text = ngettext("No to the other {count} red-flag question ({hidden} not asked).",
                        "No to the other {count} red-flag questions ({hidden} not asked).", count)
    elif others_listed:
        text = ngettext("No to the other {count} red-flag question.", "No to the other {count} red-flag questions.", count)
    elif hidden:
        # Translators: {count} questions answered no; {hidden} more the form did not ask.
        text = ngettext("No to all {count} red-flag question ({hidden} not asked).",
                        "No to all {count} red-flag questions ({hidden} not asked).", count)
    else:
        text = ngettext("No to all {count} red-flag question.", "No to all {count} red-flag questions.", count)
    return text.format(count=count, hidden=hidden)


def other_cautions(count: int, others_listed: bool, hidden: int) -> str:
    """The same for the caution questions."""
    if others_listed and not count:
        return ""
    if others_listed and hidden:
        # Translators: {count} questions answered no; {hidden} more the form did not ask.
        text = ngettext("No to the other {count} caution question ({hidden} not asked).",
                        "No to the other {count} caution questions ({hidden} not asked).", count)
    elif others_listed:
        text = ngettext("No to the other {count} caution question.", "No to the other {count} caution questions.", count)
    elif hidden:
        # Translators: {count} questions answered no; {hidden} more the form did not ask.
        text = ngettext("No to all {count} caution question ({hidden} not asked).",
                        "No to all {count} caution questions ({hidden} not asked).", count)
    else:
        text = ngettext("No to all {count} caution question.", "No to all {count} caution questions.", count)
    return text.format(count=count, hidden=hidden)


def raised_red_flags(flags: str, unanswered: int) -> str:
    """The red flags raised, at a glance, and how many red-flag questions the outcome needs answered still."""
    if not unanswered:
        return flags
    # Translators: {flags} lists the red flags raised ("question: answer", separated by "; ").
    return _("{flags}; {unanswered} not answered").format(flags=flags, unanswered=unanswered)


def no_red_flags(count: int, hidden: int, unanswered: int) -> str:
    """No red flag raised, at a glance: out of how many answered, how many the form did not ask, how many are missing."""
    if hidden and unanswered:
        # Translators: none of {count} answered red-flag questions is yes or not sure; {hidden}: not asked; {unanswered}: missing.
        text = _("none of {count} ({hidden} not asked); {unanswered} not answered")
    elif hidden:
        text = _("none of {count} ({hidden} not asked)")
    elif unanswered:
        text = _("none of {count}; {unanswered} not answered")
    else:
        text = _("none of {count}")
    return text.format(count=count, hidden=hidden, unanswered=unanswered)


def short_hash(rules_hash: str) -> str:
    """`sha256:` and the first 12 hex digits: enough to tell rule sets apart on a printout."""
    algorithm, _colon, digest = rules_hash.partition(":")
    return f"{algorithm}:{digest[:12]}" if digest else rules_hash[:19]


# Addenda: what staff added after the patient finished (amended answers, clinician notes).

AMENDMENTS_TITLE = _("Amendments: answers changed by staff after the patient finished")
AMENDMENTS_HEADER = (_("When"), _("By"), _("Question"), _("Was → now"), _("Reason"))
NOTES_TITLE = _("Clinician notes (addendum)")
NOTES_INTRO = _("Written by clinic staff after the visit; not the patient's answers.")


def amended_notice(count: int) -> str:
    """Page 1's warning that the summary is not the patient's answers alone."""
    return ngettext("{count} answer was changed by staff after the patient finished; the assessment "
                    "uses the changed answers. What they were is under “Amendments”.",
                    "{count} answers were changed by staff after the patient finished; the assessment "
                    "uses the changed answers. What they were is under “Amendments”.", count).format(count=count)


def left_out(labels: list[str]) -> str:
    """Answers of a visit not finished that could not be assessed: named, so nobody takes them for unanswered."""
    return _("Not assessed, because not complete yet or at odds with another answer: {answers}. "
             "The staff screen's Answers tab shows them as the patient left them.").format(answers="; ".join(labels))


def red_flags_so_far(raised: int, answered_no: int, not_answered: int) -> str:
    """Under the raised red flags of a visit not finished: what the other red-flag questions were answered."""
    if raised and not_answered:
        text = ngettext("No to the other {count} red-flag question; {unanswered} not answered (yet).",
                        "No to the other {count} red-flag questions; {unanswered} not answered (yet).", answered_no)
    elif raised:
        text = ngettext("No to the other {count} red-flag question.", "No to the other {count} red-flag questions.", answered_no)
    elif not_answered:
        text = ngettext("None answered yes or not sure so far: no to {count} red-flag question; "
                        "{unanswered} not answered (yet).",
                        "None answered yes or not sure so far: no to {count} red-flag questions; "
                        "{unanswered} not answered (yet).", answered_no)
    else:
        text = ngettext("None answered yes or not sure so far: no to {count} red-flag question.",
                        "None answered yes or not sure so far: no to {count} red-flag questions.", answered_no)
    return text.format(count=answered_no, unanswered=not_answered)

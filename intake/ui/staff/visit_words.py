"""What the staff screens say about a visit and its alerts: the app's words, in the staff language.

The queue's rows, a visit's title and facts, the amend and note forms, the alert bar and
the help bar read `intake.app.review_queue`, `intake.app.alerts` and `intake.app.amending`,
whose words are the English message ids of the `staff` domain (the command line prints them as they are);
these functions translate them where a staff screen shows them.
"""

from __future__ import annotations

from intake.app.alerts import Alerts
from intake.app.amending import AmendmentRefused
from intake.app.records import VisitSummary
from intake.app.review_queue import outcome_words, patient_name, status_lines, status_words
from intake.staff_wording import NO_NAME_YET, answered_in
from intake.translations import primary
from intake.ui.staff import words
from intake.ui.staff.words import _


def name_of(visit: VisitSummary) -> str:
    return patient_name(visit, _(NO_NAME_YET))


def status_of(visit: VisitSummary) -> str:
    return _(status_words(visit))


def status_and_marks(visit: VisitSummary) -> str:
    """The status, then "Asked for help" and "Summary failed" where they apply, a line each."""
    return "\n".join(_(line) for line in status_lines(visit))


def outcome_of(visit: VisitSummary) -> str:
    """The outcome's mark, "Red flag answered" for an open visit that raised one, else "-"."""
    return _(outcome_words(visit))


def refusal_words(refused: AmendmentRefused) -> str:
    """Why an amended answer or a note was not kept."""
    return _(refused.message).format(**refused.values)


def alert_text(alerts: Alerts) -> str:
    return alerts.bar_text(words.staff_language())


def help_text(alerts: Alerts) -> str:
    return alerts.help_text(words.staff_language())


def answered_in_words(tag: object) -> str | None:
    """"Answered in Spanish" for a visit's stored language tag when it is not English; None otherwise."""
    return answered_in(tag, primary(tag), words.staff_language()) if isinstance(tag, str) else None

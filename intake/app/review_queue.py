"""What the staff queue shows: the chosen days' visits, the ones needing attention first.

The order comes from the store (urgent, then needing review, the most recently finished
first); this module only narrows the list the way the front desk asks ("just urgent",
"who is Müller?", "born 15/01/1992?") and words each row, so the queue screen has no
rules of its own. Which alerts a person sees is `alerts.py`'s.

The words are English message ids of the `staff` domain (the views here, the rest in
`intake/staff_wording.py`): the staff screens translate them where they show them, the
command line prints them as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from intake.app.queue_days import local_today
from intake.app.search_text import folded
from intake.app.typed_dates import DateReading
from intake.staff_wording import (
    ANSWERED_BEFORE,
    ASKED_FOR_HELP,
    NO_NAME_YET,
    OUTCOME_MARK,
    RED_FLAG_ANSWERED,
    SUMMARY_FAILED,
    VISIT_STATUS_WORDS,
)
from intake.store.visits import URGENT, VisitSummary
from intake.translations import N_
from intake.visit_status import FINISHED


class QueueView(StrEnum):
    """The queue's views, by the words that name them (translated where the queue shows them)."""

    ALL = N_("All visits")
    TO_REVIEW = N_("To review")
    URGENT = N_("Urgent")
    UNFINISHED = N_("Unfinished")
    REVIEWED = N_("Reviewed")


def patient_name(visit: VisitSummary, unnamed: str = NO_NAME_YET) -> str:
    """Given and family name; `unnamed` (a screen's own words for it) before the patient gave them."""
    return " ".join(part for part in (visit.given_name, visit.family_name) if part) or unnamed


def is_urgent(visit: VisitSummary) -> bool:
    return visit.priority == URGENT


def _in_view(visit: VisitSummary, view: QueueView) -> bool:
    match view:
        case QueueView.ALL:
            return True
        case QueueView.TO_REVIEW:
            return visit.status == FINISHED and not visit.reviewed
        case QueueView.URGENT:
            return is_urgent(visit)
        case QueueView.UNFINISHED:
            return visit.status != FINISHED
        case QueueView.REVIEWED:
            return visit.reviewed


def narrow(
    visits: Iterable[VisitSummary],
    view: QueueView,
    search: str = "",
    reading: DateReading | None = None,
    today: date | None = None,
) -> list[VisitSummary]:
    """The visits in `view` that `search` finds, order kept.

    A whole date ("15/01/1992", "15 Jan 1992") finds the visits of patients born that
    day (read as `reading` says, by default day first); anything else finds names holding
    every word of it, case and accents ignored.
    """
    born = (reading or DateReading()).date_in(search, today or local_today())
    words = folded(search).split()
    return [
        visit
        for visit in visits
        if _in_view(visit, view)
        and (visit.date_of_birth == born if born else all(word in folded(patient_name(visit)) for word in words))
    ]


def status_words(visit: VisitSummary) -> str:
    return VISIT_STATUS_WORDS.get(visit.status, visit.status)


def status_lines(visit: VisitSummary) -> list[str]:
    """The queue's status cell, a line each: the patient having asked for help stays on the
    row for good, and a failed summary until it is made, each on a line of its own so the
    column stays narrow enough for names on a portrait tablet; a visit answered before it says so too."""
    marks = [ASKED_FOR_HELP] if visit.help_requested else []
    if visit.summary_failed:
        marks.append(SUMMARY_FAILED)
    if visit.answered_before:
        marks.append(ANSWERED_BEFORE)
    return [status_words(visit), *marks]


def outcome_words(visit: VisitSummary) -> str:
    """The outcome as the PDF marks it, or for an open visit whether a red flag came up."""
    if visit.outcome:
        return OUTCOME_MARK[visit.outcome]
    return RED_FLAG_ANSWERED if is_urgent(visit) else "-"

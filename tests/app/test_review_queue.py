"""The queue's filters, search by name or date of birth, and wording."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from intake.app.review_queue import QueueView, narrow, outcome_words, patient_name, status_lines, status_words
from intake.app.typed_dates import DateReading, DayMonthOrder
from intake.store.visits import NEEDS_REVIEW, ROUTINE, URGENT, VisitSummary

STARTED = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _visit(visit_id: str, given: str | None, family: str | None, status: str = "finished", outcome: str | None = "REFER",
           priority: int = ROUTINE, reviewed: bool = False) -> VisitSummary:
    return VisitSummary(visit_id, STARTED, STARTED, status, outcome, reviewed, given, family, priority)


QUEUE = [
    _visit("u", "Zoë", "Łukasik-Ó'Brien", outcome="URGENT_REVIEW", priority=URGENT),
    _visit("r", "Hans", "Müller", outcome="REVIEW_NEEDED", priority=NEEDS_REVIEW),
    _visit("p", "Ana", "Silva", status="in_progress", outcome=None, priority=URGENT),
    _visit("d", "Ann", "Lee", reviewed=True),
    _visit("n", None, None, status="unfinished", outcome=None),
]


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (QueueView.ALL, ["u", "r", "p", "d", "n"]),
        (QueueView.TO_REVIEW, ["u", "r"]),
        (QueueView.URGENT, ["u", "p"]),
        (QueueView.UNFINISHED, ["p", "n"]),
        (QueueView.REVIEWED, ["d"]),
    ],
)
def test_views_keep_the_store_order(view: QueueView, expected: list[str]) -> None:
    assert [visit.id for visit in narrow(QUEUE, view)] == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [("muller", ["r"]), ("LUKASIK", ["u"]), ("o'brien zoe", ["u"]), ("ann", ["d"]), ("an", ["r", "p", "d"]),
     ("", ["u", "r", "p", "d", "n"]), ("nobody", [])],
)
def test_search_by_name_ignores_case_and_accents(search: str, expected: list[str]) -> None:
    assert [visit.id for visit in narrow(QUEUE, QueueView.ALL, search)] == expected


def test_words_for_each_row() -> None:
    assert [status_words(v) for v in QUEUE] == ["Finished", "Finished", "In progress", "Finished", "Unfinished"]
    assert [outcome_words(v) for v in QUEUE] == ["!! URGENT REVIEW", "! REVIEW NEEDED", "Red flag answered", "✓ REFER", "-"]
    assert patient_name(QUEUE[-1]) == "(no name yet)"


def test_help_marks_the_row_for_good() -> None:
    asked = replace(QUEUE[2], help_requested=True)
    asked_and_reviewed = replace(QUEUE[3], help_requested=True)
    queue = [QUEUE[0], asked, asked_and_reviewed, QUEUE[4], replace(asked, help_handled=True)]
    assert [status_lines(v) for v in queue] == [
        ["Finished"], ["In progress", "Asked for help"], ["Finished", "Asked for help"], ["Unfinished"],
        ["In progress", "Asked for help"],
    ]


def test_a_failed_summary_marks_the_row_until_made() -> None:
    failed = replace(QUEUE[4], summary_failed=True)
    asked_and_failed = replace(QUEUE[2], help_requested=True, summary_failed=True)
    assert [status_lines(v) for v in (failed, asked_and_failed)] == [
        ["Unfinished", "Summary failed"], ["In progress", "Asked for help", "Summary failed"],
    ]


def test_a_visit_answered_before_says_so_under_its_status() -> None:
    imported = replace(QUEUE[3], answered_before=True)
    assert status_lines(imported) == ["Finished", "Answered before the visit"]
    assert status_lines(replace(imported, summary_failed=True)) == ["Finished", "Summary failed", "Answered before the visit"]


def _born(visit: VisitSummary, day: date) -> VisitSummary:
    return replace(visit, date_of_birth=day)


BORN = [
    _born(QUEUE[0], date(1992, 1, 15)),
    _born(QUEUE[1], date(1992, 4, 3)),
    _born(QUEUE[2], date(1992, 3, 4)),
    QUEUE[3],
    _born(QUEUE[4], date(1992, 1, 15)),
]
TODAY = date(2026, 11, 25)
US = DateReading(DayMonthOrder.MONTH_FIRST)
UK = DateReading(DayMonthOrder.DAY_FIRST)


@pytest.mark.parametrize("search", ["15/01/1992", "1992-01-15", "15 Jan 1992", "15.01.1992", "15-01-1992", "January 15, 1992"])
def test_search_by_date_of_birth_in_common_forms(search: str) -> None:
    for reading in (US, UK):
        assert [visit.id for visit in narrow(BORN, QueueView.ALL, search, reading, TODAY)] == ["u", "n"]


def test_an_ambiguous_date_of_birth_is_read_in_the_locales_order() -> None:
    assert [visit.id for visit in narrow(BORN, QueueView.ALL, "03/04/1992", UK, TODAY)] == ["r"]
    assert [visit.id for visit in narrow(BORN, QueueView.ALL, "03/04/1992", US, TODAY)] == ["p"]
    assert [visit.id for visit in narrow(BORN, QueueView.URGENT, "15/01/1992", UK, TODAY)] == ["u"], "the view still applies"


def test_a_search_that_is_not_a_whole_date_looks_at_names() -> None:
    assert narrow(BORN, QueueView.ALL, "1992", UK, TODAY) == []
    assert [visit.id for visit in narrow(BORN, QueueView.ALL, "ann", UK, TODAY)] == ["d"]

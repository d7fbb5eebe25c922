"""Amendments and notes beside their visits, on encrypted SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from intake.store.addenda import AddendaStore
from intake.store.visits import VisitStore

VISIT, OTHER = "20261124-090000-aaaaaa", "20261124-091500-bbbbbb"
DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {"given_name": "Zoë"}}


@pytest.fixture
def addenda(database) -> AddendaStore:
    visits = VisitStore(database)
    for visit_id in (VISIT, OTHER):
        visits.create(visit_id, DRAFT)
    return AddendaStore(database)


def test_amendments_keep_both_answers_as_json_oldest_first(addenda: AddendaStore) -> None:
    rows = [{"medicine": "Ibuprofène", "days_per_month": 4}]
    addenda.add_amendment(VISIT, "maria", "acute_medicines", rows, [], "Only for back pain")
    addenda.add_amendment(VISIT, "cli:root", "headache_days", 22, None, "Patient unsure")
    addenda.add_amendment(OTHER, "bob", "sex_at_birth", "female", "male", "Recorded in error")
    first, second = addenda.amendments(VISIT)
    assert (first.staff_id, first.answer_key, first.old_value, first.new_value, first.reason) == (
        "maria", "acute_medicines", rows, [], "Only for back pain",
    )
    assert (second.old_value, second.new_value) == (22, None), "None: not answered"
    assert first.at.tzinfo is not None and abs(datetime.now(UTC) - first.at) < timedelta(minutes=1)
    assert first.at <= second.at
    assert addenda.amended(VISIT) and addenda.amended(OTHER)


def test_notes_keep_their_text_and_order(addenda: AddendaStore) -> None:
    addenda.add_note(VISIT, "maria", "Line one\nLine two: 血压正常")
    addenda.add_note(VISIT, "bob", "Second")
    assert [(note.staff_id, note.text) for note in addenda.notes(VISIT)] == [
        ("maria", "Line one\nLine two: 血压正常"), ("bob", "Second"),
    ]
    assert addenda.notes(OTHER) == [] and not addenda.amended(VISIT)


def test_they_belong_to_a_visit_and_go_with_it(database, addenda: AddendaStore) -> None:
    addenda.add_note(VISIT, "maria", "Patient left")
    addenda.add_amendment(VISIT, "maria", "given_name", "Zoë", "Zoe", "Typo")
    addenda.add_note(OTHER, "maria", "Kept")
    VisitStore(database).discard(VISIT)
    assert (addenda.notes(VISIT), addenda.amendments(VISIT), addenda.amended(VISIT)) == ([], [], False)
    assert [note.text for note in addenda.notes(OTHER)] == ["Kept"]
    VisitStore(database).purge([OTHER])
    assert addenda.notes(OTHER) == []
    with pytest.raises(IntegrityError):
        addenda.add_note(VISIT, "maria", "No visit to hold it")

"""Clinician notes beside their visits, on encrypted SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from audit_keys import AUDIT_KEY
from intake.store.audit import Action
from intake.store.notes import NoteStore
from intake.store.stores import Stores
from intake.store.visits import VisitStore

VISIT, OTHER = "20261124-090000-aaaaaa", "20261124-091500-bbbbbb"
DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {"given_name": "Zoë"}}


@pytest.fixture
def notes(database) -> NoteStore:
    visits = VisitStore(database)
    for visit_id in (VISIT, OTHER):
        visits.create(visit_id, DRAFT)
    return NoteStore(database)


def test_notes_keep_their_text_and_order(notes: NoteStore) -> None:
    notes.add(VISIT, "maria", "Line one\nLine two: 血压正常")
    notes.add(VISIT, "bob", "Second")
    assert [(note.staff_id, note.text) for note in notes.of_visit(VISIT)] == [
        ("maria", "Line one\nLine two: 血压正常"), ("bob", "Second"),
    ]
    assert notes.of_visit(OTHER) == []


def test_they_belong_to_a_visit_and_go_with_it(database, notes: NoteStore) -> None:
    notes.add(VISIT, "maria", "Patient left")
    notes.add(OTHER, "maria", "Kept")
    VisitStore(database).discard(VISIT)
    assert notes.of_visit(VISIT) == []
    assert [note.text for note in notes.of_visit(OTHER)] == ["Kept"]
    VisitStore(database).purge([OTHER])
    assert notes.of_visit(OTHER) == []
    with pytest.raises(IntegrityError):
        notes.add(VISIT, "maria", "No visit to hold it")


def test_in_a_transaction_they_are_kept_only_with_the_rest_of_it(database, notes: NoteStore) -> None:
    stores = Stores.on(database, AUDIT_KEY)
    with pytest.raises(RuntimeError), stores.transaction() as transaction:
        transaction.notes.add(VISIT, "maria", "Rolled back")
        assert [note.text for note in transaction.notes.of_visit(VISIT)] == ["Rolled back"]
        raise RuntimeError("the audit row could not be appended")
    assert notes.of_visit(VISIT) == []
    with stores.transaction() as transaction:
        transaction.notes.add(VISIT, "maria", "Kept")
        transaction.audit.record(Action.NOTE_ADDED, "maria", VISIT)
    assert [note.text for note in notes.of_visit(VISIT)] == ["Kept"]
    assert [row.action for row in stores.audit.rows()] == ["note_added"]

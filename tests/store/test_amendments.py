"""Amendments beside their visits, on encrypted SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from audit_keys import AUDIT_KEY
from intake.store.amendments import AmendmentStore
from intake.store.audit import Action
from intake.store.stores import Stores
from intake.store.visits import VisitStore

VISIT, OTHER = "20261124-090000-aaaaaa", "20261124-091500-bbbbbb"
DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {"given_name": "Zoë"}}


@pytest.fixture
def amendments(database) -> AmendmentStore:
    visits = VisitStore(database)
    for visit_id in (VISIT, OTHER):
        visits.create(visit_id, DRAFT)
    return AmendmentStore(database)


def test_amendments_keep_both_answers_as_json_oldest_first(amendments: AmendmentStore) -> None:
    rows = [{"medicine": "Ibuprofène", "days_per_month": 4}]
    amendments.add(VISIT, "maria", "acute_medicines", rows, [], "Only for back pain")
    amendments.add(VISIT, "cli:root", "headache_days", 22, None, "Patient unsure")
    assert not amendments.amended(OTHER)
    amendments.add(OTHER, "bob", "sex_at_birth", "female", "male", "Recorded in error")
    first, second = amendments.of_visit(VISIT)
    assert (first.staff_id, first.answer_key, first.old_value, first.new_value, first.reason) == (
        "maria", "acute_medicines", rows, [], "Only for back pain",
    )
    assert (second.old_value, second.new_value) == (22, None), "None: not answered"
    assert first.at.tzinfo is not None and abs(datetime.now(UTC) - first.at) < timedelta(minutes=1)
    assert first.at <= second.at
    assert amendments.amended(VISIT) and amendments.amended(OTHER)


def test_they_belong_to_a_visit_and_go_with_it(database, amendments: AmendmentStore) -> None:
    amendments.add(VISIT, "maria", "given_name", "Zoë", "Zoe", "Typo")
    amendments.add(OTHER, "maria", "given_name", "Zoë", "Zoey", "Typo")
    VisitStore(database).discard(VISIT)
    assert (amendments.of_visit(VISIT), amendments.amended(VISIT)) == ([], False)
    assert [change.new_value for change in amendments.of_visit(OTHER)] == ["Zoey"]
    VisitStore(database).purge([OTHER])
    assert amendments.of_visit(OTHER) == []
    with pytest.raises(IntegrityError):
        amendments.add(VISIT, "maria", "given_name", "Zoë", "Zoe", "No visit to hold it")


def test_in_a_transaction_they_are_kept_only_with_the_rest_of_it(database, amendments: AmendmentStore) -> None:
    stores = Stores.on(database, AUDIT_KEY)
    with pytest.raises(RuntimeError), stores.transaction() as transaction:
        transaction.amendments.add(VISIT, "maria", "given_name", "Zoë", "Zoe", "Typo")
        assert transaction.amendments.amended(VISIT)
        raise RuntimeError("the audit row could not be appended")
    assert amendments.of_visit(VISIT) == []
    with stores.transaction() as transaction:
        transaction.amendments.add(VISIT, "maria", "given_name", "Zoë", "Zoe", "Typo")
        transaction.audit.record(Action.AMENDED, "maria", VISIT)
    assert [change.reason for change in amendments.of_visit(VISIT)] == ["Typo"]
    assert [row.action for row in stores.audit.rows()] == ["amended"]

"""Repositories from one `Stores.transaction()` commit together and roll back together,
on encrypted SQLite and on PostgreSQL; repositories on the database work call by call."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.exc import SQLAlchemyError

from audit_keys import AUDIT_KEY
from intake.store.audit import Action
from intake.store.database import Database
from intake.store.errors import VisitNotFound
from intake.store.staff import Role
from intake.store.stores import Stores

VISIT = "20261124-090000-000001"
DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}
PIN = "482193"


class Refused(Exception):
    """What a caller's block raises half-way through a transaction."""


REFUSE_AUDIT = {
    "sqlite": [
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit "
        "BEGIN SELECT RAISE(ABORT, 'audit append refused by a test'); END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger AS "
        "$$ BEGIN RAISE EXCEPTION 'audit append refused by a test'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
    ],
}
ALLOW_AUDIT = {"sqlite": "DROP TRIGGER IF EXISTS refuse_audit", "postgresql": "DROP TRIGGER IF EXISTS refuse_audit ON audit"}


def refuse_audit_appends(database: Database) -> None:
    """The database itself refuses any new audit row (a trigger), as a full disk or a lost
    connection would: nothing in the code under test is replaced."""
    with database.engine.begin() as connection:
        for statement in REFUSE_AUDIT[connection.dialect.name]:
            connection.exec_driver_sql(statement)


@pytest.fixture
def stores(database: Database) -> Iterator[Stores]:
    yield Stores.on(database, AUDIT_KEY)
    with database.engine.begin() as connection:
        connection.exec_driver_sql(ALLOW_AUDIT[connection.dialect.name])


def _kept(stores: Stores) -> tuple[list[str], list[str], list[str]]:
    """What another connection sees: visit ids, staff ids, audit actions.

    Read from another thread: SQLite's pool gives each thread one connection, so a read
    from this thread inside a transaction would share that transaction's connection.
    """
    with ThreadPoolExecutor(1) as other:
        return other.submit(_committed, stores).result()


def _committed(stores: Stores) -> tuple[list[str], list[str], list[str]]:
    return (
        [visit.id for visit in stores.visits.list()],
        [member.id for member in stores.staff.list()],
        [row.action for row in stores.audit.rows()],
    )


def test_changes_in_one_transaction_are_seen_by_others_only_once_it_commits(stores: Stores) -> None:
    with stores.transaction() as transaction:
        transaction.visits.create(VISIT, DRAFT)
        transaction.staff.add("maria", "María Ó", Role.ADMIN, PIN)
        transaction.audit.record(Action.STARTED, "kiosk", VISIT)
        assert transaction.visits.get(VISIT).summary.id == VISIT, "the transaction reads its own writes"
        assert [row.action for row in transaction.audit.rows()] == ["started"]
        assert _kept(stores) == ([], [], []), "nothing is visible before the commit"
    assert _kept(stores) == ([VISIT], ["maria"], ["started"])
    assert stores.audit.verify().problems == []


def test_a_block_that_raises_keeps_none_of_its_changes(stores: Stores) -> None:
    stores.visits.create(VISIT, DRAFT)
    with pytest.raises(Refused), stores.transaction() as transaction:
        transaction.visits.set_aside(VISIT, {**DRAFT, "answers": {"headache_days": 20}}, True)
        transaction.staff.add("maria", "María Ó", Role.ADMIN, PIN)
        transaction.audit.record(Action.SET_ASIDE, "kiosk", VISIT)
        raise Refused
    kept = stores.visits.get(VISIT)
    assert (kept.summary.status, kept.response, kept.summary.priority) == ("in_progress", DRAFT, 2)
    assert _kept(stores) == ([VISIT], [], [])


def test_an_audit_row_the_database_refuses_takes_the_change_with_it(stores: Stores, database: Database) -> None:
    stores.visits.create(VISIT, DRAFT)
    refuse_audit_appends(database)
    with pytest.raises(SQLAlchemyError, match="audit append refused"), stores.transaction() as transaction:
        transaction.visits.discard(VISIT)
        transaction.audit.record(Action.DISCARDED, "maria", VISIT)
    assert _kept(stores) == ([VISIT], [], [])


def test_a_failed_change_after_its_audit_row_takes_the_row_with_it(stores: Stores) -> None:
    with pytest.raises(VisitNotFound), stores.transaction() as transaction:
        transaction.audit.record(Action.DISCARDED, "maria", VISIT)
        transaction.visits.discard(VISIT)
    assert _kept(stores) == ([], [], [])


def test_repositories_on_the_database_commit_each_call(stores: Stores) -> None:
    stores.visits.create(VISIT, DRAFT)
    with pytest.raises(VisitNotFound):
        stores.visits.discard("20261124-099999-ffffff")
    stores.audit.record(Action.STARTED, "kiosk", VISIT)
    assert _kept(stores) == ([VISIT], [], ["started"])

"""Hearing other connections' commits: NOTIFY/LISTEN on PostgreSQL, `PRAGMA data_version` on SQLite."""

from __future__ import annotations

import time

import pytest

from audit_keys import AUDIT_KEY
from intake.store.changes import ChangeFeed, PostgresListener, SqliteDataVersion, listen
from intake.store.errors import StoreError
from intake.store.stores import Stores
from intake.store.visits import VisitStore

DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}


class Refused(Exception):
    pass


def _changed_soon(listener, attempts: int = 50) -> bool:
    """A notification takes a moment to cross the socket; the data version is there at once."""
    for _ in range(attempts):
        if listener.changed():
            return True
        time.sleep(0.01)
    return False


def test_the_listener_suits_the_database(database) -> None:
    listener = listen(database)
    try:
        expected = PostgresListener if database.engine.dialect.name == "postgresql" else SqliteDataVersion
        assert isinstance(listener, expected)
        assert listener.pushed is (expected is PostgresListener)
    finally:
        listener.close()


def test_a_committed_announced_change_is_heard_once(database) -> None:
    stores = Stores.on(database, AUDIT_KEY)
    listener = listen(database)
    try:
        assert not listener.changed()
        with stores.transaction() as transaction:
            transaction.visits.create("20261124-100000-aaaaaa", DRAFT)
            transaction.changes.announce()
        assert _changed_soon(listener)
        assert not listener.changed(), "heard once"
    finally:
        listener.close()


def test_a_rolled_back_change_is_not_heard(database) -> None:
    stores = Stores.on(database, AUDIT_KEY)
    listener = listen(database)
    try:
        with pytest.raises(Refused), stores.transaction() as transaction:
            transaction.visits.create("20261124-100000-aaaaaa", DRAFT)
            transaction.changes.announce()
            raise Refused
        assert not _changed_soon(listener, attempts=10)
    finally:
        listener.close()


def test_announcing_outside_a_transaction_of_the_app_works_too(database) -> None:
    listener = listen(database)
    try:
        VisitStore(database).create("20261124-100000-aaaaaa", DRAFT)
        ChangeFeed(database).announce()
        assert _changed_soon(listener)
    finally:
        listener.close()


def test_a_lost_connection_is_a_store_error(database) -> None:
    listener = listen(database)
    listener.close()
    with pytest.raises(StoreError):
        listener.changed()

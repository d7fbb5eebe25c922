"""Who saw which alert, and requests for help handled, on encrypted SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from intake.store.alert_state import AlertState, change_stamp
from intake.store.errors import VisitNotFound
from intake.store.visits import VisitStore

DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}
FIRST, SECOND = "20261124-100000-aaaaaa", "20261124-100100-bbbbbb"


def _stamp(store: VisitStore, visit_id: str) -> str:
    return change_stamp(store.get(visit_id).summary.updated)


def test_seen_is_kept_per_person_and_per_version(database) -> None:
    visits, alerts = VisitStore(database), AlertState(database)
    visits.create(FIRST, DRAFT)
    visits.create(SECOND, DRAFT)
    first = _stamp(visits, FIRST)
    assert alerts.mark_seen("bob", [(FIRST, first)]) == [FIRST]
    assert alerts.seen_by("bob", [FIRST, SECOND]) == {(FIRST, first)}
    assert alerts.seen_by("maria", [FIRST, SECOND]) == set(), "someone else's Seen is not hers"
    assert alerts.seen_by("bob", [SECOND]) == set(), "only the visits asked about"


def test_seeing_a_newer_version_replaces_the_older_mark(database) -> None:
    visits, alerts = VisitStore(database), AlertState(database)
    visits.create(FIRST, DRAFT)
    old = _stamp(visits, FIRST)
    alerts.mark_seen("bob", [(FIRST, old)])
    visits.save_answers(FIRST, {**DRAFT, "answers": {"rf_thunderclap": "yes"}}, True)
    new = _stamp(visits, FIRST)
    assert new != old
    assert alerts.seen_by("bob", [FIRST]) == {(FIRST, old)}, "the stored mark no longer matches the visit"
    alerts.mark_seen("bob", [(FIRST, new)])
    assert alerts.seen_by("bob", [FIRST]) == {(FIRST, new)}


def test_marking_the_same_version_twice_keeps_one_row(database) -> None:
    visits, alerts = VisitStore(database), AlertState(database)
    visits.create(FIRST, DRAFT)
    stamp = _stamp(visits, FIRST)
    assert alerts.mark_seen("bob", [(FIRST, stamp), (FIRST, stamp)]) == [FIRST]
    assert alerts.mark_seen("bob", [(FIRST, stamp)]) == [FIRST]
    assert alerts.seen_by("bob", [FIRST]) == {(FIRST, stamp)}


def test_a_visit_removed_meanwhile_is_skipped_and_its_marks_go_with_it(database) -> None:
    visits, alerts = VisitStore(database), AlertState(database)
    visits.create(FIRST, DRAFT)
    visits.create(SECOND, DRAFT)
    visits.set_aside(SECOND, DRAFT, False)
    alerts.mark_seen("bob", [(SECOND, _stamp(visits, SECOND))])
    visits.discard(SECOND)
    assert alerts.seen_by("bob", [SECOND]) == set()
    assert alerts.mark_seen("bob", [(SECOND, "gone"), (FIRST, _stamp(visits, FIRST))]) == [FIRST]


def test_help_handled_until_the_patient_asks_again(database) -> None:
    visits, alerts = VisitStore(database), AlertState(database)
    visits.create(FIRST, DRAFT)
    visits.request_help(FIRST, DRAFT, False)
    assert not visits.get(FIRST).summary.help_handled
    alerts.mark_help_handled(FIRST)
    handled = visits.get(FIRST).summary
    assert handled.help_requested and handled.help_handled
    visits.save_answers(FIRST, DRAFT, False)
    assert visits.get(FIRST).summary.help_handled, "answering on does not undo it"
    visits.request_help(FIRST, DRAFT, False)
    assert not visits.get(FIRST).summary.help_handled


def test_help_handled_needs_a_request(database) -> None:
    visits, alerts = VisitStore(database), AlertState(database)
    visits.create(FIRST, DRAFT)
    with pytest.raises(VisitNotFound):
        alerts.mark_help_handled(FIRST)
    with pytest.raises(VisitNotFound):
        alerts.mark_help_handled(SECOND)


def test_the_change_stamp_is_the_same_text_whatever_the_time_zone() -> None:
    moment = datetime(2026, 11, 25, 9, 0, 0, 120, tzinfo=UTC)
    assert change_stamp(moment) == "2026-11-25T09:00:00.000120+00:00"
    assert change_stamp(moment.astimezone(timezone(timedelta(hours=-5)))) == change_stamp(moment)
    assert change_stamp(moment.replace(tzinfo=None)) == change_stamp(moment), "SQLite hands back naive UTC"
    assert change_stamp(None) == ""

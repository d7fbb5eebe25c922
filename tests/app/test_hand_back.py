"""The visit to open right after sign-in: the one this station just finished, while nobody
has dealt with it yet."""

from __future__ import annotations

from datetime import timedelta

from commit_together import FINISHED_ID, OPEN_ID, UNFINISHED_ID, Bench

from intake.app.desk import KIOSK_ID
from intake.app.hand_back import FRESH_FOR, handed_back
from intake.store.audit import Action


def _finished_now(bench: Bench) -> None:
    """The kiosk's own finish row, as `Desk.finish` writes it."""
    bench.stores.audit.record(Action.FINISHED, KIOSK_ID, FINISHED_ID)


def _finish_time(bench: Bench):
    finished = bench.stored(FINISHED_ID).summary.finished
    assert finished is not None
    return finished


def test_a_visit_just_finished_and_untouched_opens(bench: Bench) -> None:
    _finished_now(bench)
    bench.stores.audit.record(Action.PRINTED, KIOSK_ID, FINISHED_ID)
    assert handed_back(bench.maria, FINISHED_ID) == FINISHED_ID, "the kiosk's own printing does not count"
    assert handed_back(bench.maria, FINISHED_ID, _finish_time(bench) + FRESH_FOR) == FINISHED_ID


def test_a_visit_finished_longer_ago_does_not(bench: Bench) -> None:
    _finished_now(bench)
    assert handed_back(bench.maria, FINISHED_ID, _finish_time(bench) + FRESH_FOR + timedelta(seconds=1)) is None


def test_a_visit_someone_opened_since_does_not(bench: Bench) -> None:
    _finished_now(bench)
    bench.maria.view(FINISHED_ID)
    assert handed_back(bench.maria, FINISHED_ID) is None


def test_nothing_remembered_unfinished_or_gone_opens_the_queue(bench: Bench) -> None:
    _finished_now(bench)
    assert handed_back(bench.maria, None) is None
    assert handed_back(bench.maria, OPEN_ID) is None
    assert handed_back(bench.maria, UNFINISHED_ID) is None
    assert handed_back(bench.maria, "20261124-120000-ffffff") is None


def test_a_finished_visit_without_its_finish_row_does_not(bench: Bench) -> None:
    assert handed_back(bench.maria, FINISHED_ID) is None

"""The visits repository, on encrypted SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cases import VIGNETTES, vignette
from intake.app.assessing import assess_for_clinic
from intake.app.finishing import FinishedVisit
from intake.questionnaire.response import parse_response
from intake.store.errors import VisitNotFound
from intake.store.visits import FINISHED, IN_PROGRESS, UNFINISHED, VisitStore


def finished_visit(form, vignette_id: str, visit_id: str, policy: str = "us-payer") -> FinishedVisit:
    response = parse_response(vignette(vignette_id), form)
    return FinishedVisit(visit_id, response, assess_for_clinic(response, form, policy), b"%PDF-1.4 fake", None)


def test_every_vignette_round_trips(database, form) -> None:
    store = VisitStore(database)
    for index, case in enumerate(VIGNETTES):
        store.finish(finished_visit(form, case["id"], f"20261124-1000{index:02d}-abcdef"))
    for index, case in enumerate(VIGNETTES):
        stored = store.get(f"20261124-1000{index:02d}-abcdef")
        original = finished_visit(form, case["id"], "x")
        assert parse_response(stored.response, form) == original.response, case["id"]
        assert stored.assessment == original.assessment.to_json_dict(), case["id"]
        assert stored.summary.outcome == original.assessment.outcome
        assert stored.rules_hash == original.assessment.rules_hash
        assert stored.pdf == b"%PDF-1.4 fake"


def test_autosave_then_interruption_keeps_every_answer(database) -> None:
    store = VisitStore(database)
    answers = {"given_name": "Zoë", "family_name": "Łukasik-Ó'Brien", "headache_days": 20}
    store.create("20261124-100000-aaaaaa", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}})
    store.save_answers("20261124-100000-aaaaaa", {"form": "headache-intake", "authored": "2026-11-24", "answers": answers}, False)
    assert store.mark_interrupted() == 1
    stored = store.get("20261124-100000-aaaaaa")
    assert stored.summary.status == UNFINISHED
    assert stored.response["answers"] == answers
    assert stored.summary.family_name == "Łukasik-Ó'Brien"


def test_queue_is_urgent_first_then_newest(database, form) -> None:
    store = VisitStore(database)
    store.finish(finished_visit(form, "V01", "20261124-090000-000001"))
    store.finish(finished_visit(form, "V14", "20261124-090100-000002"))
    store.finish(finished_visit(form, "V06", "20261124-090200-000003"))
    store.create("20261124-090300-000004", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}})
    order = [visit.id for visit in store.list()]
    assert order[0] == "20261124-090100-000002"
    assert order[1:] == ["20261124-090300-000004", "20261124-090200-000003", "20261124-090000-000001"]
    assert [visit.id for visit in store.list(status=IN_PROGRESS)] == ["20261124-090300-000004"]
    assert len(store.list(status=FINISHED, limit=2)) == 2


def test_red_flag_in_progress_moves_the_visit_up(database) -> None:
    store = VisitStore(database)
    store.create("20261124-090000-000001", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}})
    store.create("20261124-090100-000002", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}})
    store.save_answers(
        "20261124-090000-000001", {"form": "headache-intake", "authored": "2026-11-24", "answers": {"rf_cancer": "yes"}}, True)
    assert store.list()[0].id == "20261124-090000-000001"


def test_review_discard_and_purge(database, form) -> None:
    store = VisitStore(database)
    store.finish(finished_visit(form, "V01", "20261124-090000-000001"))
    store.mark_reviewed("20261124-090000-000001", "staff-ann")
    assert store.get("20261124-090000-000001").summary.reviewed
    with pytest.raises(VisitNotFound):
        store.discard("20261124-090000-000001")
    store.create("20261124-090100-000002", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}})
    store.discard("20261124-090100-000002")
    assert store.purge(older_than_days=1) == []
    assert store.purge(older_than_days=0) == ["20261124-090000-000001"]
    assert store.list() == []


def test_without_pdfs_reads_a_day_range_oldest_first(database, form) -> None:
    store = VisitStore(database)
    store.finish(finished_visit(form, "V14", "20261124-090000-000001"))
    store.finish(finished_visit(form, "V01", "20261124-090100-000002"))
    today = date.today()
    found = store.without_pdfs(today - timedelta(days=1), today + timedelta(days=1))
    assert [visit.summary.id for visit in found] == ["20261124-090000-000001", "20261124-090100-000002"]
    assert all(visit.pdf is None for visit in found)
    first = store.get("20261124-090000-000001")
    stored = found[0]
    assert (stored.assessment, stored.response, stored.rules_version) == (first.assessment, first.response, first.rules_version)
    assert store.without_pdfs(date(2000, 1, 1), date(2000, 1, 2)) == []


def test_help_request_flags_the_visit_and_keeps_the_answers(database, form) -> None:
    store = VisitStore(database)
    draft = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}
    store.create("20261124-090000-000001", draft)
    store.create("20261124-090100-000002", draft)
    assert not store.get("20261124-090000-000001").summary.help_requested
    answers = {"given_name": "Zoë", "family_name": "Łukasik-Ó'Brien"}
    store.request_help("20261124-090000-000001", {**draft, "answers": answers}, False)
    asked = store.get("20261124-090000-000001")
    assert asked.summary.help_requested and asked.summary.status == IN_PROGRESS
    assert asked.response["answers"] == answers and asked.summary.family_name == "Łukasik-Ó'Brien"
    assert {visit.id: visit.help_requested for visit in store.list()} == {
        "20261124-090000-000001": True, "20261124-090100-000002": False,
    }
    assert "help_requested" not in store.list()[0].to_json_dict(), "the CLI's JSON keeps its fields"


def test_help_request_survives_finishing_and_is_refused_for_an_unknown_visit(database, form) -> None:
    store = VisitStore(database)
    store.create("20261124-090000-000001", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}})
    store.request_help("20261124-090000-000001", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}, True)
    store.finish(finished_visit(form, "V01", "20261124-090000-000001"))
    finished = store.get("20261124-090000-000001").summary
    assert finished.help_requested and finished.status == FINISHED
    with pytest.raises(VisitNotFound):
        store.request_help("20261124-090000-000001", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}, False)
    with pytest.raises(VisitNotFound):
        store.request_help("20261124-099999-ffffff", {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}, False)

"""Preventive trials whose weeks and start/stop months disagree by more than 4 weeks: a note."""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome
from intake.eligibility.trial_dates import span_weeks


@pytest.mark.parametrize(
    ("started", "stopped", "weeks"),
    [("2025-01", "2025-01", 0), ("2025-01", "2025-03", 9), ("2025-01", "2025-11", 44), ("2024-11", "2025-02", 13)],
    ids=["same-month", "2-months-8.7", "10-months-43.5-half-up", "over-new-year"],
)
def test_span_is_months_times_4_35_rounded_half_up(started, stopped, weeks) -> None:
    assert span_weeks(started, stopped) == weeks


def _trial_notes(v01: dict, assess, weeks: int | None, started: str | None = "2025-01", stopped: str | None = "2025-03"):
    row = {"medicine": "propranolol", "outcome": "ineffective"}
    row.update({key: value for key, value in (("weeks", weeks), ("started", started), ("stopped", stopped)) if value is not None})
    v01["answers"]["preventives"].append(row)
    result = assess(v01)
    return result, [n.text for n in result.notes if n.code == "trial_dates"]


@pytest.mark.parametrize(("weeks", "noted"), [(13, False), (14, True), (5, False), (4, True)], ids=["+4", "+5", "-4", "-5"])
def test_note_when_weeks_differ_from_the_span_by_more_than_four(v01, assess, weeks, noted) -> None:
    result, notes = _trial_notes(v01, assess, weeks)
    assert bool(notes) is noted
    assert result.outcome is Outcome.REFER
    if noted:
        assert notes == [f"propranolol: {weeks} weeks given, but 2025-01 to 2025-03 is about 9 weeks: check the trial length"]


@pytest.mark.parametrize(("weeks", "started", "stopped"),
                         [(None, "2025-01", "2025-03"), (40, None, "2025-03"), (40, "2025-01", None)])
def test_no_note_without_all_three(v01, assess, weeks, started, stopped) -> None:
    assert _trial_notes(v01, assess, weeks, started, stopped)[1] == []

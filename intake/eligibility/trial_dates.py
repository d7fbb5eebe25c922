"""Preventive trials whose weeks and dates disagree: a note, since either may be misremembered.

The span is counted in whole months (`YYYY-MM` dates) at 4.35 weeks a month, rounded half
up, in integers so no float rounding decides whether the note appears.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from intake.eligibility.assessment import Reason

WEEKS_PER_100_MONTHS = 435
TOLERANCE_WEEKS = 4


def _month_index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number)


def span_weeks(started: str, stopped: str) -> int:
    """Weeks from the month started to the month stopped: months x 4.35, rounded half up."""
    months = _month_index(stopped) - _month_index(started)
    return (months * WEEKS_PER_100_MONTHS + 50) // 100


def trial_date_notes(rows: Sequence[Mapping[str, Any]]) -> list[Reason]:
    notes = []
    for row in rows:
        weeks, started, stopped = row.get("weeks"), row.get("started"), row.get("stopped")
        if weeks is None or not started or not stopped:
            continue
        span = span_weeks(started, stopped)
        if abs(weeks - span) > TOLERANCE_WEEKS:
            notes.append(
                Reason.made(
                    code="trial_dates",
                    text=(
                        f"{row['medicine']}: {weeks} weeks given, but {started} to {stopped} is about "
                        f"{span} weeks: check the trial length"
                    ),
                )
            )
    return notes

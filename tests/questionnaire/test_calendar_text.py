"""Days and months as answers carry them: ASCII digits, the whole string."""

from __future__ import annotations

import pytest

from intake.questionnaire.calendar_text import is_day_text, is_month_text


@pytest.mark.parametrize("text", ["2026-05", "0001-01", "2026-12"])
def test_months_that_are_months(text: str) -> None:
    assert is_month_text(text)


@pytest.mark.parametrize(
    "text", ["२०२६-05", "٢٠٢٦-05", "2026-05\n", "2026-05 ", "2026-00", "2026-13", "2026-5", "2026-05-01", None, 202605],
)
def test_anything_else_is_not_a_month(text: object) -> None:
    assert not is_month_text(text)


def test_a_day_is_shaped_yyyy_mm_dd_in_ascii_digits_only() -> None:
    assert is_day_text("2026-02-30"), "the shape only: the calendar is date.fromisoformat's"
    for text in ("१९९२-01-15", "1992-01-15\n", "1992-1-15", "1992-01-15T00:00", None):
        assert not is_day_text(text), text

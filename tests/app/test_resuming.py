"""Carrying on a visit: the right birth date opens a paused one, the third wrong one locks it;
staff continuing a stored one get its answers back typed."""

from __future__ import annotations

from datetime import date

from intake.app.resuming import Attempt, ResumeCheck, birth_date_of, typed_answers

BORN = date(1975, 3, 7)


def test_only_a_visit_with_a_birth_date_can_be_resumed() -> None:
    assert birth_date_of({"date_of_birth": BORN, "given_name": "Ana"}) == BORN
    assert birth_date_of({"given_name": "Ana"}) is None
    assert birth_date_of({"date_of_birth": "1975-03-07"}) is None


def test_the_right_date_resumes_after_wrong_ones() -> None:
    check = ResumeCheck(BORN)
    assert check.attempt(date(1975, 7, 3)) is Attempt.WRONG
    assert check.attempt(date(1976, 3, 7)) is Attempt.WRONG
    assert check.attempt(BORN) is Attempt.RIGHT


def test_the_third_wrong_date_locks_for_good() -> None:
    check = ResumeCheck(BORN)
    assert [check.attempt(date(2000, 1, day)) for day in (1, 2, 3)] == [Attempt.WRONG, Attempt.WRONG, Attempt.LOCKED]
    assert check.attempt(BORN) is Attempt.LOCKED


def test_stored_answers_come_back_typed_as_the_wizard_holds_them(form) -> None:
    stored = {
        "date_of_birth": "1975-03-07",
        "given_name": "Ana",
        "headache_days": 18,
        "preventives": [{"medicine": "topiramate", "started": "2024-03", "colour": "blue"}],
        "acute_medicines": [],
        "onset_age": None,
        "no_such_question": "kept nowhere",
    }
    assert typed_answers(form, stored) == {
        "date_of_birth": BORN,
        "given_name": "Ana",
        "headache_days": 18,
        "preventives": [{"medicine": "topiramate", "started": "2024-03"}],
        "acute_medicines": [],
    }


def test_a_date_that_does_not_read_is_asked_again(form) -> None:
    assert typed_answers(form, {"date_of_birth": "1975-02-30", "given_name": "Ana"}) == {"given_name": "Ana"}
    assert typed_answers(form, {"date_of_birth": 19750307, "preventives": "none"}) == {}

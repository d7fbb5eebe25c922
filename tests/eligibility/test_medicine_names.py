"""Unknown medicine names that are one medicine: grouped as the catalog normalises names."""

from __future__ import annotations

from intake.eligibility.medicine_names import same_medicine_key


def test_case_and_spaces_do_not_make_another_medicine() -> None:
    assert same_medicine_key("  Migra   STOP ") == same_medicine_key("migra stop")


def test_different_names_stay_apart() -> None:
    assert same_medicine_key("Migrastop") != same_medicine_key("Zolvadin")

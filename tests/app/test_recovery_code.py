"""The audit key as a recovery code: sixteen groups of four to write down, typed back in any grouping."""

from __future__ import annotations

import secrets

import pytest

from intake.app.recovery_code import key_from_recovery_code, recovery_code


def test_a_made_key_reads_as_four_lines_of_four_groups_of_four() -> None:
    key = secrets.token_hex(32)
    lines = recovery_code(key)
    assert len(lines) == 4 and all(len(line.split()) == 4 for line in lines)
    assert all(len(group) == 4 for line in lines for group in line.split())
    assert "".join("".join(line.split()) for line in lines) == key


@pytest.mark.parametrize("join", [" ".join, "-".join, "  -  ".join, "".join, "\n".join])
def test_typed_back_in_any_grouping_it_is_the_key(join) -> None:
    key = secrets.token_hex(32)
    groups = [group for line in recovery_code(key) for group in line.split()]
    assert key_from_recovery_code(f" {join(groups)} ") == key


def test_a_key_that_is_not_hex_is_taken_as_typed() -> None:
    assert key_from_recovery_code("  a clinic's own - chosen key of some length ") == "a clinic's own - chosen key of some length"

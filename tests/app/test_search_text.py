"""Search folding: case and accents do not matter, on either side."""

from __future__ import annotations

import pytest

from intake.app.search_text import folded


@pytest.mark.parametrize(("typed", "stored"), [
    ("muller", "Müller"), ("LUKASIK", "Łukasik"), ("strasse", "Straße"), ("ostergaard", "Østergaard"),
    ("dorde", "Đorđe"), ("fevr", "févr"), ("zoe o'brien", "Zoë Ó'Brien"),
])
def test_typed_and_stored_fold_alike(typed: str, stored: str) -> None:
    assert folded(typed) == folded(stored)


def test_different_letters_stay_different() -> None:
    assert folded("Lee") != folded("Lea")
    assert folded("Ann") != folded("Anne")

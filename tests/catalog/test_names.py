"""The forms names are compared in: as typed, then without doses, counts and ignored words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake.catalog.names import NameNormaliser, exact_form, words

NORMALISE = NameNormaliser(["sodium", "xl", "tablets", "nasal spray", "modified release"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("  TOPAMAX ", "topamax"), ("Trokendi \u00a0\u2003 XR", "trokendi xr"), ("Ｔｏｐａｍａｘ", "topamax"),
     ("Maxalt-MLT", "maxalt-mlt"), ("Tylenol 3", "tylenol 3")],
)
def test_exact_form_sets_aside_only_case_unicode_form_and_spacing(typed: str, expected: str) -> None:
    assert exact_form(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Sumatriptan 50mg", "sumatriptan"), ("Sumatriptan 50 MG", "sumatriptan"), ("salbutamol 2.5ml", "salbutamol"),
     ("co-codamol 30/500", "co codamol"), ("a+b&c,d/e-f", "a b c d e f"), ("Fioricet x2", "fioricet"),
     ("2x Fioricet", "fioricet"), ("Fioricet x 2", "fioricet"), ("B12 1000 mcg", "b12"), ("B12 1000µg", "b12"),
     ("B12 1000\u03bcg", "b12"), ("cream 1%", "cream"), ("insulin 10 units", "insulin"), ("insulin 10 IU", "insulin"),
     ("insulin 10u", "insulin"), ("one g", "one"), ("sumatriptan50mg", "sumatriptan50mg"), ("tylenol #3", "tylenol #3")],
)
def test_words_drop_numbers_units_and_counts_only(typed: str, expected: str) -> None:
    assert " ".join(words(typed)) == expected


def test_apostrophes_are_read_alike_and_accents_kept() -> None:
    assert {NORMALISE(name) for name in ("Goody's", "Goody’s", "Goody‘s", "Goodyʼs")} == {"goody's"}
    assert NORMALISE("Metamizól") == "metamizól" != NORMALISE("metamizol")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("naproxen sodium 550 mg", "naproxen"), ("Venlafaxine XL 75", "venlafaxine"), ("Imitrex nasal spray", "imitrex"),
     ("Imitrex nasal", "imitrex nasal"), ("Effexor modified tablets release", "effexor"), ("sodium", ""),
     ("Sodiumvalproate", "sodiumvalproate"), ("XL-sumatriptan", "sumatriptan")],
)
def test_ignored_words_go_as_whole_words_or_sequences(typed: str, expected: str) -> None:
    assert NORMALISE(typed) == expected


def test_ignored_words_are_themselves_read_in_the_normal_form() -> None:
    assert NameNormaliser(["Modified-Release", "NASAL  SPRAY"])("zomig nasal spray modified release") == "zomig"


@given(st.text())
def test_normalising_twice_is_normalising_once(text: str) -> None:
    once = NORMALISE(text)
    assert NORMALISE(once) == once
    assert exact_form(exact_form(text)) == exact_form(text)


@given(st.lists(st.sampled_from(["50", "mg", "x2", "sodium", "xl", "modified", "release", "nasal", "spray", "tablets", "a"])))
def test_normalising_twice_is_normalising_once_for_ignored_word_soup(tokens: list[str]) -> None:
    once = NORMALISE(" ".join(tokens))
    assert NORMALISE(once) == once

"""Medicine names ranked for a patient typing on a tablet, one suggestion per medicine.

A patient may know a medicine by its brand ("Topamax"), its generic ("topiramate") or
another spelling ("acetaminophen"). Listing every name that contains the typed letters
buries the one they mean, so names are ranked (exact, then names that start with the
text, then words inside a name, then anything containing it) and each medicine appears
once, under the name that matched best. Picking stores that name as the catalog spells
it, so the clinician sees what the patient chose. Close misspellings are offered apart,
as guesses the patient must confirm: a name is never corrected on their behalf.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import IntEnum
from functools import lru_cache
from typing import Literal

from intake.catalog.catalog import Catalog, Medicine

Kind = Literal["acute", "preventive"]

GUESS_MIN_LETTERS = 4
"""Shorter text is still being typed, not misspelled."""

GUESS_CUTOFF = 0.8
"""difflib ratio a misspelling needs ("sumatriptn" scores 0.95 against "sumatriptan")."""

MAX_GUESSES = 2

_SPACES = re.compile(r"\s+")


class Match(IntEnum):
    """How a name matched the typed text; a lower value ranks first."""

    EXACT = 0
    GENERIC_PREFIX = 1
    BRAND_PREFIX = 2
    WORD_START = 3
    CONTAINS = 4
    GUESS = 5


@dataclass(frozen=True)
class Suggestion:
    """One medicine offered for the typed text.

    `name` is the catalog's spelling of the name that matched, which is what picking
    stores; `generic` says which medicine it is.
    """

    name: str
    generic: str
    match: Match

    @property
    def is_guess(self) -> bool:
        """A "did you mean" for a misspelling: shown, never chosen for the patient."""
        return self.match is Match.GUESS


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Comparison form: accents dropped, case-folded, single-spaced ("Ibuprofène" -> "ibuprofene").

    Cached: each letter typed compares the text with every name in the catalog, whose folded
    forms never change (the cache is bounded, so what patients type cannot grow it for good).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(character for character in decomposed if not unicodedata.combining(character))
    return _SPACES.sub(" ", bare.strip()).casefold()


def suggestions(catalog: Catalog, kind: Kind, text: str, limit: int) -> list[Suggestion]:
    """Up to `limit` medicines of this kind for what the patient typed, best first.

    Guesses for misspellings come last, and only when nothing starts with the text.
    """
    query = fold(text)
    if not query or limit < 1:
        return []
    medicines = [medicine for medicine in catalog.medicines if getattr(medicine, kind) is not None]
    found = sorted(
        (best for medicine in medicines if (best := _best_match(medicine, query)) is not None),
        key=_rank,
    )[:limit]
    if len(found) < limit and not any(suggestion.match <= Match.BRAND_PREFIX for suggestion in found):
        matched = {suggestion.generic for suggestion in found}
        unmatched = [medicine for medicine in medicines if medicine.generic not in matched]
        found += _guesses(unmatched, query, min(MAX_GUESSES, limit - len(found)))
    return found


def _rank(suggestion: Suggestion) -> tuple[Match, str]:
    return suggestion.match, fold(suggestion.name)


def _named(medicine: Medicine) -> Iterator[tuple[str, bool]]:
    """Each name of a medicine and whether it is a brand (synonyms rank as generics).

    Names matched only as typed ("Tylenol 3") are offered too: picking one stores the
    catalog's own spelling, which the lookup then finds.
    """
    for name in (medicine.generic, *medicine.synonyms):
        yield name, False
    for name in (*medicine.brands, *medicine.exact_only):
        yield name, True


def _best_match(medicine: Medicine, query: str) -> Suggestion | None:
    """The medicine's best-matching name; on a tie, the earlier name (generic first)."""
    best: Suggestion | None = None
    for name, is_brand in _named(medicine):
        match = _match(query, fold(name), is_brand)
        if match is not None and (best is None or match < best.match):
            best = Suggestion(name, medicine.generic, match)
    return best


def _match(query: str, key: str, is_brand: bool) -> Match | None:
    if key == query:
        return Match.EXACT
    if key.startswith(query):
        return Match.BRAND_PREFIX if is_brand else Match.GENERIC_PREFIX
    if any(key.startswith(query, start) for start in _word_starts(key)):
        return Match.WORD_START
    if query in key:
        return Match.CONTAINS
    return None


def _word_starts(key: str) -> Iterator[int]:
    """Where later words begin: "XR" in "trokendi xr", "codeine" in "paracetamol/codeine"."""
    for index in range(1, len(key)):
        if key[index].isalnum() and not key[index - 1].isalnum():
            yield index


def _guesses(medicines: list[Medicine], query: str, count: int) -> list[Suggestion]:
    if len(query) < GUESS_MIN_LETTERS or count < 1:
        return []
    scored = []
    for medicine in medicines:
        score, name = max(((_closeness(query, fold(name)), name) for name, _brand in _named(medicine)), key=_score_of)
        if score >= GUESS_CUTOFF:
            scored.append((-score, fold(name), Suggestion(name, medicine.generic, Match.GUESS)))
    return [suggestion for _score, _key, suggestion in sorted(scored, key=lambda item: item[:2])[:count]]


def _score_of(scored: tuple[float, str]) -> float:
    return scored[0]


def _closeness(query: str, key: str) -> float:
    """Similarity to the whole name, or to its start while the patient is still typing."""
    whole = SequenceMatcher(None, query, key).ratio()
    start = SequenceMatcher(None, query, key[: len(query)]).ratio()
    return max(whole, start)

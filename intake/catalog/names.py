"""The two forms in which typed medicine names are compared with catalog names.

Patients write products as the box or the pharmacy label says: "Sumatriptan 50mg",
"naproxen sodium 550 mg", "Venlafaxine XL 75". Doses, counts, salts and release forms do
not make another medicine, so a name is first looked up as typed (only case, Unicode
form and spacing set aside) and, when that finds nothing, with those words removed. The
second form never corrects spelling: "sumatriptn" or "sumatriptan50mg" stay unknown,
because a wrong guess would count days against the wrong class.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

UNITS = ("mg", "mcg", "µg", "g", "ml", "%", "units", "u", "iu")
"""Dose units removed on their own or stuck to a number ("mg", "50mg")."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_SEPARATORS = str.maketrans(dict.fromkeys("/+&,-", " "))
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"


def _fold(text: str) -> str:
    """NFKC and case-folded; NFKC again so that folding a folded text changes nothing."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


_UNIT = "|".join(re.escape(_fold(unit)) for unit in UNITS)
_DOSE_TOKEN = re.compile(rf"{_NUMBER}(?:{_UNIT})?|{_UNIT}|x[0-9]+|[0-9]+x|x")


def exact_form(text: str) -> str:
    """The name as typed, apart from case, Unicode form and spacing ("  TOPAMAX " -> "topamax")."""
    return " ".join(_fold(text).split())


def words(text: str) -> list[str]:
    """Folded words with doses and counts removed; separators such as "/" and "-" split words."""
    spaced = _fold(text).translate(_APOSTROPHES).translate(_SEPARATORS)
    return [token for token in spaced.split() if not _DOSE_TOKEN.fullmatch(token)]


class NameNormaliser:
    """The normalised form of names, given the words a catalog ignores (salts, release forms).

    Ignored words are removed as whole words or word sequences ("nasal spray"), repeatedly,
    since removing one can bring the words of another together ("modified tablet release").
    At each word only the sequences starting with it are tried, longest first.
    """

    def __init__(self, ignore_words: Iterable[str]) -> None:
        sequences = {tuple(words(entry)) for entry in ignore_words}
        sequences.discard(())
        self._starting_with: dict[str, list[tuple[str, ...]]] = {}
        for sequence in sorted(sequences, key=len, reverse=True):
            self._starting_with.setdefault(sequence[0], []).append(sequence)

    def __call__(self, text: str) -> str:
        """The normalised form; empty when nothing but doses and ignored words was typed."""
        tokens = words(text)
        while (kept := self._without_ignored(tokens)) != tokens:
            tokens = kept
        return " ".join(tokens)

    def _without_ignored(self, tokens: list[str]) -> list[str]:
        kept: list[str] = []
        index = 0
        while index < len(tokens):
            candidates = self._starting_with.get(tokens[index], ())
            length = next((len(seq) for seq in candidates if tuple(tokens[index : index + len(seq)]) == seq), 0)
            if length:
                index += length
            else:
                kept.append(tokens[index])
                index += 1
        return kept

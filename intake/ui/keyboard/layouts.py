"""The keys of the on-screen keyboard as data: rows of keys on a grid of equal columns.

Letters use a grid of 22 half-key columns so that wide keys (Shift, Backspace, Space)
line up with the letters; the digits pad is a telephone-style 3x4 block with a tall
Done key beside it. The PIN pad is that block too, with a tall Enter key instead (it
signs in) and a way to the letters for a PIN that has some. Nothing here needs Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class KeyKind(Enum):
    CHARACTER = "character"
    SHIFT = "shift"
    BACKSPACE = "backspace"
    SPACE = "space"
    DONE = "done"
    NUMBERS = "numbers"
    """From the letters to the digits pad, in a field for words (an address, a PIN)."""
    LETTERS = "letters"
    """Back from that digits pad to the letters."""
    ENTER = "enter"
    """What Enter on a physical keyboard does in the field (the PIN pad's: sign in)."""
    GAP = "gap"


@dataclass(frozen=True)
class Key:
    kind: KeyKind
    character: str = ""
    columns: int = 1
    rows: int = 1


Row = tuple[Key, ...]


@dataclass(frozen=True)
class Layout:
    name: str
    rows: tuple[Row, ...]


LETTER_COLUMNS = 2
"""A letter key is two grid columns wide, so wide keys can be one and a half letters."""

VARIANTS: dict[str, str] = {
    "a": "àáâäãåąæ",
    "c": "çćč",
    "e": "èéêëę",
    "i": "ìíîï",
    "l": "ł",
    "n": "ñń",
    "o": "òóôöõø",
    "s": "śšß",
    "u": "ùúûü",
    "y": "ýÿ",
    "z": "źżž",
}
"""Accented letters a long press on the plain letter offers."""


def _letters(characters: str) -> Row:
    return tuple(Key(KeyKind.CHARACTER, character, LETTER_COLUMNS) for character in characters)


LETTERS = Layout(
    "letters",
    (
        _letters("qwertyuiop'"),
        _letters("asdfghjklñ-"),
        (Key(KeyKind.SHIFT, columns=4), *_letters("zxcvbnm"), Key(KeyKind.BACKSPACE, columns=4)),
        (
            Key(KeyKind.NUMBERS, columns=LETTER_COLUMNS),
            *_letters("áéíóúü"),
            Key(KeyKind.SPACE, " ", columns=4),
            Key(KeyKind.DONE, columns=4),
        ),
    ),
)


def _digits_pad(name: str, corner: Key, tall: KeyKind = KeyKind.DONE) -> Layout:
    """The corner left of 0 holds the decimal comma, the way back to letters, or nothing."""
    return Layout(
        name,
        (
            (*_digit_keys("123"), Key(tall, rows=4)),
            _digit_keys("456"),
            _digit_keys("789"),
            (corner, Key(KeyKind.CHARACTER, "0"), Key(KeyKind.BACKSPACE)),
        ),
    )


def _digit_keys(digits: str) -> Row:
    return tuple(Key(KeyKind.CHARACTER, digit) for digit in digits)


DIGITS = _digits_pad("digits", Key(KeyKind.GAP))
DECIMAL = _digits_pad("decimal", Key(KeyKind.CHARACTER, ","))
NUMBERS = _digits_pad("numbers", Key(KeyKind.LETTERS))
PIN = _digits_pad("pin", Key(KeyKind.LETTERS), KeyKind.ENTER)


def variants_of(character: str) -> str:
    """The long-press row for a letter, in the letter's case ('' when it has none)."""
    variants = VARIANTS.get(character.lower(), "")
    return "".join(capital(variant) for variant in variants) if character.isupper() else variants


def capital(character: str) -> str:
    """The capital a shifted key types; letters without a one-character capital (ß) stay."""
    upper = character.upper()
    return upper if len(upper) == 1 else character


def grid_cells(layout: Layout) -> list[tuple[Key, int, int]]:
    """(key, row, column) for each key, skipping cells a taller key above already covers."""
    covered: set[tuple[int, int]] = set()
    cells = []
    for row_number, row in enumerate(layout.rows):
        column = 0
        for key in row:
            while (row_number, column) in covered:
                column += 1
            cells.append((key, row_number, column))
            for extra_row in range(row_number, row_number + key.rows):
                for extra_column in range(column, column + key.columns):
                    covered.add((extra_row, extra_column))
            column += key.columns
    return cells

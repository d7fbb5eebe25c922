"""Key rows as data: every row as wide as the others, accents in the right case."""

from __future__ import annotations

from intake.ui.keyboard.layouts import DECIMAL, DIGITS, LETTERS, NUMBERS, PIN, Key, KeyKind, capital, grid_cells, variants_of


def _row_widths(layout) -> list[int]:
    return [sum(key.columns for key in row) for row in layout.rows]


def test_letter_rows_are_equally_wide_and_hold_what_names_need() -> None:
    assert len(set(_row_widths(LETTERS))) == 1
    characters = {key.character for row in LETTERS.rows for key in row}
    assert set("qwertyuiopasdfghjklzxcvbnm") <= characters
    assert set("áéíóúüñ'- ") <= characters
    kinds = [key.kind for row in LETTERS.rows for key in row]
    assert {KeyKind.SHIFT, KeyKind.BACKSPACE, KeyKind.SPACE, KeyKind.DONE, KeyKind.NUMBERS} <= set(kinds)


def test_the_digits_pad_has_a_comma_only_for_decimals_and_a_way_back_for_words() -> None:
    digits = [key.character for row in DIGITS.rows for key in row if key.kind is KeyKind.CHARACTER]
    decimal = [key.character for row in DECIMAL.rows for key in row if key.kind is KeyKind.CHARACTER]
    assert sorted(digits) == list("0123456789")
    assert sorted(decimal) == sorted([*"0123456789", ","])
    assert [key.kind for row in NUMBERS.rows for key in row].count(KeyKind.LETTERS) == 1
    assert not any(key.kind is KeyKind.LETTERS for row in DIGITS.rows for key in row)


def test_the_pin_pad_is_the_digits_with_enter_and_a_way_to_letters() -> None:
    cells = {(row, column): key for key, row, column in grid_cells(PIN)}
    assert sorted(key.character for key in cells.values() if key.kind is KeyKind.CHARACTER) == list("0123456789")
    assert cells[(0, 3)] == Key(KeyKind.ENTER, rows=4), "Enter where the digits pad has Done"
    assert cells[(3, 0)].kind is KeyKind.LETTERS
    assert not any(key.kind is KeyKind.DONE for key in cells.values())


def test_a_tall_key_pushes_the_rows_below_it_aside() -> None:
    cells = {(row, column): key for key, row, column in grid_cells(DIGITS)}
    done = next(key for key in cells.values() if key.kind is KeyKind.DONE)
    assert cells[(0, 3)] is done and done.rows == 4
    assert cells[(3, 1)] == Key(KeyKind.CHARACTER, "0")
    assert not any(column == 3 for row, column in cells if row > 0)


def test_variants_follow_the_case_of_the_held_letter() -> None:
    assert variants_of("e") == "èéêëę"
    assert variants_of("E") == "ÈÉÊËĘ"
    assert variants_of("S") == "ŚŠß", "ß has no one-letter capital and stays"
    assert variants_of("q") == ""
    assert capital("ñ") == "Ñ" and capital("'") == "'"

"""A response file must be plain JSON: each refusal names its key, the limits are exact."""

from __future__ import annotations

import json

import pytest

from intake.plain_text import MAX_CHARS
from intake.questionnaire.plain_json import NotPlainJson, loads_plain

FILE = "visit.json"


def _errors(text: str) -> list[str]:
    with pytest.raises(NotPlainJson) as raised:
        loads_plain(text, FILE)
    return [problem.cli_text for problem in raised.value.problems]


def _nested(levels: int) -> str:
    """A response whose answers hold a value nested so that the innermost object is at `levels`."""
    inner = "{}"
    for _ in range(levels - 2):
        inner = f'{{"x": {inner}}}'
    return f'{{"answers": {inner}}}'


def test_a_plain_file_reads_as_ordinary_dicts() -> None:
    data = loads_plain('{"answers": {"preventives": [{"medicine": "topiramate", "weeks": 12}]}}', FILE)
    assert data == {"answers": {"preventives": [{"medicine": "topiramate", "weeks": 12}]}}
    assert type(data["answers"]) is dict


def test_twenty_levels_are_fine_and_twenty_one_are_not() -> None:
    assert loads_plain(_nested(20), FILE)
    assert _errors(_nested(21)) == [
        "x" + ".x" * 18 + ": expected at most 20 levels of nesting (the top level is 1), got more"
    ]


def test_arrays_are_levels_too() -> None:
    assert loads_plain("[" * 20 + "]" * 20, FILE) == json.loads("[" * 20 + "]" * 20)
    assert _errors("[" * 21 + "]" * 21)[0].startswith("[0]" * 20 + ": expected at most 20 levels")


def test_a_hundred_thousand_levels_are_refused_without_recursion() -> None:
    [error] = _errors('{"answers": {"headache_days": ' + "[" * 100_000 + "]" * 100_000 + "}}")
    assert error.startswith("headache_days" + "[0]" * 18 + ": expected at most 20 levels")


def test_brackets_inside_text_are_not_levels() -> None:
    name = "[{" * 30
    assert loads_plain('{"answers": {"given_name": "' + name + '"}}', FILE)["answers"]["given_name"] == name


@pytest.mark.parametrize(
    "literal", ["123456789012345", "-123456789012345", "0.00000000000001", "1.23456789012345e300", "100000000000000E-5"]
)
def test_fifteen_digits_are_fine(literal: str) -> None:
    assert loads_plain(f'{{"answers": {{"headache_days": {literal}}}}}', FILE)["answers"]["headache_days"] == json.loads(literal)


@pytest.mark.parametrize(
    ("literal", "digits"),
    [("1234567890123456", 16), ("-0.000000000000001", 16), ("1.000000000000000", 16), ("0.000000000000000", 16),
     ("1.234567890123456e3", 16), ("9" * 5000, 5000)],
)
def test_more_than_fifteen_digits_before_the_exponent_are_refused(literal: str, digits: int) -> None:
    [error] = _errors(f'{{"answers": {{"preventives": [{{"weeks": {literal}}}]}}}}')
    assert error.startswith(f"preventives[0].weeks: expected a number of at most 15 digits, got {digits} digits: ")
    assert len(error) < 200


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(literal: str) -> None:
    assert _errors(f'{{"authored": {literal}}}') == [
        f"authored: expected a JSON number (NaN and Infinity are not JSON), got {literal}"]


def test_a_repeated_key_in_a_row_object_is_refused() -> None:
    text = '{"answers": {"preventives": [{"medicine": "a", "outcome": "helped", "medicine": "b"}]}}'
    assert _errors(text) == ["preventives[0].medicine: expected each key once in an object, got it 2 times"]


def test_a_repeated_top_level_key_is_refused() -> None:
    assert _errors('{"authored": "2026-11-24", "authored": "2026-11-25"}') == [
        "authored: expected each key once in an object, got it 2 times"
    ]


@pytest.mark.parametrize(("char", "escaped"), [("\\u0000", "\\x00"), ("\\n", "\\n"), ("\\u001f", "\\x1f"),
                                               ("\\u007f", "\\x7f"), ("\\u0080", "\\x80"), ("\\u009f", "\\x9f")])
def test_control_characters_in_values_are_refused_and_shown_escaped(char: str, escaped: str) -> None:
    assert _errors(f'{{"answers": {{"given_name": "Ana{char}Lu"}}}}') == [
        f'given_name: expected text without control characters or lone surrogates (found {escaped}), got "Ana{escaped}Lu"'
    ]


def test_no_break_space_and_other_unicode_are_plain() -> None:
    data = loads_plain('{"answers": {"given_name": "Ana\\u00a0\\u0141ukasik \\ud83d\\ude00"}}', FILE)
    assert data["answers"]["given_name"] == "Ana\u00a0Łukasik 😀"


@pytest.mark.parametrize("surrogate", ["\\ud800", "\\udfff", "\\ude00\\ud83d"])
def test_lone_surrogates_are_refused(surrogate: str) -> None:
    [error] = _errors(f'{{"answers": {{"family_name": "x{surrogate}"}}}}')
    assert error.startswith("family_name: expected text without control characters or lone surrogates (found \\ud")


def test_a_control_character_in_a_key_is_refused_naming_it_escaped() -> None:
    assert _errors('{"answers": {"head\\nache": 1}}') == [
        'head\\nache: expected a key without control characters or lone surrogates (found \\n), got "head\\nache"'
    ]


def test_a_problem_with_no_key_names_the_file() -> None:
    assert _errors('"\\u0007"') == [
        f'{FILE}: expected text without control characters or lone surrogates (found \\x07), got "\\x07"']


def test_every_finding_is_reported_at_once() -> None:
    text = '{"form": "a\\tb", "answers": {"onset_age": 12345678901234567, "headache_days": 1, "headache_days": 2}}'
    assert [error.split(":")[0] for error in _errors(text)] == ["form", "headache_days", "onset_age"]


def test_text_that_is_not_json_is_left_to_the_json_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        loads_plain('{"answers": ', FILE)


def test_a_blank_key_is_quoted_in_the_path() -> None:
    assert _errors('{"answers": {"": "a\\u0000", "preventives": [{" ": "b\\u0001"}]}}') == [
        '"": expected text without control characters or lone surrogates (found \\x00), got "a\\x00"',
        'preventives[0]." ": expected text without control characters or lone surrogates (found \\x01), got "b\\x01"',
    ]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    rows = json.dumps([{"medicine": "ibuprofen", "days_per_month": 4}] * 30_000)
    text = f'{{"answers": {{"acute_medicines": {rows}}}}}'
    assert len(text) > MAX_CHARS
    assert _errors(text) == [f"{FILE}: expected a file of at most 1,000,000 characters, got {len(text):,}"]
    assert loads_plain(" " * (MAX_CHARS - 2) + "{}", FILE) == {}

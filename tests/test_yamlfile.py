"""YAML data files must be plain too: repeated keys, depth, digits, controls, aliases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from intake.plain_text import MAX_CHARS
from intake.yamlfile import DataFileError, load_model, read_yaml


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        read_yaml(path)
    assert raised.value.lines == [f"{path}: {problem}" for problem in raised.value.problems]
    return raised.value.problems


def _reads(tmp_path: Path, text: str) -> object:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def test_a_repeated_key_is_named(tmp_path) -> None:
    text = "criteria:\n  - id: age\n    min: 18\n    min: 21\n"
    assert _problems(tmp_path, text) == ["criteria[0].min: expected each key once in a mapping, got it more than once"]


def test_twenty_levels_are_fine_and_twenty_one_are_not(tmp_path) -> None:
    assert _reads(tmp_path, "a: " + "[" * 19 + "]" * 19)
    assert _problems(tmp_path, "a: " + "[" * 20 + "]" * 20) == [
        "a" + "[0]" * 19 + ": expected at most 20 levels of nesting (the top level is 1), got more"
    ]


def test_a_hundred_thousand_levels_are_refused_naming_the_key(tmp_path) -> None:
    [problem] = _problems(tmp_path, "sections:\n  - questions: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert problem.startswith("sections[0].questions[0]")


@pytest.mark.parametrize(("literal", "digits"), [("1234567890123456", 16), ("0.000000000000001", 16), ("9" * 5000, 5000),
                                                 ("1_000_000_000_000_000", 16), ("0x1234567890abcdef", 16)])
def test_long_numbers_are_refused(tmp_path, literal, digits) -> None:
    assert _problems(tmp_path, f"overuse:\n  class_days: {{triptan: {literal}}}\n") == [
        f"overuse.class_days.triptan: expected a number of at most 15 digits, got {digits} digits"
    ]


def test_fifteen_digits_and_quoted_digits_are_fine(tmp_path) -> None:
    assert _reads(tmp_path, "a: 123456789012345\nb: '1234567890123456789'\n") == {
        "a": 123456789012345, "b": "1234567890123456789"}


@pytest.mark.parametrize("literal", [".inf", "-.Inf", ".nan", "!!float 1e999"])
def test_numbers_must_be_finite(tmp_path, literal) -> None:
    [problem] = _problems(tmp_path, f"min: {literal}\n")
    assert problem.startswith("min: expected a finite number")


@pytest.mark.parametrize(("escape", "shown"), [("\\x01", "\\x01"), ("\\t", "\\t"), ("\\x7f", "\\x7f"), ("\\x9f", "\\x9f"),
                                               ("\\ud800", "\\ud800")])
def test_control_characters_and_lone_surrogates_are_refused(tmp_path, escape, shown) -> None:
    assert _problems(tmp_path, f'label: "Age{escape}"\n') == [
        f'label: expected text without control characters or lone surrogates (found {shown}), got "Age{shown}"'
    ]


def test_a_control_character_in_a_key_is_refused(tmp_path) -> None:
    [problem] = _problems(tmp_path, '"red\\nflags": []\n')
    assert problem.startswith("red\\nflags: expected a key without control characters")


def test_line_breaks_inside_values_are_fine(tmp_path) -> None:
    assert _reads(tmp_path, "help: |\n  One line.\n  Another.\nlabel: \"A\\u00a0B\"\n") == {
        "help": "One line.\nAnother.\n", "label": "A\xa0B"}


def test_anchors_and_aliases_are_refused(tmp_path) -> None:
    assert _problems(tmp_path, "a: &x [1]\nb: *x\n") == [
        "a: anchors and aliases (& and *) are not supported; write the value out"
    ]


def test_an_escape_beyond_unicode_is_a_yaml_error(tmp_path) -> None:
    [problem] = _problems(tmp_path, 'a: "\\U00999999"\n')
    assert problem.startswith("not valid YAML")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("!!int abc", "cannot read this value as int (invalid literal for int() with base 10: 'abc')"),
        ("2026-13-45", "cannot read this value as timestamp (month must be in 1..12)"),
        ("!!bool maybe", "cannot read this value as bool"),
        ("!!timestamp soon", "cannot read this value as timestamp"),
    ],
    ids=["int", "month-13", "bool", "timestamp"],
)
def test_a_value_its_tag_cannot_read_is_named_by_line_and_column(tmp_path, value, problem) -> None:
    assert _problems(tmp_path, f"title: T\nversion: {value}\n") == [f"not valid YAML (line 2, column 10: {problem})"]


def test_a_float_tag_on_words_is_named_by_key(tmp_path) -> None:
    assert _problems(tmp_path, "min: !!float abc\n") == ["min: expected a number, got abc"]


def test_an_escape_beyond_unicode_is_named_by_line(tmp_path) -> None:
    [problem] = _problems(tmp_path, 'a: 1\nb: "x\\U00999999"\n')
    assert problem.startswith("not valid YAML (line 2, column ") and "cannot read this value" in problem


def test_a_raw_control_character_is_named_by_line_and_column_on_one_line(tmp_path) -> None:
    assert _problems(tmp_path, "a: 1\nb: x\x1by\n") == [
        "not valid YAML (line 2, column 5: character #x001b is not allowed; write it as an escape in double quotes)"
    ]


def test_a_blank_key_is_quoted_in_the_path(tmp_path) -> None:
    assert _problems(tmp_path, 'a:\n  "": "x\\x01"\n') == [
        'a."": expected text without control characters or lone surrogates (found \\x01), got "x\\x01"'
    ]


class _Named(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    size: int


class _Listing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[_Named]


@pytest.mark.parametrize(("entry_id", "where"), [("age", "age: size"), ("", "entries[0].size"), (" " * 300, "entries[0].size"),
                                                 ("x" * 61, "entries[0].size")])
def test_an_entry_is_named_by_its_id_only_when_that_fits_on_a_line(tmp_path, entry_id, where) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(yaml.safe_dump({"entries": [{"id": entry_id, "size": "big"}]}), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_model(path, _Listing)
    assert raised.value.problems == [f"{where}: Input should be a valid integer, unable to parse string as an integer"]


def test_a_blank_extra_key_is_quoted(tmp_path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text('entries: []\n"": 1\n', encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_model(path, _Listing)
    assert raised.value.problems == ['"": Extra inputs are not permitted']


def test_a_file_over_the_size_limit_is_refused(tmp_path) -> None:
    text = "help: " + "x" * MAX_CHARS + "\n"
    assert _problems(tmp_path, text) == [f"expected a file of at most 1,000,000 characters, got {len(text):,}"]

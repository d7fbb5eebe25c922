"""Quoting input on one line: control characters and lone surrogates become escapes."""

from __future__ import annotations

import pytest

from intake.plain_text import first_not_plain, key_text, one_line, placeholder_problem


@pytest.mark.parametrize(
    ("text", "line"),
    [("a\nb", "a\\nb"), ("a\r\nb", "a\\r\\nb"), ("\t", "\\t"), ("\x00\x1f", "\\x00\\x1f"), ("\x7f\x80\x9f", "\\x7f\\x80\\x9f"),
     ("\ud800x\udfff", "\\ud800x\\udfff"), ("a\u2028b\u2029", "a\\u2028b\\u2029"), ("Łukasik\xa0😀", "Łukasik\xa0😀")],
)
def test_one_line_escapes_exactly_the_unplain_characters(text: str, line: str) -> None:
    assert one_line(text) == line
    assert one_line(text).encode("utf-8")


def test_first_not_plain() -> None:
    assert first_not_plain("Ana\xa0Lu\u2028") is None
    assert first_not_plain("a\x9fb\nc") == "\\x9f"


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{label}: yes, {{braces}} kept", None),
        ("no placeholder", None),
        ("{label:>99999999999999}", "found {label:>99999999999999}"),
        ("{label!r}", "found {label!r}"),
        ("{label.__class__}", "found {label.__class__}"),
        ("{label[0]}", "found {label[0]}"),
        ("{0}", "found {0}"),
        ("{}", "found {}"),
        ("{name}", "found {name}"),
        ("{label", "expected '}' before end of string"),
        ("label}", "Single '}' encountered in format string"),
    ],
)
def test_placeholder_problem_allows_only_the_named_placeholders(template: str, problem: str | None) -> None:
    assert placeholder_problem(template, ("label",)) == problem


@pytest.mark.parametrize(("key", "text"), [("age", "age"), ("", '""'), ("  ", '"  "'), ("\u2028", '"\\u2028"'), ("a\nb", "a\\nb"),
                                           (" age", " age"), (3, "3")])
def test_key_text_escapes_keys_and_quotes_blank_ones(key: object, text: str) -> None:
    assert key_text(key) == text

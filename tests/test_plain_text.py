"""Quoting input on one line: control characters and lone surrogates become escapes."""

from __future__ import annotations

import pytest

from intake.plain_text import first_not_plain, one_line


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

"""What "plain" text is in our input files, and how to quote any text on one line.

Files are edited by hand and passed between systems, so a name or label may carry a
control character or half of a UTF-16 surrogate pair. Such text is refused at the door
(it cannot be printed, and a newline in a value could forge a second error line), and
every message that quotes input escapes it, so one problem is always one line.
"""

from __future__ import annotations

import json
import re
import string

MAX_DEPTH = 20
"""Nesting levels a data file may have (the top level is 1): JSON responses and YAML alike."""
MAX_DIGITS = 15
"""Digits a number may have (every digit before any exponent): more cannot be an answer."""
MAX_CHARS = 1_000_000
"""Characters a data or response file may have: some 45 times the largest shipped file. A
longer one is no visit or form anyone wrote, and checking it would take seconds."""

NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 and C1 control characters, DEL, and surrogate code points (only ever unpaired in a `str`)."""

_BREAKS_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
"""What `one_line` escapes: the above, and the Unicode line and paragraph separators, which
are plain text in an answer but start a new line in some viewers."""

_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """`text` with every control character, lone surrogate and line separator written as an escape."""
    return _BREAKS_A_LINE.sub(_escape, text)


def key_text(key: object) -> str:
    """A key from the input as an error line names it: on one line, and quoted when blank (`""`, `" "`)."""
    text = str(key)
    return one_line(text) if text.strip() else json.dumps(text)


def too_long(text: str) -> tuple[str, str] | None:
    """(expected, given) when a file's text is longer than `MAX_CHARS`; None if it is not."""
    if len(text) <= MAX_CHARS:
        return None
    return f"expected a file of at most {MAX_CHARS:,} characters", f"got {len(text):,}"


def first_not_plain(text: str) -> str | None:
    """The first control character or lone surrogate in `text`, escaped; None if it is plain."""
    match = NOT_PLAIN.search(text)
    return None if match is None else _escape(match)


def placeholder_problem(template: str, names: tuple[str, ...]) -> str | None:
    """What in a wording from a data file `str.format` would do beyond putting one of `names` in place; None if nothing.

    A format spec (`{label:>99999999999999}`), a conversion, an attribute or an index, or
    an unknown name would fail or run away only when the wording is first used, mid-visit.
    """
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as error:
        return str(error)
    for _, name, spec, conversion in fields:
        if name is not None and (name not in names or spec or conversion):
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return f"found {one_line(shown if len(shown) <= 40 else shown[:37] + '...')}"
    return None

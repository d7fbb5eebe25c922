"""Reading a response file as plain JSON: the shapes a clinic system should never send.

A file longer than `MAX_CHARS`, a key repeated in one object (which value wins is parser
folklore), nesting deeper than `MAX_DEPTH`, a number literal longer than `MAX_DIGITS`
digits (it cannot be an answer, and a long one costs seconds to convert), `NaN` or
`Infinity`, and text with a control character or a lone surrogate are refused, each
naming where it was found. Depth is
checked by a flat scan before the JSON parser runs, so no file can exhaust the recursion
limit; the rest is marked by parser hooks and then reported with its key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from intake.plain_text import MAX_DEPTH, MAX_DIGITS, first_not_plain, key_text, one_line, too_long
from intake.questionnaire.engine import Problem

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\],:]')
_ANSWERS = "answers"

Step = str | int


class NotPlainJson(Exception):
    """The text is JSON, but not plain; one `Problem` per finding."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(problem.cli_text for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class _Refused:
    """A number literal the hooks would not convert; reported once its key is known."""

    expected: str
    given: str


class _Pairs(dict[str, Any]):
    """An object as parsed, remembering which keys it repeated."""

    repeated: dict[str, int]


def key_path(steps: tuple[Step, ...] | list[Step], whole: str) -> str:
    """`answers.preventives[1].stopped` as an answer key (`preventives[1].stopped`); `whole` if empty."""
    parts = list(steps)
    if len(parts) > 1 and parts[0] == _ANSWERS:
        parts = parts[1:]
    text = ""
    for step in parts:
        text += f"[{step}]" if isinstance(step, int) else (f".{key_text(step)}" if text else key_text(step))
    return text or whole


def _digits(literal: str) -> int:
    mantissa = literal.lower().split("e")[0]
    return sum(char.isdigit() for char in mantissa)


def _number(literal: str, convert: type[int] | type[float]) -> int | float | _Refused:
    digits = _digits(literal)
    if digits > MAX_DIGITS:
        return _Refused(f"expected a number of at most {MAX_DIGITS} digits", f"got {digits} digits: {_short(literal)}")
    return convert(literal)


def _parse_int(literal: str) -> int | _Refused:
    return _number(literal, int)  # type: ignore[return-value]


def _parse_float(literal: str) -> float | _Refused:
    return _number(literal, float)


def _parse_constant(literal: str) -> _Refused:
    return _Refused("expected a JSON number (NaN and Infinity are not JSON)", f"got {literal}")


def _object(pairs: list[tuple[str, Any]]) -> _Pairs:
    result = _Pairs(pairs)
    counts: dict[str, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    result.repeated = {key: count for key, count in counts.items() if count > 1}
    return result


def _key_text(token: str) -> str:
    try:
        return str(json.loads(token))
    except ValueError:
        return token[1:-1]


def too_deep(text: str, whole: str) -> Problem | None:
    """The first container nested deeper than `MAX_DEPTH`, found without recursion."""
    frames: list[list[Any]] = []  # [opener, current key or index, expecting a key]
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("{", "["):
            if len(frames) == MAX_DEPTH:
                where = key_path([frame[1] for frame in frames if frame[1] is not None], whole)
                return Problem(where, f"expected at most {MAX_DEPTH} levels of nesting (the top level is 1)", "got more")
            frames.append([token, None if token == "{" else 0, token == "{"])
        elif token in ("}", "]"):
            if frames:
                frames.pop()
        elif not frames:
            continue
        elif token == ",":
            top = frames[-1]
            if top[0] == "[":
                top[1] += 1
            else:
                top[2] = True
        elif token == ":":
            frames[-1][2] = False
        elif frames[-1][0] == "{" and frames[-1][2]:
            frames[-1][1] = _key_text(token)
    return None


def _text_problem(where: str, text: str, what: str) -> Problem | None:
    found = first_not_plain(text)
    if found is None:
        return None
    return Problem(where, f"expected {what} without control characters or lone surrogates (found {found})",
                   f'got "{one_line(_short(text))}"')


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _findings(value: Any, steps: tuple[Step, ...], whole: str) -> Iterator[Problem]:
    where = key_path(steps, whole)
    if isinstance(value, _Refused):
        yield Problem(where, value.expected, value.given)
    elif isinstance(value, str):
        problem = _text_problem(where, value, "text")
        if problem is not None:
            yield problem
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _findings(item, (*steps, index), whole)
    elif isinstance(value, dict):
        for key, count in getattr(value, "repeated", {}).items():
            yield Problem(key_path((*steps, key), whole), "expected each key once in an object", f"got it {count} times")
        for key, item in value.items():
            problem = _text_problem(key_path((*steps, key), whole), key, "a key")
            if problem is not None:
                yield problem
            yield from _findings(item, (*steps, key), whole)


def loads_plain(text: str, whole: str) -> Any:
    """Decoded JSON, or `NotPlainJson`; `whole` names the file where no key can be named.

    Raises `json.JSONDecodeError` for text that is not JSON at all.
    """
    long = too_long(text)
    if long is not None:
        raise NotPlainJson([Problem(whole, *long)])
    deep = too_deep(text, whole)
    if deep is not None:
        raise NotPlainJson([deep])
    data = json.loads(
        text, object_pairs_hook=_object, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant
    )
    problems = list(_findings(data, (), whole))
    if problems:
        raise NotPlainJson(problems)
    return _plain(data)


def _plain(value: Any) -> Any:
    """Ordinary dicts again, so nothing downstream sees the parser's bookkeeping."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value

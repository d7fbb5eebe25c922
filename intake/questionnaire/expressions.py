"""The tiny operand language of cross-field rules in a form definition.

An operand is one or more terms joined by `+`. A term is a question key
(`headache_days`), `age` (years from `date_of_birth` to the date the answers were given),
`sum(LIST.FIELD)` or `max(LIST.FIELD)` over the rows of a repeating group, or a whole
number. That is enough for every rule the clinical rules need (migraine days <= headache days, onset
age <= age, distinct acute days between the largest row and the row sum, MIDAS items <=
MIDAS A) without putting Python in YAML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

_TERM = re.compile(
    r"^(?:(?P<number>\d+)|(?P<age>age)|(?P<func>sum|max)\((?P<list>[a-z][a-z0-9_]*)\.(?P<field>[a-z][a-z0-9_]*)\)"
    r"|(?P<key>[a-z][a-z0-9_]*))$"
)

AGE_SOURCE = "date_of_birth"


def age_on(birth: date, on: date) -> int:
    """Completed years: someone born on 2008-11-24 is 18 on 2026-11-24, 17 the day before."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class Term:
    kind: str  # number | age | sum | max | key
    key: str = ""
    field: str = ""
    number: int = 0

    def value(self, answers: Mapping[str, Any], authored: date) -> float | None:
        if self.kind == "number":
            return self.number
        if self.kind == "age":
            birth = answers.get(AGE_SOURCE)
            return age_on(birth, authored) if isinstance(birth, date) else None
        if self.kind == "key":
            value = answers.get(self.key)
            return value if isinstance(value, int | float) and not isinstance(value, bool) else None
        rows = answers.get(self.key)
        if not isinstance(rows, list | tuple):
            return None
        values = [row.get(self.field) for row in rows]
        numbers = [value for value in values if isinstance(value, int | float) and not isinstance(value, bool)]
        if self.kind == "sum":
            return sum(numbers)
        return max(numbers, default=None)

    def describe(self) -> str:
        if self.kind == "number":
            return str(self.number)
        if self.kind in ("sum", "max"):
            return f"{self.kind}({self.key}.{self.field})"
        return self.key or self.kind


@dataclass(frozen=True)
class Expression:
    terms: tuple[Term, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """Answer keys the expression reads, in order (age reads date_of_birth)."""
        keys: list[str] = []
        for term in self.terms:
            key = AGE_SOURCE if term.kind == "age" else term.key
            if key and key not in keys:
                keys.append(key)
        return tuple(keys)

    def value(self, answers: Mapping[str, Any], authored: date) -> float | None:
        """The sum of the terms, or None when any term's answer is not given yet."""
        total = 0.0
        for term in self.terms:
            part = term.value(answers, authored)
            if part is None:
                return None
            total += part
        return total

    def describe(self) -> str:
        return " + ".join(term.describe() for term in self.terms)


@lru_cache(maxsize=256)
def parse_expression(text: str) -> Expression:
    terms = []
    for raw in text.split("+"):
        match = _TERM.match(raw.strip())
        if not match:
            raise ValueError(
                f"cannot read {raw.strip()!r} in {text!r}: expected a key, age, sum(LIST.FIELD), max(LIST.FIELD) or a number")
        if match["number"]:
            terms.append(Term("number", number=int(match["number"])))
        elif match["age"]:
            terms.append(Term("age"))
        elif match["func"]:
            terms.append(Term(match["func"], key=match["list"], field=match["field"]))
        else:
            terms.append(Term("key", key=match["key"]))
    return Expression(tuple(terms))

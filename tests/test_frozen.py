"""`Frozen.made` builds what validation would, without it; `per_object` works a result out once per objects."""

from __future__ import annotations

import pytest
from pydantic import Field

from intake.frozen import CACHE_SIZE, Frozen, per_object


class Row(Frozen):
    name: str
    count: int = 0
    tags: list[str] = Field(default_factory=list)
    kind: str | None = Field(default=None, alias="class")


def test_made_is_the_instance_validation_gives() -> None:
    made = Row.made(tags=["a"], kind="x", count=2, name="one")
    validated = Row(name="one", count=2, tags=["a"], **{"class": "x"})

    assert made == validated
    assert list(made.__dict__) == list(validated.__dict__)
    assert made.model_dump_json(by_alias=True) == validated.model_dump_json(by_alias=True) == (
        '{"name":"one","count":2,"tags":["a"],"class":"x"}'
    )
    assert made.model_fields_set == set(Row.model_fields)


def test_made_needs_every_field_defaults_included() -> None:
    with pytest.raises(TypeError, match="kind"):
        Row.made(name="one", count=2, tags=[])


def test_made_refuses_a_name_that_is_no_field() -> None:
    with pytest.raises(TypeError, match="size"):
        Row.made(name="one", count=2, tags=[], kind=None, size=1)


def test_a_made_instance_is_frozen_and_copies_like_any_other() -> None:
    made = Row.made(name="one", count=2, tags=[], kind=None)

    copy = made.model_copy(update={"count": 3})

    assert (copy.count, made.count) == (3, 2)
    assert made.model_fields_set == Row.made(name="two", count=0, tags=[], kind=None).model_fields_set == set(Row.model_fields)
    with pytest.raises(ValueError, match="frozen"):
        made.count = 4  # type: ignore[misc]


def test_per_object_works_out_once_per_objects() -> None:
    calls: list[tuple[Row, Row]] = []

    @per_object
    def pair(first: Row, second: Row) -> tuple[str, str]:
        calls.append((first, second))
        return first.name, second.name

    one, two = Row(name="one"), Row(name="two")
    assert pair(one, two) == pair(one, two) == ("one", "two")
    assert pair(two, one) == ("two", "one")
    assert pair(one.model_copy(), two) == ("one", "two")
    assert len(calls) == 3


def test_per_object_keeps_the_latest_combinations() -> None:
    calls: list[Row] = []

    @per_object
    def name(row: Row) -> str:
        calls.append(row)
        return row.name

    rows = [Row(name=str(number)) for number in range(CACHE_SIZE + 1)]
    for row in rows:
        name(row)
    name(rows[-1])
    name(rows[0])

    assert len(calls) == CACHE_SIZE + 2

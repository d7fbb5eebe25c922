"""Seeded edits of a shipped input's tree (a vignette's response, the form, a policy), for `robustness.py`.

Each sample gets its own `random.Random`, so sample N is the same whatever the counts.
The edits are the ways hand-edited and machine-sent files go wrong: a key dropped,
renamed or retyped, a list item repeated, a value of the wrong type, numbers out of
any range, deep nesting, long text, control and non-ASCII characters (non-ASCII digits
in dates included), a value from another enum, empty lists and mappings.
"""

from __future__ import annotations

import copy
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Path_ = tuple[Any, ...]

EXTREME_NUMBERS: list[Any] = [
    0, -1, -0.0, 0.5, 1e-320, 10**15 - 1, 10**15, 10**16, 10**20, -(10**20), 10**400, 2**63, 2**64 + 1,
    1e308, math.inf, -math.inf, math.nan, 31, 32, 120, 121, 1440, 99999,
]
NUMBER_TEXT = ["NaN", "nan", "inf", "-Infinity", "1e309", "1e999", "0x1F", "1_000", "22", " 22", "22 ", "२२", "２２",
               "²", "Ⅻ", "1,5", "1.5", "-0", "+3"]
ODD_TEXT = [
    "", " ", "\t", "a\nb", "\x00", "\x1b[31mred", "\x7f", "\x85", "\u202etxet", "\ufeff", "\u2028", "\ud800", "\udfff",
    "é", "e\u0301", "日本語", "🙂", "Ⅻ", "२०२६-05", "2026-05\n", "2025-03", "٢٠٢٥-٠٣", "2026-05-01\n", "२०२६-०५-०१",
    "２０２６-０５", "2026-5",
    "2026-13", "2026-00", "0000-01", "9999-12", "1990-02-30", "2026-05-01T00:00", "{label}", "{0}", "{left.__class__}",
    "{label:>99999999999999}", "{right:>99999999999999}", "{left!r:^40}", "{", "}", "%s%s%n", "'; DROP TABLE visits;--",
    "=cmd|' /C calc'!A0", "../../etc/passwd", "Yes", "YES", "yes ", " no", "unknown", "None", "null", "true", "~",
]
FORMAT_TRAPS = ["{label:>99999999999999}", "{right:>99999999999999}", "{label!r:^40}", "{label.__class__}", "{label[0]}",
                "{left:d}", "{0}", "{}", "{left[9]}", "{right.real}", "{name}", "{", "}", "{{label}}"]
"""Wordings a policy or form fills in with `str.format` ({label}, {left}, {right}): what a typo or an attacker puts there."""
DATE_LIKE = ["२०२६-05", "2026-05\n", "2025-03", "٢٠٢٥-٠٣", "２０２６-０５", "2026-5", "2025-13", "1990-02-30", "2026-05-01\n",
             "२०२६-०५-०१", "2025-03-01", "2099-01"]
SUFFIXES = ["\n", " ", "\x00", "\u200b", "é", "\r\n", "\t", "\ud800"]
DIGITS = {"devanagari": "०१२३४५६७८९", "arabic": "٠١٢٣٤٥٦٧٨٩", "fullwidth": "０１２３４５６７８９"}
LONG_TEXT = [1_000, 10_000, 100_000]
DEPTHS = [19, 20, 21, 25, 60, 200]
MANY = [31, 500, 8_000]
MAX_NODES = 100_000
"""No more edits once a tree is this big: "many" on top of "many" would make files of gigabytes."""


@dataclass(frozen=True)
class Pool:
    """The keys and texts found in the shipped inputs: renamed keys and wrong enum values come from here."""

    keys: tuple[str, ...]
    texts: tuple[str, ...]
    ids: tuple[str, ...]
    """The `id` of every entry (the form's questions and row fields, a policy's criteria): keys a response may add."""

    @classmethod
    def of(cls, *trees: Any) -> Pool:
        keys: set[str] = set()
        texts: set[str] = set()
        ids: set[str] = set()
        for tree in trees:
            for node in _nodes(tree):
                if isinstance(node, dict):
                    keys.update(key for key in node if isinstance(key, str))
                    ids.update([node["id"]] if isinstance(node.get("id"), str) else [])
                elif isinstance(node, str) and len(node) < 40:
                    texts.add(node)
        return cls(tuple(sorted(keys)), tuple(sorted(texts)), tuple(sorted(ids)))


def _nodes(tree: Any) -> Iterator[Any]:
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _bigger_than(tree: Any, count: int) -> bool:
    """True when the tree has more than `count` nodes (counted only that far)."""
    return any(seen >= count for seen, _ in enumerate(_nodes(tree)))


def paths(tree: Any) -> list[Path_]:
    """Every node's path (keys and indexes from the top), the top itself first."""
    found: list[Path_] = []
    stack: list[tuple[Path_, Any]] = [((), tree)]
    while stack:
        path, node = stack.pop()
        found.append(path)
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        stack.extend(((*path, step), child) for step, child in items)
    return found


def _get(tree: Any, path: Path_) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def _nested(rng: random.Random, depth: int, leaf: Any) -> Any:
    node = leaf
    for _ in range(depth - 1):
        node = [node] if rng.random() < 0.5 else {"a": node}
    return node


def _other_type(rng: random.Random, value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return rng.choice([1, "yes", [], {}])
    if isinstance(value, int | float):
        return rng.choice([str(value), [value], {"value": value}, True, float(value) + 0.5])
    if isinstance(value, str):
        return rng.choice([[value], {"value": value}, 1, True, len(value), 3.5])
    if isinstance(value, list):
        return rng.choice([{"0": value[0]} if value else {}, "a list", len(value), None])
    return rng.choice([list(value.values()), list(value), "a mapping", 0])


def _foreign_digits(rng: random.Random, value: Any) -> Any:
    digits = DIGITS[rng.choice(sorted(DIGITS))]
    text = value if isinstance(value, str) else str(value)
    return text.translate(str.maketrans("0123456789", digits))


def _new_value(rng: random.Random, pool: Pool, value: Any) -> Any:
    """A replacement for `value`, of one of the kinds that break inputs."""
    kind = rng.choice(["type", "number", "number_text", "deep", "long", "odd", "suffix", "enum", "enum", "empty",
                       "null", "digits", "braces", "many"])
    if kind == "braces" or (isinstance(value, str) and "{" in value and rng.random() < 0.5):
        return rng.choice([str(value) + " " + rng.choice(FORMAT_TRAPS), rng.choice(FORMAT_TRAPS)])
    if kind == "type":
        return _other_type(rng, value)
    if kind == "number":
        return rng.choice(EXTREME_NUMBERS)
    if kind == "number_text":
        return rng.choice(NUMBER_TEXT)
    if kind == "deep":
        return _nested(rng, rng.choice(DEPTHS), value if not isinstance(value, dict | list) else 1)
    if kind == "long":
        return rng.choice("xé日\x01 ") * rng.choice(LONG_TEXT)
    if kind == "odd":
        return rng.choice(ODD_TEXT)
    if kind == "suffix":
        text = value if isinstance(value, str) else str(value)
        return rng.choice([text + rng.choice(SUFFIXES), rng.choice(SUFFIXES) + text])
    if kind == "enum":
        return rng.choice([rng.choice(pool.texts), str(value).upper(), str(value).title()])
    if kind == "empty":
        return rng.choice([[], {}, ""])
    if kind == "digits":
        return _foreign_digits(rng, value)
    if kind == "many":
        items = value if isinstance(value, list) and value else [value]
        many = rng.choice(MANY) if len(repr(items)) < 1000 else MANY[0]
        return [copy.deepcopy(item) for item in items] * (many // len(items) + 1)
    return None


def _renamed(rng: random.Random, pool: Pool, key: Any) -> Any:
    text = str(key)
    return rng.choice([
        text.upper(), text + " ", " " + text, text.replace("a", "\u0430"), rng.choice(pool.keys), rng.choice(ODD_TEXT),
        "", 1, None, True, text + "\x00",
    ])


def _edit_node(rng: random.Random, pool: Pool, tree: Any, path: Path_) -> Any:
    """One edit at `path`; returns the (possibly new) top of the tree."""
    if not path:
        return rng.choice([_new_value(rng, pool, tree), [tree], [], {}, "text", None, 1])
    parent, step = _get(tree, path[:-1]), path[-1]
    edit = rng.choice(["drop", "drop", "repeat", "rename", "add", "value", "value", "value", "value"])
    if edit == "add" and isinstance(parent, dict):
        key = rng.choice(pool.ids if rng.random() < 0.5 else pool.keys + pool.texts)
        parent[key] = rng.choice([rng.choice(pool.texts), rng.choice(ODD_TEXT), rng.choice(DATE_LIKE),
                                  _new_value(rng, pool, rng.choice(pool.texts))])
    elif edit == "drop":
        del parent[step]
    elif edit == "repeat" and isinstance(parent, list):
        parent.insert(step, copy.deepcopy(parent[step]))
    elif edit in ("repeat", "rename") and isinstance(parent, dict):
        new_key = _renamed(rng, pool, step)
        parent[new_key] = parent.pop(step) if edit == "rename" else copy.deepcopy(parent[step])
    else:
        parent[step] = _new_value(rng, pool, parent[step])
    return tree


def mutated_tree(rng: random.Random, pool: Pool, bases: list[Any]) -> Any:
    """A deep copy of one of `bases` with 1-3 edits; one edit in ten is aimed at a wording with placeholders."""
    tree = copy.deepcopy(rng.choice(bases))
    for _ in range(rng.choice([1, 1, 2, 3])):
        if _bigger_than(tree, MAX_NODES):
            break
        every = paths(tree)
        wordings = [path for path in every if path and isinstance(_get(tree, path), str) and "{" in _get(tree, path)]
        tree = _edit_node(rng, pool, tree, rng.choice(wordings if wordings and rng.random() < 0.1 else every))
    return tree



def month_edit(rng: random.Random, tree: Any) -> None:
    """One time in twenty, a preventive row of a response file gets a month like "२०२६-05" or "2026-05\\n"."""
    answers = tree.get("answers") if isinstance(tree, dict) else None
    rows = answers.get("preventives") if isinstance(answers, dict) else None
    if rng.random() < 0.05 and isinstance(rows, list) and rows and isinstance(rows[0], dict):
        rng.choice([row for row in rows if isinstance(row, dict)])[rng.choice(["started", "stopped"])] = rng.choice(DATE_LIKE)


TYPE_KEYS = ("min", "max", "unit", "other_units", "count_aid", "options", "fields", "max_rows", "add_label",
             "add_more_label", "none_label", "min_length", "max_length", "catalog", "quick_picks")
"""The keys of a form question that belong to its type."""
NEW_TYPES: dict[str, dict[str, Any]] = {
    "text": {}, "date": {}, "month": {}, "yes_no_unsure": {}, "integer": {"min": 0, "max": 100}, "number": {"min": 0, "max": 1.5},
    "choice": {"options": [{"value": "one", "label": "One"}, {"value": "two", "label": "Two"}]},
}


def retype_question(rng: random.Random, form: Any) -> None:
    """One time in four, a question of the form changes type, with the keys the new type needs: the swap
    of types a schema check passes, so whatever reads that answer gets the other type."""
    sections = form.get("sections") if isinstance(form, dict) else None
    questions = [question for section in sections if isinstance(section, dict) and isinstance(section.get("questions"), list)
                 for question in section["questions"] if isinstance(question, dict)] if isinstance(sections, list) else []
    if rng.random() < 0.25 and questions:
        question = rng.choice(questions)
        for key in TYPE_KEYS:
            question.pop(key, None)
        kind = rng.choice(sorted(NEW_TYPES))
        question.update(type=kind, **copy.deepcopy(NEW_TYPES[kind]))

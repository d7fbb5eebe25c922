"""Seeded edits of a file's text that no tree can hold, for `robustness.py`.

JSON: a key repeated in one object, deep brackets, long digit strings, `NaN` and
`1e309` literals, escapes of lone surrogates, raw control characters, a BOM, a cut.
YAML besides: anchors and alias bombs, merge keys, tags (`!!python/object`, `!!binary`,
`!!timestamp` ...), YAML 1.1 scalars (`no`, `1:30`, `2026-13-45`), tabs, directives,
several documents, complex and non-text keys, CRLF line ends.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

import yaml

_JSON_PAIR = re.compile(r'"(?:[^"\\]|\\.)*": (?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|NaN|-?Infinity)')
_JSON_VALUE = re.compile(r'(?<=: )(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|NaN|-?Infinity)')
_YAML_PAIR = re.compile(r"^(?P<lead>[ ]*(?:- )?)(?P<key>[A-Za-z_][\w-]*): (?P<value>[^\s|>&*!#].*)$", re.M)

JSON_LITERALS = ["NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e-400", "1E400", "0.0e99999999", "1.5e+999", "-0",
                 '"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '"a\\nb"', '"\\u202e"', '"\\u0085"', "1.0", "22.0", '""']
JSON_WHOLE = ["", " ", "null", "[]", "{}", '"text"', "1e309", "[" * 100_000, '{"answers": ' * 50, "\ufeff{}", "{\"a\":1}x"]
RAW_CHARS = ["\x00", "\n", "\ud800", "\ufeff", "é", "\x85", "\x1b", "\t", "\u2028", "\\"]
TAGS = [
    "!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!python/object:builtins.dict {}",
    "!!binary aGVsbG8=", "!!set {a: null}", "!!omap [{a: 1}]", "!!pairs [[a, 1]]", "!!timestamp 2026-01-01",
    "!!timestamp 2026-13-45", "!!str 15", "!!int '15'", "!!int abc", "!!int 0x1F", "!!float '1e309'", "!!float .nan",
    "!!float abc", "!!bool maybe", "!!null x", "!custom value", "!<tag:yaml.org,2002:str> x", "!!merge x", "!!value x",
    "!!int 99999999999999999999", "!!map []", "!!seq {}",
]
YAML11 = ["yes", "no", "on", "off", "Off", "~", "null", "1:30", "190:20:30", "0o17", "017", "0x1F", "0b101", "1_000",
          ".inf", "-.inf", ".NaN", "1.0e+309", "-1.0e+309", "1e309", "0.1e-400", "2026-01-01", "2026-13-45",
          "2026-02-30", "2026-01-01 10:00:00", "12e3", "+12", "-0", "3.", ".5", "'yes'", '"\\x00"', '"\\U00999999"',
          '"\\ud800"', '"\\N"', '"\\_"', '"\\e"', "'\u0085'", "[]", "{}", "''", "[a, b", "{a: 1", "@reserved", "`tick"]
MERGES = ["<<: {title: merged}", "<<: [{id: one}, {label: two}]", "<<: 5", "<<: *nothing", "<<: {}"]
TOP_LINES = ["1: x", "null: x", "~: x", "true: x", '"": x', "? [a, b]\n: x", "[a, b]: x", "{a: 1}: x", "<<: {zzz: 1}",
             "? |\n  block key\n: x", "&anchor key: x", "*alias : x"]
YAML_WHOLE = ["", "~", "[]", "- a", "just text", "{", "key: [", "!!python/object/apply:os.system ['echo hi']", "\t",
              "%YAML 1.1\n---\n", "--- |\n  text", "a: b\n...\nc: d"]


def _bomb(levels: int = 9) -> str:
    lines = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        lines.append(f"lol{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def _brackets(depth: int) -> str:
    return "[" * depth + "]" * depth


def _replace(rng: random.Random, text: str, pattern: re.Pattern[str], new: str) -> str:
    found = list(pattern.finditer(text))
    if not found:
        return new
    match = rng.choice(found)
    return text[: match.start()] + new + text[match.end():]


def json_text(rng: random.Random, tree: Any) -> str:
    """The tree as JSON (NaN allowed), then, one time in three, one edit of its text."""
    try:
        text = json.dumps(tree, ensure_ascii=rng.random() < 0.5, allow_nan=True, indent=rng.choice([None, 2]))
    except (TypeError, ValueError, RecursionError):
        text = "{}"
    if rng.random() < 2 / 3:
        return text
    edit = rng.choice(["repeat", "repeat", "deep", "digits", "literal", "literal", "raw", "bom", "cut", "whole", "tail"])
    at = rng.randrange(len(text) + 1)
    if edit == "repeat" and _JSON_PAIR.search(text):
        match = rng.choice(list(_JSON_PAIR.finditer(text)))
        return text[: match.start()] + match.group() + ", " + text[match.start():]
    if edit == "deep":
        return _replace(rng, text, _JSON_VALUE, _brackets(rng.choice([21, 1000, 100_000])))
    if edit == "digits":
        return _replace(rng, text, _JSON_VALUE, "9" * rng.choice([16, 400, 5000, 100_000]))
    if edit == "literal":
        return _replace(rng, text, _JSON_VALUE, rng.choice(JSON_LITERALS))
    if edit == "raw":
        return text[:at] + rng.choice(RAW_CHARS) + text[at:]
    if edit == "bom":
        return "\ufeff" + text
    if edit == "cut":
        return text[:at]
    if edit == "whole":
        return rng.choice(JSON_WHOLE)
    return text + rng.choice(["}", " x", "\n\n", "\x00", "]", ",", "{}"])


def _dump_yaml(rng: random.Random, tree: Any) -> str:
    try:
        return yaml.safe_dump(tree, allow_unicode=rng.random() < 0.5, sort_keys=False, width=rng.choice([80, 10**6]))
    except (yaml.YAMLError, RecursionError, TypeError, ValueError):
        return json.dumps(tree, allow_nan=True)


def _yaml_value_edit(rng: random.Random, text: str, edit: str) -> str:
    """`edit` on the value of one `key: value` line (the text unchanged when it has none)."""
    found = list(_YAML_PAIR.finditer(text))
    if not found:
        return text
    match = rng.choice(found)
    lead, line = match["lead"], match.group()
    if edit == "repeat":
        new = line + "\n" + lead.replace("- ", "  ") + line[len(lead):]
    elif edit == "merge":
        new = line + "\n" + lead.replace("- ", "  ") + rng.choice(MERGES)
    elif edit == "anchor":
        new = f"{lead}{match['key']}: &a {match['value']}\n{lead.replace('- ', '  ')}again: *a"
    else:
        value = {
            "tag": lambda: rng.choice(TAGS),
            "yaml11": lambda: rng.choice(YAML11),
            "deep": lambda: _brackets(rng.choice([21, 1000, 100_000])),
            "digits": lambda: "9" * rng.choice([16, 400, 5000]),
            "raw": lambda: match["value"] + rng.choice(RAW_CHARS),
            "long": lambda: "x" * rng.choice([10_000, 1_000_000]),
        }[edit]()
        new = f"{lead}{match['key']}: {value}"
    return text[: match.start()] + new + text[match.end():]


def yaml_text(rng: random.Random, tree: Any) -> str:
    """The tree as YAML, then, one time in two, one edit of its text (YAML's own tricks among them)."""
    text = _dump_yaml(rng, tree)
    if rng.random() < 0.5:
        return text
    edit = rng.choice(["repeat", "merge", "anchor", "tag", "tag", "yaml11", "yaml11", "deep", "digits", "raw", "long",
                       "bomb", "top", "tabs", "documents", "directive", "crlf", "bom", "cut", "whole"])
    if edit in ("repeat", "merge", "anchor", "tag", "yaml11", "deep", "digits", "raw", "long"):
        return _yaml_value_edit(rng, text, edit)
    if edit == "bomb":
        return _bomb() + text
    if edit == "top":
        return rng.choice(TOP_LINES) + "\n" + text
    if edit == "tabs":
        return re.sub(r"^  ", "\t", text, count=rng.choice([1, 5, 0]), flags=re.M)
    if edit == "documents":
        return text + rng.choice(["---\n", "\n---\n" + text, "--- !!python/object:os.system\n", "...\n"])
    if edit == "directive":
        return rng.choice(["%YAML 1.1\n---\n", "%YAML 2.0\n---\n", "%TAG ! tag:example.com,2000:\n---\n"]) + text
    if edit == "crlf":
        return text.replace("\n", "\r\n")
    if edit == "bom":
        return "\ufeff" + text
    if edit == "cut":
        return text[: rng.randrange(len(text) + 1)]
    return rng.choice(YAML_WHOLE)

"""Random and mutated input files (hypothesis strategies): whatever arrives, exit 0 or 2.

A plain module like `cases`, shared by the property tests and `benchmarks/fuzz_inputs.py`.
Each strategy draws the bytes of a file: a shipped file (a vignette's response, its FHIR
form, a policy) with a few random edits to its tree and, sometimes, to its text, so most
examples get past the parser and reach the rules.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml
from hypothesis import strategies as st

from cases import VIGNETTES
from intake.eligibility import load_rules
from intake.interop.fhir_response import to_questionnaire_response
from intake.paths import POLICIES_DIR
from intake.questionnaire.loader import default_form

FORM = default_form()
QUESTION_IDS = [question.id for question in FORM.questions()]
FIELD_IDS = sorted({field.id for question in FORM.questions() for field in question.fields})
CATALOG = load_rules("us-payer").catalog
CLASS_IDS = [drug_class.id for drug_class in CATALOG.classes]
RESPONSES = [case["response"] for case in VIGNETTES]
FHIR_RESPONSES = [to_questionnaire_response(FORM, response) for response in RESPONSES[:4]]
POLICY_FILES = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(POLICIES_DIR.glob("*.yaml"))]

ODD_TEXT = ["", " ", "a\nb", "error: forged", "\x00", "\x1f", "\x7f", "\x9f", "\xa0", "\ud800", "\udfff",
            "é", "日本", "\u2028", "es-MX", "es_MX", "x-klingon", "2026-11-24", "2026-13", "2027-01", "1990-02-30"]
odd_text = st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=12),
                 st.text(st.characters(min_codepoint=0, max_codepoint=0xDFFF), max_size=6))
number = st.one_of(
    st.integers(-2, 40), st.integers(-(10**20), 10**20), st.sampled_from([0, 1, 15, 31, 120, 520, 1440, 10**15, 10**16]),
    st.floats(allow_nan=True, allow_infinity=True),
)
leaf = st.one_of(st.none(), st.booleans(), number, odd_text,
                 st.sampled_from(["yes", "no", "unsure", "male", "female", "ineffective", "still_taking"]),
                 st.sampled_from(QUESTION_IDS + FIELD_IDS + CLASS_IDS + ["age", "review", "note"]))
json_value = st.recursive(leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3),
                     max_leaves=6)
any_key = st.one_of(st.sampled_from(QUESTION_IDS + FIELD_IDS + ["form", "authored", "language", "answers"]), odd_text)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for name, item in node.items():
            found += _paths(item, (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += _paths(item, (*path, index))
    return found


def _parent(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        tree = tree[step]
    return tree


@st.composite
def mutated_tree(draw: st.DrawFn, bases: list[Any]) -> Any:
    """A copy of one of `bases` with 0-3 edits: a node replaced, removed, or a key or item added."""
    tree = copy.deepcopy(draw(st.sampled_from(bases)))
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_paths(tree)))
        edit = draw(st.sampled_from(["replace", "remove", "add"]))
        if not path:
            tree = draw(json_value) if edit == "replace" else tree
            continue
        parent = _parent(tree, path)
        if edit == "replace":
            parent[path[-1]] = draw(json_value)
        elif edit == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(any_key)] = draw(json_value)
        else:
            parent.insert(path[-1], copy.deepcopy(parent[path[-1]]) if draw(st.booleans()) else draw(json_value))
    return tree


@st.composite
def mutated_text(draw: st.DrawFn, text_of_tree: str) -> bytes:
    """The text with, sometimes, one edit no tree can hold: a repeated key, deep nesting, a
    very long number, a stray character, a cut; then encoded, lone surrogates and all."""
    text = text_of_tree
    edit = draw(st.sampled_from(["none", "none", "repeat", "deep", "digits", "insert", "cut", "bom"]))
    at = draw(st.integers(0, len(text)))
    if edit == "repeat" and '"answers": {' in text:
        text = text.replace('"answers": {', '"answers": {"headache_days": 3, ', 1)
    elif edit == "deep":
        depth = draw(st.sampled_from([19, 20, 21, 1000, 100_000]))
        text = text[:at] + "[" * depth + "]" * depth + text[at:]
    elif edit == "digits":
        text = text[:at] + "9" * draw(st.sampled_from([15, 16, 400, 5000])) + text[at:]
    elif edit == "insert":
        text = text[:at] + draw(odd_text) + text[at:]
    elif edit == "cut":
        text = text[:at]
    elif edit == "bom":
        text = "\ufeff" + text
    return text.encode("utf-8", "surrogatepass")


@st.composite
def response_files(draw: st.DrawFn) -> bytes:
    """A response file (ours or FHIR), mutated."""
    tree = draw(mutated_tree(RESPONSES if draw(st.integers(0, 4)) else FHIR_RESPONSES))
    return draw(mutated_text(json.dumps(tree, ensure_ascii=draw(st.booleans()), allow_nan=True)))


@st.composite
def policy_files(draw: st.DrawFn) -> bytes:
    """A shipped policy, mutated."""
    tree = draw(mutated_tree(POLICY_FILES))
    try:
        text = yaml.safe_dump(tree, allow_unicode=draw(st.booleans()))
    except yaml.YAMLError:
        text = json.dumps(tree, allow_nan=True)
    return draw(mutated_text(text))

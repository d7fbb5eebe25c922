"""Properties over generated responses (hypothesis): safety rules that must always hold."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import POLICIES, VIGNETTES
from intake.cli import main
from intake.eligibility import Outcome, evaluate, load_rules
from intake.plain_text import key_text
from intake.questionnaire.loader import default_form
from intake.questionnaire.response import InvalidResponse, parse_response

FORM = default_form()
RED_FLAGS = load_rules("us-payer").policy.red_flags
BASES = [case["response"] for case in VIGNETTES]
CATALOG_NAMES = ["topiramate", "Topamax", "propranolol", "metoprolol", "amitriptyline", "venlafaxine", "candesartan",
                 "verapamil", "erenumab", "atogepant", "rimegepant", "gabapentin", "magnesium", "Mystery pill"]
OUTCOMES = ["ineffective", "not_tolerated", "contraindicated", "still_taking", "helped"]

trial = st.fixed_dictionaries(
    {"medicine": st.sampled_from(CATALOG_NAMES), "outcome": st.sampled_from(OUTCOMES)},
    optional={"weeks": st.integers(0, 520)},
)
policy = st.sampled_from(POLICIES)
base = st.sampled_from(BASES).map(copy.deepcopy)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def valid_responses(draw: st.DrawFn) -> dict[str, Any]:
    """A vignette with its headache numbers and preventive trials replaced at random."""
    data = draw(base)
    answers = data["answers"]
    headache = draw(st.integers(0, 31))
    answers["headache_days"] = headache
    answers["migraine_days"] = draw(st.integers(0, headache))
    answers["hours_per_day"] = draw(st.one_of(st.integers(0, 24), st.floats(0, 24, allow_nan=False)))
    answers["duration_months"] = draw(st.integers(0, 1440))
    answers["preventives"] = draw(st.lists(trial, max_size=8))
    for key in ("rf_cancer", "botulinum_allergy", "aura", "anticoagulant"):
        answers[key] = draw(st.sampled_from(["yes", "no", "unsure"]))
    if draw(st.booleans()):
        dropped = draw(st.sampled_from(["migraine_days", "prior_botox", "onset_age", "rf_systemic"]))
        answers.pop(dropped, None)
        if dropped == "prior_botox":  # its follow-ups are hidden now, and answering them is invalid
            for key in [key for key in answers if key.startswith("botox_")]:
                del answers[key]
    return data


@SLOW
@given(valid_responses(), policy)
def test_random_valid_responses_never_crash(data, policy_name) -> None:
    result = evaluate(parse_response(data, FORM), load_rules(policy_name), FORM)
    assert result.outcome in Outcome


@SLOW
@given(valid_responses(), policy, st.sampled_from(RED_FLAGS), st.sampled_from(["yes", "unsure"]))
def test_any_red_flag_gives_urgent_review(data, policy_name, flag, answer) -> None:
    if flag == "rf_pregnancy_new_headache":
        data["answers"]["sex_at_birth"] = "female"
    data["answers"][flag] = answer
    result = evaluate(parse_response(data, FORM), load_rules(policy_name), FORM)
    assert result.outcome is Outcome.URGENT_REVIEW
    assert flag in result.red_flags


@SLOW
@given(valid_responses(), policy, st.sampled_from(["not_tolerated", "contraindicated"]), st.sampled_from(CATALOG_NAMES))
def test_adding_a_failed_preventive_never_turns_refer_into_not_eligible(data, policy_name, outcome, medicine) -> None:
    rules = load_rules(policy_name)
    before = evaluate(parse_response(data, FORM), rules, FORM)
    data["answers"]["preventives"].append({"medicine": medicine, "outcome": outcome, "weeks": 4})
    after = evaluate(parse_response(data, FORM), rules, FORM)
    if before.outcome is Outcome.REFER:
        assert after.outcome is not Outcome.NOT_ELIGIBLE
    assert after.failed_classes >= before.failed_classes
    assert after.failed_medicines >= before.failed_medicines


BAD_VALUES = st.one_of(st.text(max_size=5), st.booleans(), st.floats(allow_nan=True), st.integers(-1000, -1),
                       st.integers(1441, 10**6), st.lists(st.integers(), max_size=2),
                       st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
INTEGER_KEYS = ["headache_days", "migraine_days", "onset_age", "duration_months", "acute_distinct_days", "acute_months"]


@SLOW
@given(base, st.sampled_from([*INTEGER_KEYS, "prior_botox", "date_of_birth", "preventives", "given_name"]), BAD_VALUES)
def test_invalid_answers_exit_2_naming_the_key(tmp_path_factory, data, key, value) -> None:
    data["answers"][key] = value
    try:
        parse_response(data, FORM)
    except InvalidResponse as invalid:
        assert any(problem.key.startswith(key) or key in problem.expected for problem in invalid.problems)
    else:
        return  # the random value happened to be valid for this key (e.g. a short name)
    path = tmp_path_factory.mktemp("bad") / "response.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        main(["assess", str(path), "--json"])
    except SystemExit as exit_:
        assert exit_.code == 2
    else:
        raise AssertionError("an invalid file was assessed")


@SLOW
@given(base, st.text(min_size=1, max_size=12).filter(lambda key: key not in {q.id for q in FORM.questions()}))
def test_unknown_keys_are_named(data, key) -> None:
    data["answers"][key] = 1
    try:
        parse_response(data, FORM)
    except InvalidResponse as invalid:
        assert key_text(key) in [problem.key for problem in invalid.problems]  # escaped, and quoted when blank
    else:
        raise AssertionError("unknown key accepted")


ACUTE_NAMES = ["sumatriptan", "Maxalt", "ibuprofen", "paracetamol", "codeine", "Excedrin", "ergotamine", "ubrogepant",
               "lasmiditan", "topiramate", "Zolvadin"]


@st.composite
def with_acute_rows(draw: st.DrawFn, unlisted_days: st.SearchStrategy[int] | None = None) -> dict[str, Any]:
    """A valid response whose acute medicines are drawn, optionally with an unlisted one on given days."""
    data = draw(valid_responses())
    rows = draw(st.lists(st.fixed_dictionaries({"medicine": st.sampled_from(ACUTE_NAMES), "days_per_month": st.integers(0, 31)}),
                         min_size=0 if unlisted_days is not None else 1, max_size=4))
    if unlisted_days is not None:
        rows.append({"medicine": "Migrastop", "days_per_month": draw(unlisted_days)})
    days = [row["days_per_month"] for row in rows]
    answers = data["answers"]
    answers["acute_medicines"] = rows
    answers["acute_distinct_days"] = draw(st.integers(max(days), min(31, sum(days))))
    answers["acute_months"] = draw(st.integers(0, 1440))
    return data


@SLOW
@given(with_acute_rows(st.integers(10, 31)), policy, st.integers(4, 1440))
def test_unlisted_acute_medicine_on_ten_days_for_over_three_months_never_refers(data, policy_name, months) -> None:
    data["answers"]["acute_months"] = months
    result = evaluate(parse_response(data, FORM), load_rules(policy_name), FORM)
    assert result.outcome is not Outcome.REFER
    assert "unknown_acute_overuse" in [r.code for r in [*result.reasons, *result.notes]]


@SLOW
@given(with_acute_rows(), policy)
def test_every_overuse_finding_names_an_ichd3_8_2_code(data, policy_name) -> None:
    result = evaluate(parse_response(data, FORM), load_rules(policy_name), FORM)
    codes = {"triptan": "8.2.2", "ergot": "8.2.1", "opioid": "8.2.4", "combination_analgesic": "8.2.5"}
    for finding in result.medication_overuse.findings:
        expected = {"pooled": "8.2.3", "multiple_classes": "8.2.6"}.get(finding.rule) or codes[finding.classes[0]]
        assert finding.ichd3 == expected

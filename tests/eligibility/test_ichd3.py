"""The ICHD-3 panel: each item under yes / no / not sure / absent answers, and that it never decides."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import POLICIES, VIGNETTES
from intake.eligibility import evaluate, load_rules
from intake.eligibility.assessment import MedicationOveruse, OveruseFinding, ScreeningAnswer
from intake.eligibility.ichd3 import (
    ATTACK_FEATURES,
    assess_ichd3,
    associated_symptoms,
    attack_duration,
    attacks,
    headache_frequency,
    migraine_frequency,
    other_diagnoses,
    pain_features,
)
from intake.questionnaire.engine import visible
from intake.questionnaire.form import QuestionType
from intake.questionnaire.loader import default_form
from intake.questionnaire.response import InvalidResponse, parse_response
from intake.summary import format_summary

FORM = default_form()
ALL_YES = dict.fromkeys(ATTACK_FEATURES, "yes")
CHRONIC = {"headache_days": 22, "migraine_days": 12, "hours_per_day": 8, "duration_months": 24}
NO_OVERUSE = MedicationOveruse(
    present=False, findings=[], days_per_class={}, distinct_days=None, acute_months=None, more_than_months=3
)
PAIN = ("pain_one_sided", "pain_throbbing", "pain_moderate_severe", "pain_worse_activity")


def _status(answers: dict[str, Any], flags: list[ScreeningAnswer] | None = None) -> dict[str, str]:
    panel = assess_ichd3(answers, FORM, flags or [], NO_OVERUSE)
    return {item.id: item.status.value for item in panel.items}


def _pain(*values: str | None) -> dict[str, str]:
    return {key: value for key, value in zip(PAIN, values, strict=True) if value is not None}


def _flag(answer: str) -> ScreeningAnswer:
    return ScreeningAnswer(key="rf_thunderclap", kind="red_flag", label="Sudden worst headache", answer=answer,
                           flagged=answer in ("yes", "unsure"))


def _finding(rule: str, classes: list[str]) -> OveruseFinding:
    return OveruseFinding(rule=rule, classes=classes, days=12, threshold=10, text="...", ichd3="8.2.2")  # type: ignore[arg-type]


# 1.1 B -----------------------------------------------------------------------------


@pytest.mark.parametrize(("hours", "status"), [(4, "met"), (24, "met"), (3.5, "unmet"), (0, "unmet"), (None, "unknown")])
def test_attack_duration_reads_hours_per_day(hours, status) -> None:
    answers = {} if hours is None else {"hours_per_day": hours}
    item = attack_duration(answers)
    assert item.status.value == status
    assert ("not answered" in item.basis) == (hours is None)


# 1.1 C: two or more yes; unmet when fewer than two can still hold -----------------


@pytest.mark.parametrize(
    ("values", "status"),
    [
        (("yes", "yes", "no", "no"), "met"),
        (("yes", "yes", "yes", "yes"), "met"),
        (("yes", "yes", None, "unsure"), "met"),
        (("yes", "no", "no", "no"), "unmet"),
        (("no", "no", "no", "no"), "unmet"),
        (("unsure", "no", "no", "no"), "unmet"),
        ((None, "no", "no", "no"), "unmet"),
        (("yes", "unsure", "no", "no"), "unknown"),
        (("yes", None, "no", "no"), "unknown"),
        (("unsure", "unsure", "no", "no"), "unknown"),
        ((None, None, None, None), "unknown"),
        (("yes", "unsure", "no", "unsure"), "unknown"),
    ],
)
def test_pain_features(values, status) -> None:
    assert pain_features(_pain(*values), FORM).status.value == status


def test_pain_features_basis_gives_each_answer_in_words() -> None:
    basis = pain_features(_pain("yes", "unsure", "no", None), FORM).basis
    assert basis == ("1 of 4 answered yes: Pain on one side: yes; Throbbing pain: not sure; "
                     "Moderate or severe pain: no; Worse with activity: not answered")


# 1.1 D: nausea, or both light and noise ------------------------------------------


@pytest.mark.parametrize(
    ("nausea", "light", "noise", "status"),
    [
        ("yes", None, None, "met"),
        ("yes", "no", "no", "met"),
        ("no", "yes", "yes", "met"),
        (None, "yes", "yes", "met"),
        ("no", "yes", "no", "unmet"),
        ("no", "no", "no", "unmet"),
        ("no", "unsure", "no", "unmet"),
        ("no", None, "no", "unmet"),
        ("no", "yes", "unsure", "unknown"),
        ("no", "yes", None, "unknown"),
        ("unsure", "no", "no", "unknown"),
        (None, "no", "no", "unknown"),
        (None, None, None, "unknown"),
        ("unsure", "unsure", "unsure", "unknown"),
    ],
)
def test_associated_symptoms(nausea, light, noise, status) -> None:
    answers = {key: value for key, value in
               (("nausea", nausea), ("light_sensitive", light), ("noise_sensitive", noise)) if value is not None}
    assert associated_symptoms(answers, FORM).status.value == status


# 1.3 A: 15 or more headache days, for more than 3 months -------------------------


@pytest.mark.parametrize(
    ("days", "months", "status"),
    [
        (15, 4, "met"),
        (22, 24, "met"),
        (14, 24, "unmet"),
        (22, 3, "unmet"),
        (None, 3, "unmet"),
        (14, None, "unmet"),
        (None, 24, "unknown"),
        (22, None, "unknown"),
        (None, None, "unknown"),
    ],
)
def test_headache_frequency_needs_more_than_three_months(days, months, status) -> None:
    answers = {key: value for key, value in (("headache_days", days), ("duration_months", months)) if value is not None}
    assert headache_frequency(answers).status.value == status


def test_headache_frequency_basis() -> None:
    assert headache_frequency(CHRONIC).basis == "22 headache days a month, for 24 months"
    assert headache_frequency({"duration_months": 4}).basis == "headache days not answered, for 4 months"


# 1.3 B: at least 5 attacks fulfilling 1.1 B-D or 1.2 -----------------------------


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({}, "met"),
        ({"migraine_days": 1, "duration_months": 4}, "unmet"),
        ({"migraine_days": 0}, "unmet"),
        ({"migraine_days": 1, "duration_months": 5}, "met"),
        ({"nausea": "no", "light_sensitive": "no"}, "unmet"),
        ({"pain_one_sided": "no", "pain_throbbing": "no", "pain_moderate_severe": "no"}, "unmet"),
        ({"nausea": "no", "light_sensitive": "no", "aura": "yes"}, "met"),
        ({"nausea": "no", "light_sensitive": "no", "aura": "unsure"}, "unmet"),
        ({"hours_per_day": 2}, "unknown"),
        ({"hours_per_day": None}, "unknown"),
        ({"hours_per_day": 2, "aura": "yes"}, "met"),
        ({"nausea": "unsure", "light_sensitive": "unsure"}, "unknown"),
        ({"migraine_days": None}, "unknown"),
        ({"migraine_days": None, "nausea": "no", "light_sensitive": "no"}, "unmet"),
        ({"migraine_days": None, "aura": "yes"}, "unknown"),
    ],
)
def test_attacks(changes, status) -> None:
    answers = {key: value for key, value in {**CHRONIC, **ALL_YES, **changes}.items() if value is not None}
    assert _status(answers)["1.3B"] == status


def test_attacks_with_no_feature_answered_stay_unknown_and_aura_is_reported() -> None:
    assert _status(CHRONIC)["1.3B"] == "unknown"
    panel = assess_ichd3({**CHRONIC, "aura": "yes"}, FORM, [], NO_OVERUSE)
    b = next(item for item in panel.items if item.id == "1.3B")
    assert b.status.value == "met"
    assert b.basis == ("12 migraine days a month x 24 months = 288 (needs 5 or more); "
                       "1.1 B met, C unknown, D unknown; aura reported (1.2 possible)")
    assert "aura reported (1.2 possible)" not in assess_ichd3({**CHRONIC, "aura": "unsure"}, FORM, [], NO_OVERUSE).items[4].basis


def test_attacks_reads_the_feature_items_it_is_given() -> None:
    answers = {**CHRONIC, **ALL_YES}
    items = attack_duration(answers), pain_features(answers, FORM), associated_symptoms(answers, FORM)
    assert attacks(answers, *items).status.value == "met"


# 1.3 C: 8 or more migraine days, for more than 3 months, with 1.1 C and D --------


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({}, "met"),
        ({"migraine_days": 8, "duration_months": 4}, "met"),
        ({"migraine_days": 7}, "unmet"),
        ({"duration_months": 3}, "unmet"),
        ({"migraine_days": 7, "nausea": None}, "unmet"),
        ({"hours_per_day": 2}, "met"),
        ({"nausea": "no", "light_sensitive": "no"}, "unknown"),
        ({"pain_one_sided": "no", "pain_throbbing": "no", "pain_moderate_severe": "no"}, "unknown"),
        ({"nausea": "no", "light_sensitive": "no", "aura": "yes"}, "met"),
        ({"nausea": "unsure", "light_sensitive": "unsure"}, "unknown"),
        ({"migraine_days": None}, "unknown"),
        ({"duration_months": None}, "unknown"),
    ],
)
def test_migraine_frequency(changes, status) -> None:
    answers = {key: value for key, value in {**CHRONIC, **ALL_YES, **changes}.items() if value is not None}
    assert _status(answers)["1.3C"] == status


def test_migraine_frequency_basis() -> None:
    answers = {**CHRONIC, **ALL_YES}
    item = migraine_frequency(answers, pain_features(answers, FORM), associated_symptoms(answers, FORM))
    assert item.basis == "12 migraine days a month, for 24 months; 1.1 C met, D met"


# 1.3 D: always the clinician's ---------------------------------------------------


def test_other_diagnoses_lists_red_flags_answered_yes_or_unsure() -> None:
    assert other_diagnoses([_flag("no")], NO_OVERUSE).basis == "red flags: none; medication overuse: not present"
    item = other_diagnoses([_flag("unsure"), _flag("no")], NO_OVERUSE)
    assert item.status.value == "clinician"
    assert item.basis.startswith("red flags answered yes or not sure: Sudden worst headache;")


def test_other_diagnoses_names_the_overuse_subtype() -> None:
    overuse = NO_OVERUSE.model_copy(update={"present": True, "findings": [_finding("class", ["triptan"])]})
    assert other_diagnoses([], overuse).basis == (
        "red flags: none; medication overuse 8.2.2 present: if both are confirmed, ICHD-3 codes both"
    )



# Summary line --------------------------------------------------------------------


def test_summary_consistent() -> None:
    panel = assess_ichd3({**CHRONIC, **ALL_YES}, FORM, [_flag("no")], NO_OVERUSE)
    assert panel.summary == "Answers are consistent with ICHD-3 1.3 chronic migraine (patient-reported)"


def test_summary_red_flags_come_first() -> None:
    panel = assess_ichd3({**CHRONIC, **ALL_YES}, FORM, [_flag("unsure")], NO_OVERUSE)
    assert panel.summary == "Answers meet ICHD-3 1.3 A-C, but red flags come first (D)"


def test_summary_lists_unknown_items() -> None:
    assert assess_ichd3(CHRONIC, FORM, [], NO_OVERUSE).summary == "Cannot tell from the answers: B, C unknown"


def test_summary_unmet_comes_before_unknown() -> None:
    answers = {"headache_days": 10, "migraine_days": 5, "hours_per_day": 8, "duration_months": 24}
    assert assess_ichd3(answers, FORM, [_flag("yes")], NO_OVERUSE).summary == "Answers do not meet ICHD-3 1.3: A, C"
    assert assess_ichd3({**answers, "migraine_days": 2, "duration_months": 2}, FORM, [], NO_OVERUSE).summary == (
        "Answers do not meet ICHD-3 1.3: A, B, C"
    )


# In the assessment ---------------------------------------------------------------


def test_json_shape(v01, assess) -> None:
    v01["answers"].update(ALL_YES)
    panel = assess(v01).to_json_dict()["ichd3"]
    assert set(panel) == {"summary", "items"}
    assert [item["id"] for item in panel["items"]] == ["1.1B", "1.1C", "1.1D", "1.3A", "1.3B", "1.3C", "1.3D"]
    for item in panel["items"]:
        assert set(item) == {"id", "label", "status", "basis"}
        assert item["status"] in ("met", "unmet", "unknown", "clinician") and item["label"] and item["basis"]
    assert panel["summary"] == "Answers are consistent with ICHD-3 1.3 chronic migraine (patient-reported)"


def test_red_flags_and_onset_age_reach_item_d(v01, assess) -> None:
    v01["answers"].update(ALL_YES, rf_cancer="unsure", onset_age=20)
    d = assess(v01).ichd3.items[-1]
    assert d.basis.startswith("red flags answered yes or not sure: ")
    assert FORM.question("rf_cancer").label in d.basis


def test_readable_summary_prints_the_panel(v01, assess) -> None:
    v01["answers"].update(ALL_YES, nausea="no", light_sensitive="unsure")
    text = format_summary(assess(v01))
    assert "ICHD-3 (shown, does not decide): Cannot tell from the answers: B, C unknown" in text
    assert "  1.1D  unknown   Nausea or vomiting: no; Bothered by light: not sure; Bothered by noise: yes" in text
    assert "  1.3D  clinician red flags: none" in text


def test_unanswered_attack_features_give_no_note_but_other_optional_questions_still_do(v01, assess) -> None:
    del v01["answers"]["sex_at_birth"]
    result = assess(v01)
    unanswered = [note.text for note in result.notes if note.code == "unanswered"]
    assert unanswered and all(FORM.question(key).label not in " ".join(unanswered) for key in ATTACK_FEATURES)
    assert any("Sex" in text for text in unanswered)


@st.composite
def feature_answers(draw: st.DrawFn) -> dict[str, str]:
    """Any mix of yes / no / not sure / unanswered, aura included."""
    keys = draw(st.lists(st.sampled_from([*ATTACK_FEATURES, "aura"]), unique=True))
    return {key: draw(st.sampled_from(["yes", "no", "unsure"])) for key in keys}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VIGNETTES), st.sampled_from(POLICIES), feature_answers())
def test_the_panel_never_changes_the_outcome(case, policy, features) -> None:
    rules = load_rules(policy)
    plain = copy.deepcopy(case["response"])
    for key in [*ATTACK_FEATURES, "aura"]:
        plain["answers"].pop(key, None)
    with_features = copy.deepcopy(plain)
    with_features["answers"].update(features)
    before = evaluate(parse_response(plain, FORM), rules, FORM)
    after = evaluate(parse_response(with_features, FORM), rules, FORM)
    assert after.outcome is before.outcome
    assert after.reasons == before.reasons
    assert after.criteria == before.criteria and after.missing == before.missing
    assert [n for n in after.notes if n.code != "unanswered"] == [n for n in before.notes if n.code != "unanswered"]


# The form -------------------------------------------------------------------------


@pytest.mark.parametrize("key", ATTACK_FEATURES)
def test_attack_features_are_optional_yes_no_unsure_questions_about_the_headache_pattern(key) -> None:
    question = FORM.question(key)
    assert question.type is QuestionType.YES_NO_UNSURE
    assert not question.required
    assert not question.enable_when
    assert FORM.section_of(key).id == "headache_pattern"


@pytest.mark.parametrize("answers", [{}, {"sex_at_birth": "male"}, {"acute_medicines": [], "prior_botox": "no"}])
def test_attack_features_are_always_shown(answers) -> None:
    shown = {question.id for question in visible(FORM, answers, frozenset())}
    assert set(ATTACK_FEATURES) <= shown


def test_the_features_come_before_migraine_days_so_the_patient_counts_with_them_in_mind() -> None:
    order = [question.id for question in FORM.section_of("migraine_days").questions]
    assert all(order.index(key) < order.index("migraine_days") for key in ATTACK_FEATURES)
    assert "triptan" in FORM.question("migraine_days").help
    assert FORM.version == "2026.2"


def test_an_attack_feature_answer_outside_yes_no_unsure_is_invalid(v01) -> None:
    v01["answers"]["pain_throbbing"] = "sometimes"
    with pytest.raises(InvalidResponse) as error:
        parse_response(v01, FORM)
    assert "pain_throbbing" in str(error.value)

"""A policy that loads can never break an assessment: what it names must exist, thresholds >= 1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from intake.eligibility import load_rules
from intake.eligibility.policy import POLICIES_DIR, Criterion, Policy
from intake.eligibility.policy_checks import KIND_READS, form_problems, needed_by_problems, policy_problems
from intake.questionnaire.form import Form
from intake.yamlfile import DataFileError


def _policy(name: str = "us-payer") -> dict[str, Any]:
    return yaml.safe_load((POLICIES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def _refused(tmp_path: Path, change: Callable[[dict[str, Any]], object], name: str = "us-payer") -> list[str]:
    data = _policy(name)
    change(data)
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_rules(str(path))
    assert raised.value.path == path.resolve()
    return raised.value.problems


@pytest.mark.parametrize("name", ["us-payer", "nice-ta260"])
def test_shipped_policies_pass(name, form, us_rules) -> None:
    assert policy_problems(Policy.model_validate(_policy(name)), us_rules.catalog, form) == []


def test_a_typo_in_a_red_flag_key_is_refused(tmp_path) -> None:
    assert _refused(tmp_path, lambda d: d["red_flags"].__setitem__(3, "rf_thunderclp")) == [
        "red_flags[3]: expected a question of the form of type yes_no_unsure, got 'rf_thunderclp' (no such question)",
        "red_flags: expected exactly the questions the form marks red_flag: true; missing rf_thunderclap",
    ]


def test_a_policy_names_exactly_the_forms_red_flags(tmp_path) -> None:
    """The live alert reads the form's marks, the summary the policy's list: they must agree."""

    def drop_one_add_one(data: dict[str, Any]) -> None:
        data["red_flags"].remove("rf_cancer")
        data["red_flags"].remove("rf_valsalva")
        data["red_flags"].append("pregnant")

    assert _refused(tmp_path, drop_one_add_one) == [
        "red_flags: expected exactly the questions the form marks red_flag: true; missing rf_cancer, rf_valsalva; "
        "not marked in the form: pregnant"
    ]


def test_the_message_names_the_policy_file(tmp_path) -> None:
    data = _policy()
    data["red_flags"].remove("rf_cancer")
    path = tmp_path / "our-clinic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_rules(str(path))
    expected = "red_flags: expected exactly the questions the form marks red_flag: true; missing rf_cancer"
    assert str(raised.value) == f"{path.resolve()}: {expected}"


@pytest.mark.parametrize(("field", "key", "kind"), [("cautions", "headache_days", "integer"), ("notes", "given_name", "text"),
                                                    ("red_flags", "sex_at_birth", "choice")])
def test_screening_keys_must_be_yes_no_unsure_questions(tmp_path, field, key, kind) -> None:
    def add(data: dict) -> None:
        data[field].append(key)
        if field == "notes":
            data["note_wording"][key] = {"when_yes": "Said yes.", "when_unsure": "Not sure."}

    [problem] = _refused(tmp_path, add)
    where = f"{field}[{len(_policy()[field])}]"
    assert problem == f"{where}: expected a question of the form of type yes_no_unsure, got {key!r} (type {kind})"


def test_a_key_listed_twice_is_refused(tmp_path) -> None:
    assert _refused(tmp_path, lambda d: d["cautions"].append("pregnant")) == [
        "cautions[8]: expected each key once, got 'pregnant' again"
    ]


@pytest.mark.parametrize(("answer", "got"), [("given_name", "(type text)"), ("preventives", "(type group)"),
                                             ("headache_dayz", "(no such question)")])
def test_a_minimum_criterion_needs_a_number_answer(tmp_path, answer, got) -> None:
    assert _refused(tmp_path, lambda d: d["criteria"][2].update(answer=answer)) == [
        f"criteria[2].answer: expected a question of the form of type integer or number, got {answer!r} {got}"
    ]


def test_age_and_number_answers_are_fine(tmp_path) -> None:
    data = _policy()
    data["criteria"][2].update(answer="hours_per_day")
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_rules(str(path)).policy.criteria[0].answer == "age"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: (d["overuse"]["class_days"].update(triptanz=10), d["overuse"]["ichd3"].update(triptanz="8.2.2")),
         "overuse.class_days: 'triptanz' is not an acute class in the medicine catalog"),
        (lambda d: d["overuse"]["multiple_classes"].append("beta_blocker"),
         "overuse.multiple_classes: 'beta_blocker' is not an acute class in the medicine catalog"),
        (lambda d: d["criteria"][5]["classes"].append("triptan"),
         "criteria[5] (failed_preventives).classes: 'triptan' is not a preventive class in the medicine catalog"),
    ],
)
def test_classes_must_be_in_the_catalog_with_the_right_kind(tmp_path, change, problem) -> None:
    assert _refused(tmp_path, change) == [problem]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["criteria"][1].update(min=0), "criteria[1].min: expected at least 1, got 0"),
        (lambda d: d["criteria"][3].update(min=0.5), "criteria[3].min: expected at least 1, got 0.5"),
        (lambda d: d["criteria"][5].update(min=0), "criteria[5].min: expected at least 1, got 0"),
        (lambda d: d["criteria"][5].update(min_trial_weeks=0), "criteria[5].min_trial_weeks: expected at least 1, got 0"),
        (lambda d: d["overuse"]["class_days"].update(opioid=0), "overuse.class_days.opioid: expected at least 1, got 0"),
        (lambda d: d["overuse"]["pooled_days"].update(non_opioid_analgesic=-3),
         "overuse.pooled_days.non_opioid_analgesic: expected at least 1, got -3"),
        (lambda d: d["overuse"].update(more_than_months=0), "overuse.more_than_months: expected at least 1, got 0"),
        (lambda d: d.update(onset_age_over=0), "onset_age_over: expected at least 1, got 0"),
    ],
)
def test_every_threshold_is_at_least_one(tmp_path, change, problem) -> None:
    assert _refused(tmp_path, change) == [problem]


def test_a_stopping_rule_percentage_of_zero_is_refused(tmp_path) -> None:
    assert _refused(tmp_path, lambda d: d["stopping_rules"][0].update(min_reduction_percent=0), "nice-ta260") == [
        "stopping_rules[0].min_reduction_percent: expected at least 1, got 0"
    ]


def test_every_problem_is_listed_at_once(tmp_path) -> None:
    def break_three(data: dict[str, Any]) -> None:
        data["red_flags"][0] = "rf_sytemic"
        data["criteria"][1]["min"] = 0
        data["overuse"]["class_days"]["triptanz"] = 10
        data["overuse"]["ichd3"]["triptanz"] = "8.2.2"

    assert [problem.split(":")[0] for problem in _refused(tmp_path, break_three)] == [
        "red_flags[0]", "red_flags", "criteria[1].min", "overuse.class_days"
    ]


def test_stopping_rules_read_answers_of_the_form_and_need_thresholds_of_at_least_one(nice_rules, form) -> None:
    from intake.eligibility.policy_checks import policy_problems

    policy = nice_rules.policy
    episodic = next(rule for rule in policy.stopping_rules if rule.id == "episodic_for_3_months")
    broken = policy.model_copy(
        update={"stopping_rules": (*[r for r in policy.stopping_rules if r is not episodic],
                                   episodic.model_copy(update={"min_months": 0}))}
    )
    assert policy_problems(policy, nice_rules.catalog, form) == []
    assert any("stopping_rules" in line and "min_months" in line for line in policy_problems(broken, nice_rules.catalog, form))


def test_every_criterion_kind_says_what_it_reads() -> None:
    kinds = {get_args(member.model_fields["kind"].annotation)[0] for member in get_args(get_args(Criterion)[0])}
    assert set(KIND_READS) == kinds


def _marked(form: Form, question_id: str, needed_by: str) -> Form:
    data = form.model_dump()
    question = next(q for s in data["sections"] for q in s["questions"] if q["id"] == question_id)
    question["needed_by"] = needed_by
    return Form.model_validate(data)


def test_a_needed_by_mark_must_name_a_rule(form, us_rules) -> None:
    assert needed_by_problems(form) == []
    broken = _marked(form, "aura", "failed_preventive")
    expected = (
        "aura.needed_by: expected every_policy or minimum or failed_preventives or botox_stopping_rule, got 'failed_preventive'"
    )
    assert needed_by_problems(broken) == [expected]
    assert policy_problems(us_rules.policy, us_rules.catalog, broken) == [expected]


def _edited(form: Form, edit: Callable[[dict[str, Any]], object]) -> Form:
    data = form.model_dump()
    edit(data)
    return Form.model_validate(data)


def _drop_question(data: dict[str, Any], question_id: str) -> None:
    for section in data["sections"]:
        section["questions"] = [q for q in section["questions"] if q["id"] != question_id]


def _group_field(data: dict[str, Any], group: str, field: str) -> dict[str, Any]:
    question = next(q for s in data["sections"] for q in s["questions"] if q["id"] == group)
    return next(f for f in question["fields"] if f["id"] == field)


def test_a_form_without_an_attack_feature_is_refused_since_the_panel_shows_its_label(form, us_rules) -> None:
    broken = _edited(form, lambda d: _drop_question(d, "nausea"))
    assert form_problems(broken) == [
        "nausea (read by the ICHD-3 panel): expected a question of the form of type yes_no_unsure, "
        "got 'nausea' (no such question)"
    ]


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda d: _group_field(d, "preventives", "outcome").update(required=False),
         "preventives.outcome: expected a required field of type choice (every assessment reads it in each row), "
         "got an optional field"),
        (lambda d: _group_field(d, "acute_medicines", "days_per_month").update(type="text", min=None, max=None),
         "acute_medicines.days_per_month: expected a required field of type integer or number (every assessment reads it "
         "in each row), got type text"),
        (lambda d: _group_field(d, "preventives", "medicine").update(id="name"),
         "preventives.medicine: expected a required field of type text (every assessment reads it in each row), "
         "got no such field"),
    ],
    ids=["optional", "retyped", "renamed"],
)
def test_a_row_field_every_assessment_reads_must_be_required_and_typed(form, us_rules, edit, problem) -> None:
    assert form_problems(_edited(form, edit)) == [problem]


def test_a_medicine_list_that_is_not_a_group_is_refused(form, us_rules) -> None:
    def retype(data: dict[str, Any]) -> None:
        question = next(q for s in data["sections"] for q in s["questions"] if q["id"] == "acute_medicines")
        question.update(type="text", fields=[], add_label="", add_more_label="", none_label="", max_rows=None,
                        max_length=100)
        _drop_question(data, "acute_distinct_days")
        _drop_question(data, "acute_months")
        data["rules"] = [rule for rule in data["rules"] if "acute" not in rule["left"] + rule["right"]]

    problems = form_problems(_edited(form, retype))
    assert "acute_medicines: expected a question of type group (every assessment reads its rows), got type text" in problems


def _retyped_as_text(data: dict[str, Any], question_id: str) -> None:
    question = next(q for s in data["sections"] for q in s["questions"] if q["id"] == question_id)
    for key in ("min", "max", "unit", "other_units", "count_aid"):
        question.pop(key, None)
    question["type"] = "text"


@pytest.mark.parametrize("key", ["onset_age", "acute_months", "midas_3"])
def test_an_answer_every_assessment_computes_with_must_stay_a_number(form, nice_rules, key) -> None:
    broken = _edited(form, lambda d: _retyped_as_text(d, key))
    assert form_problems(broken) == [
        f"{key} (read as a number by every assessment): expected a question of the form of type integer or number, "
        f"got '{key}' (type text)"
    ]


def test_a_form_may_leave_out_an_answer_read_as_a_number(form, us_rules) -> None:
    assert form_problems(_edited(form, lambda d: _drop_question(d, "midas_b"))) == []

"""Policy files: loading, errors naming file and field, the rules hash."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake.eligibility import load_rules
from intake.eligibility.policy import POLICIES_DIR, UnknownPolicy
from intake.yamlfile import DataFileError


def test_rules_hash_is_stable_and_distinct(us_rules, nice_rules) -> None:
    assert us_rules.rules_hash.startswith("sha256:") and len(us_rules.rules_hash) == 71
    assert us_rules.rules_hash != nice_rules.rules_hash
    assert load_rules("us-payer").rules_hash == us_rules.rules_hash


def _copy_policy(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((POLICIES_DIR / "us-payer.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_policy_from_path_changes_hash(tmp_path, us_rules) -> None:
    path = _copy_policy(tmp_path, lambda d: d["criteria"][1].update(min=14))
    assert load_rules(str(path)).rules_hash != us_rules.rules_hash


def test_bad_threshold_names_file_and_criterion(tmp_path) -> None:
    path = _copy_policy(tmp_path, lambda d: d["criteria"][1].update(min="fifteen"))
    with pytest.raises(DataFileError) as error:
        load_rules(str(path))
    assert str(path) in str(error.value)
    assert "headache_days: min:" in str(error.value)


def test_unknown_class_is_rejected(tmp_path) -> None:
    path = _copy_policy(tmp_path, lambda d: d["criteria"][5]["classes"].append("beta_blockr"))
    with pytest.raises(DataFileError, match="beta_blockr"):
        load_rules(str(path))


def test_typo_key_is_rejected(tmp_path) -> None:
    path = _copy_policy(tmp_path, lambda d: d.update(red_flag=["rf_cancer"]))
    with pytest.raises(DataFileError, match="red_flag: Extra inputs are not permitted"):
        load_rules(str(path))


def test_unknown_policy_name() -> None:
    with pytest.raises(UnknownPolicy, match="us-payer, nice-ta260"):
        load_rules("medicare")


def test_shipped_policies_carry_the_2026_2_parameters(us_rules, nice_rules) -> None:
    us, nice = us_rules.policy, nice_rules.policy
    assert (us.version, nice.version) == ("2026.2", "2026.2")
    assert (us.unknown_acute_days, nice.unknown_acute_days) == (10, 10)
    assert (us.on_treatment_months, nice.on_treatment_months) == (6, 6)
    assert (us.concurrent_cgrp, nice.concurrent_cgrp) == ("review", "note")
    assert us.stopping_rules == ()
    assert [rule.id for rule in nice.stopping_rules] == ["response_below_30_after_2_cycles", "episodic_for_3_months"]


def _nice_copy(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((POLICIES_DIR / "nice-ta260.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(unknown_acute_days=0), "unknown_acute_days"),
        (lambda d: d.update(concurrent_cgrp="block"), "concurrent_cgrp"),
        (lambda d: d.pop("on_treatment_months"), "on_treatment_months: Field required"),
        (lambda d: d["stopping_rules"].append({"id": "response_below_50"}), "response_below_50: Input tag"),
        (lambda d: d.update(stopping_rules=[]), "stopping_rules and a botox_stopping_rule criterion go together"),
        (lambda d: d["stopping_rules"].append(dict(d["stopping_rules"][0])), "a rule is listed twice"),
        (lambda d: d["stopping_rules"][1].pop("min_months"), "min_months: Field required"),
        (lambda d: d["overuse"]["ichd3"].pop("opioid"), "ichd3: no code for opioid"),
        (lambda d: d.update(note_wording={}), "note_wording"),
        (lambda d: d["note_wording"]["anticoagulant"].update(when_yes="{name}: yes"), "only {label}"),
    ],
    ids=["days-0", "cgrp-kind", "no-months", "unknown-rule", "rules-without-row", "rule-twice", "rule-number",
         "ichd3-code", "note-wording", "placeholder"],
)
def test_new_parameters_are_validated(tmp_path, change, message) -> None:
    with pytest.raises(DataFileError, match=message.replace("{", r"\{").replace("}", r"\}")):
        load_rules(str(_nice_copy(tmp_path, change)))


def test_us_payer_with_a_stopping_rule_needs_its_criterion_row(tmp_path) -> None:
    rule = {"id": "episodic_for_3_months", "below_headache_days": 15, "min_months": 3}
    path = _copy_policy(tmp_path, lambda d: d.update(stopping_rules=[rule]))
    with pytest.raises(DataFileError, match="both or neither"):
        load_rules(str(path))


def test_stopping_rule_numbers_come_from_the_file(tmp_path, v01, form) -> None:
    from intake.eligibility import evaluate
    from intake.questionnaire.response import parse_response

    v01["answers"].update(prior_botox="yes", botox_cycles=2, botox_headache_days_before=20,
                          botox_headache_days_after=15, botox_months_since_last=12)
    path = _nice_copy(tmp_path, lambda d: d["stopping_rules"][0].update(min_reduction_percent=25))
    result = evaluate(parse_response(v01, form), load_rules(str(path)), form)
    row = next(c for c in result.criteria if c.id == "prior_botox_response")
    assert (row.status, row.threshold.split(";")[0]) == ("met", ">= 25 % fewer headache days after >= 2 cycles")


@pytest.mark.parametrize("wording", ["{label:>99999999999999}: yes", "{label.__class__}", "{label!r}", "{0}", "{label"])
def test_a_note_wording_may_hold_only_label(tmp_path, wording) -> None:
    path = _nice_copy(tmp_path, lambda d: d["note_wording"]["anticoagulant"].update(when_unsure=wording))
    with pytest.raises(DataFileError) as raised:
        load_rules(str(path))
    [problem] = raised.value.problems
    assert problem.startswith("note_wording.anticoagulant: when_unsure: only {label} may stand in braces (")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["criteria"].append(dict(d["criteria"][0])), "criteria: expected each id once, got age more than once"),
        (lambda d: d["criteria"].append({**d["criteria"][5], "id": "again", "classes": ["tca"]}),
         "criteria: expected at most one failed_preventives criterion"),
        (lambda d: d["criteria"].append({"id": "again", "kind": "botox_stopping_rule", "label": "L", "source": "S"}),
         "stopping_rules: stopping_rules and a botox_stopping_rule criterion go together (both or neither)"),
    ],
    ids=["id-twice", "two-preventive-rows", "row-without-rules"],
)
def test_a_problem_across_criteria_names_its_field(tmp_path, change, problem) -> None:
    with pytest.raises(DataFileError) as raised:
        load_rules(str(_copy_policy(tmp_path, change)))
    assert raised.value.problems == [problem]

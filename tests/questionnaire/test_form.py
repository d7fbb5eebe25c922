"""Loading a form definition; errors name the file, the question id and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake.paths import FORM_FILE
from intake.questionnaire.loader import load_form
from intake.yamlfile import DataFileError

CONTRACT_KEYS = {
    "given_name", "family_name", "date_of_birth", "sex_at_birth", "pregnant", "breastfeeding", "onset_age",
    "headache_days", "migraine_days", "hours_per_day", "duration_months", "aura", "acute_medicines",
    "acute_distinct_days", "acute_months", "preventives", "prior_botox", "botox_cycles",
    "botox_headache_days_before", "botox_headache_days_after", "botox_months_since_last", "anticoagulant",
    "botulinum_allergy", "injection_site_infection", "neuromuscular_disease", "swallow_breath_problems",
    "aminoglycoside_now", "botulinum_last_3_months", "rf_systemic", "rf_cancer", "rf_neuro_deficit",
    "rf_thunderclap", "rf_new_or_changed", "rf_positional", "rf_valsalva", "rf_papilledema", "rf_progressive",
    "rf_pregnancy_new_headache", "rf_eye_autonomic", "rf_post_traumatic", "rf_immunosuppressed",
    "rf_new_drug_at_onset", "midas_1", "midas_2", "midas_3", "midas_4", "midas_5", "midas_a", "midas_b",
}


def test_form_defines_every_contract_key(form) -> None:
    assert {q.id for q in form.questions()} >= CONTRACT_KEYS
    assert {f.id for f in form.question("preventives").fields} >= {"medicine", "weeks", "outcome", "dose", "started", "stopped"}
    assert {f.id for f in form.question("acute_medicines").fields} == {"medicine", "days_per_month"}


def test_midas_is_off_unless_switched_on(form) -> None:
    assert form.section_of("midas_1").setting == "midas"


def _broken(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(FORM_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "form.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _question(data: dict, question_id: str) -> dict:
    return next(q for s in data["sections"] for q in s["questions"] if q["id"] == question_id)


def test_error_names_file_and_question(tmp_path) -> None:
    path = _broken(tmp_path, lambda d: _question(d, "migraine_days").update(max="lots"))
    with pytest.raises(DataFileError) as raised:
        load_form(path)
    assert str(raised.value).startswith(f"{path}: migraine_days: max:")


def test_unknown_enable_when_target(tmp_path) -> None:
    path = _broken(tmp_path, lambda d: _question(d, "pregnant")["enable_when"][0].update(question="sex"))
    with pytest.raises(DataFileError, match="pregnant: enable_when names unknown question 'sex'"):
        load_form(path)


def test_asking_whether_a_list_has_rows_needs_a_required_field_in_its_rows(tmp_path) -> None:
    """A row is its required field answered: that is what FHIR's enableWhen can name (a group has no answer)."""
    def optional_fields(data: dict) -> None:
        for field in _question(data, "acute_medicines")["fields"]:
            field["required"] = False

    with pytest.raises(DataFileError, match="acute_distinct_days: enable_when asks whether acute_medicines has rows; "
                                            "it needs a required field"):
        load_form(_broken(tmp_path, optional_fields))


def test_duplicate_id(tmp_path) -> None:
    path = _broken(tmp_path, lambda d: _question(d, "aura").update(id="headache_days"))
    with pytest.raises(DataFileError, match="headache_days: question id used twice"):
        load_form(path)


def test_not_yaml(tmp_path) -> None:
    path = tmp_path / "form.yaml"
    path.write_text("sections: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_form(path)


def _field(data: dict, question_id: str, field_id: str) -> dict:
    return next(f for f in _question(data, question_id)["fields"] if f["id"] == field_id)


def test_touch_hints_in_the_shipped_form(form, us_rules) -> None:
    assert form.section_of("rf_thunderclap").page_size == 5
    assert form.question("headache_days").count_aid
    assert [(u.label, u.size) for u in form.question("duration_months").other_units] == [("years", 12)]
    stopped = form.question("preventives").field("stopped")
    assert [(c.field, c.equals) for c in stopped.hidden_when] == [("outcome", "still_taking")]
    for question in form.questions():
        for field in (question, *question.fields):
            for name in field.quick_picks:
                assert us_rules.catalog.lookup(name) is not None, f"{field.id}: quick pick {name!r} not in the catalog"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _question(d, "onset_age").update(count_aid=True), "count_aid is only for integer questions counting days"),
        (
            lambda d: _question(d, "aura").update(other_units=[{"label": {"en": "years", "es": "años"}, "size": 12}]),
            "other_units are only",
        ),
        (lambda d: _question(d, "given_name").update(quick_picks=["x"]), "quick_picks are only"),
        (lambda d: _question(d, "aura").update(hidden_when=[{"field": "x", "equals": "y"}]), "aura: hidden_when is only"),
        (
            lambda d: _field(d, "preventives", "stopped").update(hidden_when=[{"field": "outcome", "equals": "gone"}]),
            "stopped: hidden_when compares outcome with 'gone'",
        ),
        (
            lambda d: _field(d, "preventives", "stopped").update(hidden_when=[{"field": "route", "equals": "x"}]),
            "stopped: hidden_when names 'route'",
        ),
        (lambda d: d["sections"][0].update(page_size=0), "page_size"),
        (lambda d: _field(d, "preventives", "weeks").update(needed_by="every_policy"), "needed_by is only for questions"),
        (lambda d: _question(d, "onset_age").update(red_flag=True), "red_flag is only for yes_no_unsure questions, not integer"),
        (
            lambda d: _question(d, "preventives")["fields"].append(
                {"id": "worse", "type": "yes_no_unsure", "text": {"en": "Worse?", "es": "¿Peor?"},
                 "label": {"en": "Worse", "es": "Peor"}, "red_flag": True}),
            "red_flag is only for questions, not for fields",
        ),
    ],
)
def test_touch_hints_are_checked_at_load(tmp_path, change, message) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(DataFileError, match=message):
        load_form(path)


def test_the_form_marks_its_red_flag_questions_in_form_order(form) -> None:
    assert form.red_flags[:3] == ("rf_systemic", "rf_cancer", "rf_neuro_deficit")
    assert {form.section_of(key).id for key in form.red_flags} == {"red_flags"}
    assert len(form.red_flags) == 14


def test_help_texts_are_short(form_languages) -> None:
    """Patients skim: a help text over 30 words is not read on a tablet. A translation may be
    as much longer as translations usually are (Spanish runs about a third longer)."""
    for language, form in form_languages.items():
        limit = 30 if language == form.languages[0] else 42
        for question in form.questions():
            for field in (question, *question.fields):
                words = len(field.help.split())
                assert words < limit, f"{field.id}: help text in {language} has {words} words"


@pytest.mark.parametrize("message", ["You said {right:>99999999999999}.", "{0} days", "{left.__class__}", "{name}", "a } b"])
def test_a_rule_message_may_hold_only_left_and_right(tmp_path, message) -> None:
    path = _broken(tmp_path, lambda d: d["rules"][0]["message"].update(en=message))
    with pytest.raises(DataFileError) as raised:
        load_form(path)
    [problem] = raised.value.problems
    assert problem.startswith("rules[0].message: only {left} and {right} may stand in braces (")

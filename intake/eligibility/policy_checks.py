"""Checks a policy must pass at load, so that a policy that loads can never break an assessment.

The schema (pydantic) checks each field on its own; these check what the fields point
at: every answer key a policy reads is a question of the form with a type that rule kind
can read, every class id is in the medicine catalog with the right kind, and every
threshold is at least 1. A typo in a red-flag key would otherwise make that red flag
silently never fire, and a minimum on a text answer would crash mid-assessment.

The form's `needed_by` marks are checked here too: a mark naming no rule would silently
drop that answer from INCOMPLETE. So are its `red_flag` marks: the kiosk alerts staff
from the form's marked questions while the patient answers, and the assessment flags the
policy's `red_flags` afterwards, so the two must be the same questions or the alert and
the summary would disagree. So is what every assessment reads whatever the policy:
the ICHD-3 panel's attack-feature questions (shown by their label), the answers it
computes with as numbers, and the medicine row fields it indexes, since a form that
changed them would stop the assessment of a visit.

Extending: a new parameter that is a threshold goes in `THRESHOLDS` (by field name,
wherever it sits in the policy); a new criterion kind goes in `KIND_READS`, with the
answers it reads by itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from intake.eligibility.ichd3 import ATTACK_FEATURES
from intake.eligibility.midas import ITEMS as MIDAS_ITEMS
from intake.questionnaire.expressions import AGE_SOURCE
from intake.questionnaire.form import Form, Question, QuestionType
from intake.questionnaire.loader import default_form

if TYPE_CHECKING:
    from intake.catalog import Catalog
    from intake.eligibility.policy import Policy

YES_NO = (QuestionType.YES_NO_UNSURE,)
NUMERIC = (QuestionType.INTEGER, QuestionType.NUMBER)
AGE = "age"

SCREENING_LISTS: Mapping[str, tuple[QuestionType, ...]] = {
    "red_flags": YES_NO,
    "cautions": YES_NO,
    "notes": YES_NO,
}
"""Policy lists of answer keys, each read as yes / no / unsure (`unsure` counts as `yes`)."""

KIND_READS: Mapping[str, Mapping[str, tuple[QuestionType, ...]]] = {
    "minimum": {},
    "failed_preventives": {"preventives": (QuestionType.GROUP,)},
    "botox_stopping_rule": {
        "botox_cycles": NUMERIC,
        "botox_headache_days_before": NUMERIC,
        "botox_headache_days_after": NUMERIC,
    },
}
"""Every criterion kind, with the answers it reads by itself (not named in the policy file)."""

PANEL_READS: Mapping[str, tuple[QuestionType, ...]] = dict.fromkeys(ATTACK_FEATURES, YES_NO)
"""Answers the ICHD-3 panel of every assessment shows by their label: the form must ask them."""

NUMBER_READS: Mapping[str, tuple[QuestionType, ...]] = dict.fromkeys((
    "headache_days", "migraine_days", "hours_per_day", "duration_months", "onset_age", "acute_distinct_days",
    "acute_months", "botox_cycles", "botox_headache_days_before", "botox_headache_days_after", "botox_months_since_last",
    "midas_a", "midas_b", *MIDAS_ITEMS,
), NUMERIC)
"""Answers every assessment compares or adds up as numbers, whatever the policy (the ICHD-3 panel,
overuse, prior Botox, MIDAS, the onset-age red flag): when the form asks one, it must ask for a number."""

ROW_READS: Mapping[str, Mapping[str, tuple[QuestionType, ...]]] = {
    "acute_medicines": {"medicine": (QuestionType.TEXT,), "days_per_month": NUMERIC},
    "preventives": {"medicine": (QuestionType.TEXT,), "outcome": (QuestionType.CHOICE,)},
}
"""Row fields every assessment reads in each row of these groups (when the form asks the group):
each must be a required field of one of these types, or a row without it would stop the assessment."""

EVERY_POLICY = "every_policy"
"""The `needed_by` of a question that every policy needs answered, whatever its criteria."""

STOPPING_RULE_READS: Mapping[str, Mapping[str, tuple[QuestionType, ...]]] = {
    "response_below_30_after_2_cycles": {},
    "episodic_for_3_months": {"headache_days": NUMERIC, "duration_months": NUMERIC},
}
"""Answers each Botox stopping rule reads beyond its `prior_botox_response` row, which a
stopping rule always comes with and whose `KIND_READS` already covers the Botox answers."""

THRESHOLDS = frozenset({
    "min", "min_trial_weeks", "min_cycles", "min_reduction_percent", "onset_age_over",
    "more_than_months", "class_days", "pooled_days", "multiple_days",
    "unknown_acute_days", "on_treatment_months", "below_headache_days", "min_months",
})
"""Fields (anywhere in a policy) holding a count, days, months, an age or a percentage:
each must be at least 1, or the rule it sets would fire for everyone or never."""


def _type_names(types: Sequence[QuestionType]) -> str:
    return " or ".join(str(kind) for kind in types)


def answer_problem(form: Form, where: str, key: str, types: Sequence[QuestionType]) -> str | None:
    """`where: expected ..., got ...` when `key` is not a form question of one of `types`."""
    expected = f"expected a question of the form of type {_type_names(types)}"
    questions = {question.id: question for question in form.questions()}
    if key not in questions:
        return f"{where}: {expected}, got {key!r} (no such question)"
    kind = questions[key].type
    if kind not in types:
        return f"{where}: {expected}, got {key!r} (type {kind})"
    return None


def _panel_problems(form: Form) -> Iterator[str]:
    for key, types in PANEL_READS.items():
        problem = answer_problem(form, f"{key} (read by the ICHD-3 panel)", key, types)
        if problem is not None:
            yield problem


def _number_problems(form: Form) -> Iterator[str]:
    asked = {question.id for question in form.questions()}
    for key, types in NUMBER_READS.items():
        problem = answer_problem(form, f"{key} (read as a number by every assessment)", key, types) if key in asked else None
        if problem is not None:
            yield problem


def _row_field_problem(group: Question, field_id: str, types: Sequence[QuestionType]) -> str | None:
    expected = f"expected a required field of type {_type_names(types)} (every assessment reads it in each row)"
    field = next((field for field in group.fields if field.id == field_id), None)
    if field is None:
        return f"{group.id}.{field_id}: {expected}, got no such field"
    if field.type not in types:
        return f"{group.id}.{field_id}: {expected}, got type {field.type}"
    if not field.required:
        return f"{group.id}.{field_id}: {expected}, got an optional field"
    return None


def _row_problems(form: Form) -> Iterator[str]:
    questions = {question.id: question for question in form.questions()}
    for group_id, fields in ROW_READS.items():
        group = questions.get(group_id)
        if group is None:
            continue
        if group.type is not QuestionType.GROUP:
            yield f"{group_id}: expected a question of type group (every assessment reads its rows), got type {group.type}"
            continue
        for field_id, types in fields.items():
            problem = _row_field_problem(group, field_id, types)
            if problem is not None:
                yield problem


def _screening_problems(policy: Policy, form: Form) -> Iterator[str]:
    for name, types in SCREENING_LISTS.items():
        keys: tuple[str, ...] = getattr(policy, name)
        for index, key in enumerate(keys):
            where = f"{name}[{index}]"
            if key in keys[:index]:
                yield f"{where}: expected each key once, got {key!r} again"
                continue
            problem = answer_problem(form, where, key, types)
            if problem is not None:
                yield problem


def red_flag_problems(policy: Policy, form: Form) -> list[str]:
    """The red-flag questions the form marks that the policy leaves out, and those it adds.

    A key that is no yes / no / unsure question of the form is reported by the screening
    check already, so it is not listed again here.
    """
    marked, named = form.red_flags, policy.red_flags
    missing = [key for key in marked if key not in named]
    extra = [key for key in named if key not in marked and answer_problem(form, "", key, YES_NO) is None]
    parts = [f"missing {', '.join(missing)}" if missing else "", f"not marked in the form: {', '.join(extra)}" if extra else ""]
    found = "; ".join(part for part in parts if part)
    if not found:
        return []
    return [f"red_flags: expected exactly the questions the form marks red_flag: true; {found}"]


def _criterion_problems(policy: Policy, form: Form) -> Iterator[str]:
    for index, criterion in enumerate(policy.criteria):
        where = f"criteria[{index}]"
        if criterion.kind == "minimum":
            if criterion.answer == AGE:
                problem = answer_problem(form, f"{where}.answer ({AGE})", AGE_SOURCE, (QuestionType.DATE,))
            else:
                problem = answer_problem(form, f"{where}.answer", criterion.answer, NUMERIC)
            if problem is not None:
                yield problem
        for key, types in KIND_READS.get(criterion.kind, {}).items():
            problem = answer_problem(form, f"{where} ({criterion.kind} reads {key})", key, types)
            if problem is not None:
                yield problem


def needed_by_problems(form: Form) -> list[str]:
    """Questions whose `needed_by` names neither every policy nor a criterion kind."""
    rules = (EVERY_POLICY, *KIND_READS)
    return [
        f"{question.id}.needed_by: expected {' or '.join(rules)}, got {question.needed_by!r}"
        for question in form.questions()
        if question.needed_by is not None and question.needed_by not in rules
    ]


def _stopping_rule_problems(policy: Policy, form: Form) -> Iterator[str]:
    for index, rule in enumerate(policy.stopping_rules):
        for key, types in STOPPING_RULE_READS[rule.id].items():
            problem = answer_problem(form, f"stopping_rules[{index}] ({rule.id} reads {key})", key, types)
            if problem is not None:
                yield problem


def _threshold_problems(data: Any, where: str = "") -> Iterator[str]:
    """Every value under a `THRESHOLDS` field below 1 (a number, or each number of a mapping)."""
    if isinstance(data, Mapping):
        for name, value in data.items():
            path = f"{where}.{name}" if where else str(name)
            if name in THRESHOLDS:
                values = value.items() if isinstance(value, Mapping) else [(None, value)]
                for part, number in values:
                    if isinstance(number, int | float) and not number >= 1:
                        yield f"{path}{'' if part is None else '.' + str(part)}: expected at least 1, got {number:g}"
            else:
                yield from _threshold_problems(value, path)
    elif isinstance(data, list | tuple):
        for index, item in enumerate(data):
            yield from _threshold_problems(item, f"{where}[{index}]")


def answer_problems(policy: Policy, form: Form) -> list[str]:
    """Every answer this policy reads that the form does not ask, or asks with a type its rule cannot read."""
    return [
        *_criterion_problems(policy, form),
        *_screening_problems(policy, form),
        *red_flag_problems(policy, form),
        *_stopping_rule_problems(policy, form),
    ]


def form_problems(form: Form) -> list[str]:
    """What any assessment needs of the form whatever the policy: reported once, not per policy."""
    return [*needed_by_problems(form), *_panel_problems(form), *_number_problems(form), *_row_problems(form)]


def policy_problems(policy: Policy, catalog: Catalog, form: Form | None = None) -> list[str]:
    """Everything that would make this policy misjudge or crash an assessment; [] if none.

    `form` defaults to the shipped questionnaire, the one every assessment reads.
    """
    questionnaire = form or default_form()
    return [
        *answer_problems(policy, questionnaire),
        *form_problems(questionnaire),
        *_threshold_problems(policy.model_dump()),
        *policy.class_problems(catalog),
    ]

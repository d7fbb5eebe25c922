"""Turning a JSON response into typed answers: every bad input names its key."""

from __future__ import annotations

import pytest

from intake.eligibility import evaluate
from intake.questionnaire.response import InvalidResponse, parse_response


def _errors(form, data) -> list[str]:
    with pytest.raises(InvalidResponse) as raised:
        parse_response(data, form)
    return [problem.cli_text for problem in raised.value.problems]


def test_valid_response_is_typed(form, v01) -> None:
    response = parse_response(v01, form)
    assert response.authored.isoformat() == "2026-11-24"
    assert response.answers["date_of_birth"].year == 1992
    assert response.to_json_dict() == v01


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("headache_days", "20", 'headache_days: expected a whole number 0-31, got "20"'),
        ("headache_days", True, "headache_days: expected a whole number 0-31, got true"),
        ("headache_days", 20.5, "headache_days: expected a whole number 0-31, got 20.5"),
        ("headache_days", 32, "headache_days: expected a whole number 0-31, got 32"),
        ("hours_per_day", 25, "hours_per_day: expected a number 0-24, got 25"),
        ("prior_botox", "maybe", 'prior_botox: expected one of yes, no, unsure, got "maybe"'),
        ("date_of_birth", "15/01/1992", 'date_of_birth: expected a date as YYYY-MM-DD, got "15/01/1992"'),
        ("date_of_birth", "1992-02-30", 'date_of_birth: expected a real calendar date as YYYY-MM-DD, got "1992-02-30"'),
        ("given_name", "", "given_name: expected text of 1-100 characters, got 0"),
        ("favourite_colour", "blue", 'favourite_colour: unknown answer key; the form has no such question, got "blue"'),
    ],
)
def test_bad_answer_names_key(form, v01, key, value, message) -> None:
    v01["answers"][key] = value
    assert message in _errors(form, v01)


def test_row_field_errors_name_the_row(form, v01) -> None:
    v01["answers"]["preventives"][1] = {"medicine": "amitriptyline", "weeks": "3", "outcome": "bad"}
    errors = _errors(form, v01)
    assert 'preventives[1].weeks: expected a whole number 0-520, got "3"' in errors
    assert any(e.startswith("preventives[1].outcome: expected one of ineffective") for e in errors)


def test_row_missing_required_field(form, v01) -> None:
    v01["answers"]["acute_medicines"][0] = {"medicine": "sumatriptan"}
    assert any(e.startswith("acute_medicines[0].days_per_month: required") for e in _errors(form, v01))


def test_answer_to_hidden_question_is_an_error(form, v01) -> None:
    v01["answers"]["sex_at_birth"] = "male"
    errors = _errors(form, v01)
    assert "pregnant: not asked when sex_at_birth is male, got an answer" in errors


def test_botox_details_without_prior_botox(form, v01) -> None:
    v01["answers"]["botox_cycles"] = 2
    assert any(e.startswith("botox_cycles: asked only when prior_botox is yes") for e in _errors(form, v01))


def test_acute_details_without_acute_medicines(form, v01) -> None:
    v01["answers"]["acute_medicines"] = []
    errors = _errors(form, v01)
    assert any(e.startswith("acute_distinct_days: asked only when acute_medicines") for e in errors)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"migraine_days": 23}, "migraine_days: expected migraine_days <= headache_days, got 23 > 22"),
        ({"onset_age": 40}, "onset_age: expected onset_age <= age, got 40 > 34"),
        ({"date_of_birth": "2026-11-25"}, "date_of_birth: expected 0 <= age, got 0 > -1"),
        ({"acute_distinct_days": 4},
         "acute_distinct_days: expected max(acute_medicines.days_per_month) <= acute_distinct_days, got 5 > 4"),
        ({"acute_distinct_days": 10},
         "acute_distinct_days: expected acute_distinct_days <= sum(acute_medicines.days_per_month), got 10 > 9"),
    ],
)
def test_cross_field_rules_name_both_keys(form, v01, changes, message) -> None:
    v01["answers"].update(changes)
    assert message in _errors(form, v01)


def test_authored_is_required(form, v01) -> None:
    del v01["authored"]
    assert "authored: expected the date the answers were given, as YYYY-MM-DD, got nothing" in _errors(form, v01)


def test_wrong_form_id(form, v01) -> None:
    v01["form"] = "other"
    assert 'form: expected "headache-intake", got "other"' in _errors(form, v01)


def test_not_an_object(form) -> None:
    assert _errors(form, [1, 2]) == ["response: expected a JSON object with form, authored and answers, got a list of 2"]


@pytest.mark.parametrize("tag", ["es", "es-MX", "en", "zh-Hant-TW"])
def test_language_is_kept_and_written_back(form, v01, tag) -> None:
    v01["language"] = tag
    response = parse_response(v01, form)
    assert response.language == tag
    assert response.to_json_dict() == v01
    assert list(response.to_json_dict()) == ["form", "authored", "language", "answers"]


def test_no_language_means_english_and_nothing_written(form, v01) -> None:
    response = parse_response(v01, form)
    assert response.language is None and response.primary_language == "en"
    assert "language" not in response.to_json_dict()
    v01["language"] = "ES-mx"
    assert parse_response(v01, form).primary_language == "es"


@pytest.mark.parametrize(("tag", "shown"), [("spanish", '"spanish"'), ("es_MX", '"es_MX"'), (7, "7"), ("es\n", '"es\\n"')])
def test_malformed_language_names_the_key(form, v01, tag, shown) -> None:
    v01["language"] = tag
    assert _errors(form, v01) == [f"language: expected a BCP 47 language tag such as en, es or es-MX, got {shown}"]


def test_the_rules_ignore_the_language(form, v01, us_rules) -> None:
    english = evaluate(parse_response(v01, form), us_rules, form)
    v01["language"] = "es"
    assert evaluate(parse_response(v01, form), us_rules, form).to_json_dict() == english.to_json_dict()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"started": "2024-03", "stopped": "2024-02"},
         'preventives[1].stopped: expected a month no earlier than preventives[1].started (2024-03), got "2024-02"'),
        ({"stopped": "2026-12"}, 'preventives[1].stopped: expected a month no later than 2026-11 (authored), got "2026-12"'),
        ({"started": "2027-01"}, 'preventives[1].started: expected a month no later than 2026-11 (authored), got "2027-01"'),
    ],
)
def test_impossible_trial_dates_name_the_row_field(form, v01, row, message) -> None:
    v01["answers"]["preventives"][1].update(row)
    assert _errors(form, v01) == [message]


@pytest.mark.parametrize(
    ("month", "shown"),
    [("२०२६-05", '"२०२६-05"'), ("２０２６-05", '"２０２６-05"'), ("2026-05\n", '"2026-05\\n"'), ("2026-5", '"2026-5"'),
     ("2026-13", '"2026-13"'), (" 2026-05", '" 2026-05"'), (202605, "202605")],
)
def test_a_month_is_four_ascii_digits_a_dash_and_a_month_number_and_nothing_else(form, v01, month, shown) -> None:
    v01["answers"]["preventives"][1]["started"] = month
    assert _errors(form, v01) == [f"preventives[1].started: expected a month as YYYY-MM, got {shown}"]


@pytest.mark.parametrize(
    ("day", "shown"), [("१९९२-01-15", '"१९९२-01-15"'), ("1992-01-15\n", '"1992-01-15\\n"'), ("1992-1-15", '"1992-1-15"')],
)
def test_a_date_is_ascii_yyyy_mm_dd_and_nothing_else(form, v01, day, shown) -> None:
    v01["answers"]["date_of_birth"] = day
    assert _errors(form, v01) == [f"date_of_birth: expected a date as YYYY-MM-DD, got {shown}"]


@pytest.mark.parametrize("authored", ["２０２６-11-24", "2026-11-24\n"])
def test_the_authored_date_is_ascii_too(form, v01, authored) -> None:
    v01["authored"] = authored
    assert _errors(form, v01)[0].startswith("authored: expected the date the answers were given, as YYYY-MM-DD")


def test_trial_dates_up_to_the_month_authored_are_fine(form, v01) -> None:
    v01["answers"]["preventives"][1].update(started="2026-11", stopped="2026-11")
    assert parse_response(v01, form).answers["preventives"][1]["stopped"] == "2026-11"


def test_a_value_with_a_newline_is_quoted_on_one_line(form, v01) -> None:
    v01["answers"]["prior_botox"] = "no\nerror: forged"
    assert 'prior_botox: expected one of yes, no, unsure, got "no\\nerror: forged"' in _errors(form, v01)


@pytest.mark.parametrize(("text", "found"), [("Ana\tLu", "\\t"), ("Ana\x9f", "\\x9f"), ("\ud800Ana", "\\ud800")])
def test_text_answers_must_be_plain_whatever_their_source(form, v01, text, found) -> None:
    v01["answers"]["given_name"] = text
    [error] = _errors(form, v01)
    assert error.startswith(f"given_name: expected text without control characters or lone surrogates (found {found}), got ")


def test_no_break_space_in_a_name_is_fine(form, v01) -> None:
    v01["answers"]["family_name"] = "de\xa0la Cruz"
    assert parse_response(v01, form).answers["family_name"] == "de\xa0la Cruz"


@pytest.mark.parametrize(("key", "shown"), [("", '""'), (" ", '" "'), ("\u2028", '"\\u2028"')])
def test_a_blank_key_is_quoted_so_the_line_names_it(form, v01, key, shown) -> None:
    v01["answers"][key] = "no"
    v01[key] = 1
    v01["answers"]["preventives"][0][key] = 2
    assert _errors(form, v01) == [
        f"{shown}: unknown top-level key; expected form, authored, language, answers, got 1",
        f"preventives[0].{shown}: unknown field; expected one of medicine, weeks, outcome, dose, started, stopped, got 2",
        f'{shown}: unknown answer key; the form has no such question, got "no"',
    ]

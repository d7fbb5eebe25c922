"""The patient's words in each language: counts agree with their number, numbers are written the language's way."""

from __future__ import annotations

import pytest

from intake.questionnaire.patient_wording import ENGLISH, PatientWording, sentence_names, wording_for

SPANISH = wording_for("es")


def test_progress_names_the_part_only_where_a_section_has_several_screens() -> None:
    assert ENGLISH.progress(2, 7) == "Section 2 of 7"
    assert ENGLISH.progress(7, 7, 1, 1) == "Section 7 of 7"
    assert ENGLISH.progress(7, 8, 2, 3) == "Section 7 of 8 · part 2 of 3"
    assert SPANISH.progress(7, 8, 2, 3) == "Sección 7 de 8 · parte 2 de 3"


def test_the_problem_count_agrees_with_its_number() -> None:
    assert ENGLISH.problems_summary(1) == "1 answer needs attention"
    assert ENGLISH.problems_summary(2) == "2 answers need attention"
    assert ENGLISH.problems_summary(12) == "12 answers need attention"
    assert SPANISH.problems_summary(1) == "1 respuesta necesita atención"
    assert SPANISH.problems_summary(2) == "2 respuestas necesitan atención"


@pytest.mark.parametrize(
    ("count", "english", "spanish"),
    [(0, "0 days", "0 días"), (1, "1 day", "1 día"), (2, "2 days", "2 días"), (21, "21 days", "21 días")],
)
def test_counted_days_in_both_languages(count: int, english: str, spanish: str) -> None:
    assert ENGLISH.days_counted(count) == english
    assert SPANISH.days_counted(count) == spanish


def test_the_countdown_says_second_or_seconds() -> None:
    assert "close in 1 second." in ENGLISH.closing_in(1)
    assert "close in 5 seconds." in ENGLISH.closing_in(5)
    assert "cerrará en 1 segundo." in SPANISH.closing_in(1)
    assert "cerrará en 5 segundos." in SPANISH.closing_in(5)


@pytest.mark.parametrize(
    ("value", "english", "spanish"),
    [(1.5, "1.5", "1,5"), (0.25, "0.25", "0,25"), (120, "120", "120"), (2, "2", "2"), (1000, "1000", "1000")],
)
def test_numbers_are_written_the_languages_way_without_thousands_separators(value: float, english: str, spanish: str) -> None:
    assert ENGLISH.number(value) == english
    assert SPANISH.number(value) == spanish


def test_a_regional_tag_writes_numbers_as_its_region_does() -> None:
    assert wording_for("es-MX").number(1.5) == "1.5", "Mexico writes a decimal point (CLDR)"
    assert wording_for("es-MX").NEXT == SPANISH.NEXT, "and reads the Spanish catalog"


def test_a_range_in_another_unit_uses_the_decimal_comma_in_spanish(form) -> None:
    assert ENGLISH.out_of_range_in("years", 0, 1.5, whole=False) == "Please enter a number from 0 to 1.5 years."
    assert SPANISH.out_of_range_in("años", 0, 1.5, whole=False) == "Escriba un número del 0 al 1,5 años."
    assert ENGLISH.out_of_range(form.question("headache_days")) == "Please enter a whole number from 0 to 31."
    assert SPANISH.out_of_range(form.question("headache_days")) == "Escriba un número entero del 0 al 31."


def test_required_messages_name_the_forms_own_option_words(form) -> None:
    question = form.question("aura")
    yes, no, unsure = (question.option_label(value) for value in ("yes", "no", "unsure"))
    assert ENGLISH.required_message(question) == f"Please choose {yes}, {no} or {unsure}."
    assert SPANISH.required_message(question) == f"Elija {yes}, {no} o {unsure}."


def test_every_sentence_is_translated_in_spanish_and_an_english_wording_reads_the_ids() -> None:
    same = []
    for name in sentence_names():
        english = getattr(PatientWording, name)
        assert getattr(ENGLISH, name) == english
        assert getattr(SPANISH, name), name
        if getattr(SPANISH, name) == english:
            same.append(name)
    assert same == ["DAY_PLACEHOLDER"], 'only "DD" reads the same in Spanish'


def test_one_wording_per_language() -> None:
    assert wording_for("es") is SPANISH
    assert SPANISH.language == "es" and ENGLISH.language == "en"

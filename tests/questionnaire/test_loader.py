"""A form file with its texts in two languages, read as one form per language."""

from __future__ import annotations

import pytest
import yaml

from intake.questionnaire.loader import load_form, load_form_languages
from intake.yamlfile import DataFileError
from two_languages import TWO_LANGUAGES, written


def test_the_form_is_read_in_its_source_language_unless_asked(tmp_path) -> None:
    path = written(tmp_path, TWO_LANGUAGES)
    english, spanish = load_form(path), load_form(path, "es")
    assert (english.language, english.title, english.question("days").unit) == ("en", "Headache questions", "days a month")
    assert (spanish.language, spanish.question("days").unit) == ("es", "días al mes")
    assert spanish.title == "Preguntas sobre el dolor de cabeza"
    assert spanish.languages == ("en", "es")
    assert spanish.rules[0].message == "Como máximo {right}."


def test_yes_no_unsure_answers_are_named_in_the_forms_words(tmp_path) -> None:
    spanish = load_form(written(tmp_path, TWO_LANGUAGES), "es")
    assert [spanish.question("aura").option_label(value) for value in ("yes", "no", "unsure")] == ["Sí", "No", "No sé"]


def test_every_language_is_one_validated_form(tmp_path) -> None:
    forms = load_form_languages(written(tmp_path, TWO_LANGUAGES))
    assert list(forms) == ["en", "es"]
    assert forms["es"].question("aura").text == "¿Señales de aviso?"


def test_a_missing_translation_names_the_file_question_and_language(tmp_path) -> None:
    data = yaml.safe_load(yaml.safe_dump(TWO_LANGUAGES))
    del data["sections"][0]["questions"][1]["unit"]["es"]
    path = written(tmp_path, data)
    with pytest.raises(DataFileError) as raised:
        load_form(path)
    assert raised.value.lines == [f"{path}: days: unit: no es text (the file is in en, es)"]


def test_a_translated_message_is_checked_like_the_original(tmp_path) -> None:
    data = yaml.safe_load(yaml.safe_dump(TWO_LANGUAGES))
    data["rules"][0]["message"]["es"] = "Como máximo {derecha}."
    path = written(tmp_path, data)
    load_form(path)
    with pytest.raises(DataFileError, match=r"rules\[0\]\.message: only \{left\} and \{right\}"):
        load_form_languages(path)


def test_yes_no_unsure_words_must_be_the_three_answers(tmp_path) -> None:
    data = yaml.safe_load(yaml.safe_dump(TWO_LANGUAGES))
    data["yes_no_unsure"].pop()
    with pytest.raises(DataFileError, match="yes_no_unsure: expected the words for yes, no, unsure"):
        load_form(written(tmp_path, data))

"""A file's texts in every language it declares, and its copy in one language."""

from __future__ import annotations

import pytest

from intake.localized import LanguageError, declared_languages, file_languages, in_language
from intake.paths import FORM_FILE
from intake.questionnaire.loader import default_form
from intake.yamlfile import DataFileError

TEXTS = frozenset({"text", "label"})


def _file(**changes: object) -> dict:
    data: dict = {
        "languages": ["en", "es"],
        "questions": [
            {"id": "aura", "text": {"en": "Warning signs?", "es": "¿Señales de aviso?"}, "max": 3},
            {
                "id": "nausea",
                "text": {"en": "Sick?", "es": "¿Náuseas?"},
                "options": [{"value": "a", "label": {"en": "A", "es": "Á"}}],
            },
        ],
    }
    data.update(changes)
    return data


def test_each_text_is_read_in_the_language_asked_for() -> None:
    spanish = in_language(_file(), "es", TEXTS)
    assert [question["text"] for question in spanish["questions"]] == ["¿Señales de aviso?", "¿Náuseas?"]
    assert spanish["questions"][1]["options"][0]["label"] == "Á"
    assert spanish["questions"][0]["max"] == 3
    assert (spanish["language"], spanish["languages"]) == ("es", ["en", "es"])


def test_a_missing_translation_names_the_entry_and_the_language() -> None:
    data = _file()
    del data["questions"][1]["options"][0]["label"]["es"]
    data["questions"][0]["text"]["es"] = "  "
    with pytest.raises(LanguageError) as raised:
        in_language(data, "en", TEXTS)
    assert raised.value.problems == [
        "aura: text: no es text (the file is in en, es)",
        "nausea: options[0].label: no es text (the file is in en, es)",
    ]


def test_a_plain_string_in_a_file_of_two_languages_is_refused() -> None:
    data = _file()
    data["questions"][0]["text"] = "Warning signs?"
    with pytest.raises(LanguageError, match=r"aura: text: expected the text in each language \(en, es\)"):
        in_language(data, "en", TEXTS)


def test_a_text_in_an_undeclared_language_is_refused() -> None:
    data = _file()
    data["questions"][0]["text"]["fr"] = "Aura ?"
    with pytest.raises(LanguageError, match="aura: text: text in fr, which is not one of the file's languages"):
        in_language(data, "es", TEXTS)


def test_a_language_the_file_does_not_have_is_refused() -> None:
    with pytest.raises(LanguageError, match="no 'fr' text here"):
        in_language(_file(), "fr", TEXTS)


def test_a_file_without_languages_is_english_with_plain_texts() -> None:
    data = {"questions": [{"id": "aura", "text": "Warning signs?"}]}
    assert declared_languages(data) == ("en",)
    assert in_language(data, "en", TEXTS)["questions"][0]["text"] == "Warning signs?"


@pytest.mark.parametrize("languages", [[], "en", ["EN"], ["en", "en"], ["english"], [1]])
def test_languages_must_be_distinct_lower_case_codes(languages) -> None:
    with pytest.raises(LanguageError, match="languages: expected"):
        declared_languages({"languages": languages})


def test_a_files_languages_are_read_without_building_it(tmp_path) -> None:
    assert file_languages(FORM_FILE) == default_form().languages
    path = tmp_path / "form.yaml"
    path.write_text("languages: [en, en]\nsections: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="languages: expected each language once") as raised:
        file_languages(path)
    assert raised.value.path == path

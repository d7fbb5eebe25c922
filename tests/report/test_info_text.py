"""The sheet's words as data: every language says the same things, a broken file names the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake.report.info_text import INFO_DIR, load_sheet_text, sheet_language_for, sheet_language_names, sheet_languages
from intake.yamlfile import DataFileError


def _broken(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((INFO_DIR / "en.yaml").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "en.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_every_language_has_the_english_sections_in_the_same_order() -> None:
    english = load_sheet_text("en")
    shape = [(section.id, section.warning, bool(section.points)) for section in english.sections]
    for language in sheet_languages():
        text = load_sheet_text(language)
        assert [(section.id, section.warning, bool(section.points)) for section in text.sections] == shape, language
        assert text.language == language


def test_a_missing_heading_names_file_section_and_field(tmp_path) -> None:
    directory = _broken(tmp_path, lambda data: data["sections"][2].pop("heading"))
    with pytest.raises(DataFileError) as raised:
        load_sheet_text("en", directory)
    assert raised.value.lines == [f"{directory / 'en.yaml'}: how_given: heading: Field required"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda data: data.pop("title"), "en.yaml: title: Field required"),
        (lambda data: data.update(titel="x"), "en.yaml: titel: Extra inputs are not permitted"),
        (lambda data: data["sections"][0].update(paragraphs=[], points=[]),
         "en.yaml: what_it_is: expected at least one paragraph or point"),
        (lambda data: data["sections"][4]["points"].append("**bold"), "en.yaml: side_effects: points[5]: expected ** in pairs"),
        (lambda data: data["sections"][1].update(id="what_it_is"),
         "en.yaml: sections: expected each section id once, got what_it_is"),
        (lambda data: data.update(language="es"), "en.yaml: language: expected en (the file's name), got es"),
        (lambda data: data.update(sections=[]), "en.yaml: sections: List should have at least 1 item"),
    ],
)
def test_a_broken_file_is_refused_naming_the_field(tmp_path, change, expected) -> None:
    directory = _broken(tmp_path, change)
    with pytest.raises(DataFileError) as raised:
        load_sheet_text("en", directory)
    assert expected in str(raised.value)


def test_the_visit_language_picks_the_sheet_else_english() -> None:
    assert sheet_language_for("es-MX") == "es"
    assert sheet_language_for("ES") == "es"
    assert sheet_language_for("fr") == "en"
    assert sheet_language_for(None) == "en"


def test_staff_choose_a_sheet_language_by_its_own_name_and_an_unnamed_one_by_its_code(tmp_path) -> None:
    assert sheet_language_names() == {"en": "English", "es": "Español"}
    directory = _broken(tmp_path, lambda data: data.pop("title"))
    (directory / "fr.yaml").write_text("language: fr\n", encoding="utf-8")
    assert sheet_language_names(directory) == {"en": "English", "fr": "fr"}, "named without reading the files"

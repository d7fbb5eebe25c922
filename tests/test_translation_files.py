"""The CI check of the translations: templates current with the code, Spanish complete, nothing fuzzy.

Runs Babel's extractor over the code as `python -m intake.translation_files extract` does, so
a sentence added without re-extracting, or left untranslated, fails here rather than
showing English to a Spanish-speaking patient.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from intake.paths import PROJECT_ROOT
from intake.questionnaire.patient_wording import PatientWording, sentence_names
from intake.settings import Settings
from intake.translation_files import (
    DOMAIN_SOURCES,
    KEYWORDS,
    compile_all,
    extract,
    extracted,
    read_catalog,
    source_files,
    start,
    template_path,
)
from intake.translations import PATIENT_DOMAIN, STAFF_DOMAIN, TRANSLATIONS_DIR, languages, source_path


def _ids(catalog) -> set[object]:
    return {message.id for message in catalog if message.id}


@pytest.mark.parametrize("domain", list(DOMAIN_SOURCES))
def test_each_template_holds_exactly_what_the_code_says(domain: str) -> None:
    template = read_catalog(template_path(domain))
    assert _ids(template) == _ids(extracted(domain)), f"run: python -m intake.translation_files extract ({domain}.pot is stale)"


def test_no_other_module_calls_gettext() -> None:
    """Each domain's words live in the modules it names, which are all its template is extracted from."""
    owned = {path.relative_to(PROJECT_ROOT).as_posix() for domain in DOMAIN_SOURCES for path in source_files(domain)}
    elsewhere = [
        (filename, message)
        for filename, _line, message, _comments, _context in extract_from_dir(
            PROJECT_ROOT / "intake", method_map=[("**.py", "python")], keywords=KEYWORDS
        )
        if f"intake/{filename}" not in owned
    ]
    assert elsewhere == []


@pytest.mark.parametrize("domain", list(DOMAIN_SOURCES))
def test_every_source_a_domain_names_exists(domain: str) -> None:
    """A path or glob that matched nothing would leave its words out of the template unnoticed."""
    for pattern in DOMAIN_SOURCES[domain]:
        assert list(PROJECT_ROOT.glob(pattern)), f"{domain}: {pattern} names no file"


def test_every_word_the_settings_screen_shows_is_in_the_staff_template() -> None:
    """The model's titles, help, empty choices and choice labels are marked `N_` where they are declared."""
    template = _ids(read_catalog(template_path(STAFF_DOMAIN)))
    shown = set()
    for info in Settings.model_fields.values():
        if not info.title:
            continue
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        labels = extra.get("labels")
        shown |= {info.title, info.description, extra.get("empty"), *(labels.values() if isinstance(labels, dict) else ())}
    assert shown - {None} <= template, shown - {None} - template


def test_every_sentence_of_the_patient_wording_is_in_the_template() -> None:
    template = _ids(read_catalog(template_path(PATIENT_DOMAIN)))
    assert {getattr(PatientWording, name) for name in sentence_names()} <= template


@pytest.mark.parametrize("language", languages(PATIENT_DOMAIN)[1:])
def test_the_patient_translations_are_complete_and_none_is_fuzzy(language: str) -> None:
    template = read_catalog(template_path(PATIENT_DOMAIN))
    translation = read_catalog(source_path(PATIENT_DOMAIN, language), language)
    assert _ids(translation) == _ids(template), f"{language}: not in step with the template"
    untranslated = [message.id for message in translation if message.id and not all(_strings(message.string))]
    fuzzy = [message.id for message in translation if message.id and message.fuzzy]
    assert (untranslated, fuzzy) == ([], [])
    assert not translation.fuzzy, "the header is not marked fuzzy"


def _strings(string: object) -> tuple[str, ...]:
    return tuple(string) if isinstance(string, tuple | list) else (str(string),)


TRANSLATIONS = [(domain, language) for domain in DOMAIN_SOURCES for language in languages(domain)[1:]]
"""Every translation of every domain: the patient's Spanish now, the staff words' once a `staff.po` exists."""


def _blanks(text: str) -> set[str]:
    return {field for _literal, field, _spec, _conversion in string.Formatter().parse(text) if field}


def _lost_blanks(domain: str, language: str, directory: Path = TRANSLATIONS_DIR) -> list[str]:
    """The sentences whose translation lost a blank or invented one (an untranslated one has nothing to lose).

    A translation may leave out a name the sentence can do without, never its `{count}`.
    """
    wrong = []
    for message in read_catalog(source_path(domain, language, directory), language):
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        wanted = set().union(*(_blanks(text) for text in ids))
        for translated in filter(None, _strings(message.string)):
            if not (_blanks(translated) == wanted or (_blanks(translated) <= wanted and "count" not in wanted)):
                wrong.append(ids[0])
    return wrong


@pytest.mark.parametrize(("domain", "language"), TRANSLATIONS)
def test_translations_keep_every_blank_of_their_sentence(domain: str, language: str) -> None:
    """A `{count}` the translation lost, or one it invented, would break the sentence at run time."""
    assert _lost_blanks(domain, language) == []


STAFF_CATALOG = r'''
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: eo\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Visits on {day}"
msgstr "Vizitoj je {tago}"

msgid "Signed in: {name}"
msgstr "Ensalutinta: {name}"

msgid "{count} row."
msgid_plural "{count} rows."
msgstr[0] "Unu vico."
msgstr[1] "{count} vicoj."

msgid "Urgent alert"
msgstr ""
'''


def test_a_staff_translation_is_checked_for_its_blanks_as_soon_as_it_exists(tmp_path: Path) -> None:
    directory = tmp_path / "translations"
    path = source_path(STAFF_DOMAIN, "eo", directory)
    path.parent.mkdir(parents=True)
    path.write_text(STAFF_CATALOG, encoding="utf-8")
    assert languages(STAFF_DOMAIN, directory) == ("en", "eo")
    assert _lost_blanks(STAFF_DOMAIN, "eo", directory) == ["Visits on {day}", "{count} row."]


def test_extract_and_compile_work_on_a_copy(tmp_path: Path) -> None:
    directory = tmp_path / "translations"
    for language in languages(PATIENT_DOMAIN)[1:]:
        target = source_path(PATIENT_DOMAIN, language, directory)
        target.parent.mkdir(parents=True)
        target.write_bytes(source_path(PATIENT_DOMAIN, language).read_bytes())
    written = extract([PATIENT_DOMAIN], directory)
    assert template_path(PATIENT_DOMAIN, directory) in written
    assert _ids(read_catalog(template_path(PATIENT_DOMAIN, directory))) == _ids(read_catalog(template_path(PATIENT_DOMAIN)))
    compiled = compile_all(directory)
    assert [path.name for path in compiled] == ["patient.mo"] * (len(languages(PATIENT_DOMAIN)) - 1)


def test_a_new_language_starts_with_every_patient_sentence_to_translate(tmp_path: Path) -> None:
    directory = tmp_path / "translations"
    path = start("fr", directory)
    assert path == source_path(PATIENT_DOMAIN, "fr", directory)
    started = read_catalog(path, "fr")
    assert _ids(started) == _ids(read_catalog(template_path(PATIENT_DOMAIN)))
    translated = [message.id for message in started if message.id and any(_texts(message.string))]
    assert translated == []
    assert languages(PATIENT_DOMAIN, directory) == ("en", "fr")
    path.write_text("kept", encoding="utf-8")
    start("fr", directory)
    assert path.read_text(encoding="utf-8") == "kept", "a translation under way is never replaced"


def _texts(string: str | tuple[str, ...]) -> tuple[str, ...]:
    """A message's translation, or each of its plural forms."""
    return (string,) if isinstance(string, str) else string

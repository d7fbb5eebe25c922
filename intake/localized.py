"""One data file in several languages: texts written `{en: ..., es: ...}`, read in one language.

The form and the catalog keep every language of a text side by side, as XLSForm's
`label::Español (es)` columns do: a translator sees what they translate, and a question
cannot gain a sentence in one language only. The models stay one-language (`question.text`
is a `str`), so nothing that reads them changes: the file is first checked to have every
text in every language it declares (each gap named by its entry's id and the language), then
copied with each text replaced by its words in the language wanted.

Which keys hold texts is the caller's list; a mapping under any other key is data. A file
that declares no `languages` is in `DEFAULT_LANGUAGE` only and its texts are plain strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from intake.yamlfile import DataFileError, Model, describe_location, model_from_data, read_mapping

LANGUAGES_KEY = "languages"
DEFAULT_LANGUAGE = "en"
_LANGUAGE_CODE_LENGTHS = (2, 3)


class LanguageError(ValueError):
    """The file's languages are unusable, or a text lacks one; one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def load_in_language(path: Path, model: type[Model], text_keys: frozenset[str], language: str | None = None) -> Model:
    """`model` from a file, its texts in `language` (default: the file's source language)."""
    data = read_mapping(path)
    try:
        chosen = language or declared_languages(data)[0]
        return model_from_data(path, in_language(data, chosen, text_keys), model)
    except LanguageError as error:
        raise DataFileError(path, error.problems) from error


def load_every_language(path: Path, model: type[Model], text_keys: frozenset[str]) -> dict[str, Model]:
    """One `model` per language of the file, the source language first: each copy is validated,
    so a Spanish message with a wrong placeholder fails at load like an English one."""
    data = read_mapping(path)
    try:
        return {
            language: model_from_data(path, in_language(data, language, text_keys), model)
            for language in declared_languages(data)
        }
    except LanguageError as error:
        raise DataFileError(path, error.problems) from error


def file_languages(path: Path) -> tuple[str, ...]:
    """The languages a file declares, its source language first, without building its model (the
    kiosk's first frame offers them before the form is loaded); `DataFileError` as a load would say."""
    try:
        return declared_languages(read_mapping(path))
    except LanguageError as error:
        raise DataFileError(path, error.problems) from error


def declared_languages(data: dict[str, Any]) -> tuple[str, ...]:
    """The file's languages, its source language first: what every text must be written in."""
    if LANGUAGES_KEY not in data:
        return (DEFAULT_LANGUAGE,)
    languages = data[LANGUAGES_KEY]
    if not (isinstance(languages, list) and languages and all(_is_code(code) for code in languages)):
        raise LanguageError([f"{LANGUAGES_KEY}: expected a list of lower-case language codes such as [en, es]"])
    if len(set(languages)) != len(languages):
        raise LanguageError([f"{LANGUAGES_KEY}: expected each language once"])
    return tuple(languages)


def _is_code(code: object) -> bool:
    return isinstance(code, str) and code.isascii() and code.isalpha() and code.islower() and (
        len(code) in _LANGUAGE_CODE_LENGTHS
    )


def in_language(data: dict[str, Any], language: str, text_keys: frozenset[str]) -> dict[str, Any]:
    """The file's data with each text in `language`, once every text is known to have every language.

    The `languages` entry stays, and `language` says which one this copy is in.
    """
    languages = declared_languages(data)
    if language not in languages:
        raise LanguageError([f"{LANGUAGES_KEY}: no {language!r} text here (the file has {', '.join(languages)})"])
    problems = [
        f"{describe_location(data, location)}: {problem}" for location, problem in _text_problems(data, languages, text_keys)
    ]
    if problems:
        raise LanguageError(problems)
    picked = _pick(data, language, text_keys)
    picked[LANGUAGES_KEY] = list(languages)
    picked["language"] = language
    return picked


def _text_problems(
    node: Any, languages: tuple[str, ...], text_keys: frozenset[str], location: tuple[int | str, ...] = ()
) -> Iterator[tuple[tuple[int | str, ...], str]]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _text_problems(item, languages, text_keys, (*location, index))
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in text_keys:
                problem = _translation_problem(value, languages)
                if problem is not None:
                    yield (*location, key), problem
            else:
                yield from _text_problems(value, languages, text_keys, (*location, key))


def _translation_problem(value: Any, languages: tuple[str, ...]) -> str | None:
    if languages == (DEFAULT_LANGUAGE,) and isinstance(value, str):
        return None
    if not isinstance(value, dict):
        return f"expected the text in each language ({', '.join(languages)}), e.g. {{{languages[0]}: ..., ...}}"
    missing = [code for code in languages if not (isinstance(value.get(code), str) and value[code].strip())]
    if missing:
        return f"no {', '.join(missing)} text (the file is in {', '.join(languages)})"
    extra = sorted(str(code) for code in value if code not in languages)
    if extra:
        return f"text in {', '.join(extra)}, which is not one of the file's languages ({', '.join(languages)})"
    return None


def _pick(node: Any, language: str, text_keys: frozenset[str]) -> Any:
    if isinstance(node, list):
        return [_pick(item, language, text_keys) for item in node]
    if isinstance(node, dict):
        return {
            key: value[language] if key in text_keys and isinstance(value, dict) else _pick(value, language, text_keys)
            for key, value in node.items()
        }
    return node

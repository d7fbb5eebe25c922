"""A form's texts in every language in one FHIR resource, with FHIR's `translation` extension.

FHIR keeps one language per resource (`language`, here the form's source language) and
carries the words of the others on the same element: a complex `translation` extension
(`lang`: the language's code, `content`: the words) on the primitive, which JSON writes
as `_text`, `_title` or `_display` beside the element. A renderer showing the form in
Spanish looks there, so a Questionnaire exported once serves a patient in each language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from intake.questionnaire.form import Form

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"

Part = TypeVar("Part")
Child = TypeVar("Child")


def translation(language: str, words: str) -> dict[str, Any]:
    return {
        "url": TRANSLATION,
        "extension": [{"url": "lang", "valueCode": language}, {"url": "content", "valueString": words}],
    }


@dataclass(frozen=True)
class InEveryLanguage(Generic[Part]):
    """One part of the form (a section, a question, the form itself) as each language's copy has it, the source first.

    Every copy is read from the same file and differs in words only, so a section's
    questions, a question's options and a group's fields line up one for one.
    """

    languages: tuple[str, ...]
    copies: tuple[Part, ...]

    @property
    def source(self) -> Part:
        return self.copies[0]

    def each(self, parts: Callable[[Part], Sequence[Child]]) -> list[InEveryLanguage[Child]]:
        """The parts of this part (`section.questions`), each in every language."""
        lined_up = zip(*(parts(copy) for copy in self.copies), strict=True)
        return [InEveryLanguage(self.languages, tuple(copies)) for copies in lined_up]

    def words(self, key: str, text: Callable[[Part], str]) -> dict[str, Any]:
        """`{key: the source's words, _key: a translation per other language}`, to merge into an element."""
        source, *others = (text(copy) for copy in self.copies)
        element: dict[str, Any] = {key: source}
        if others:
            element[f"_{key}"] = {
                "extension": [translation(language, words) for language, words in zip(self.languages[1:], others, strict=True)]
            }
        return element


def in_every_language(forms: Mapping[str, Form], first: str | None = None) -> InEveryLanguage[Form]:
    """The form's copies (`load_form_languages`); `ValueError` unless they are every language the form declares, source first.

    `first`: the language whose words the resource is written in (default the source
    language); the others, the source among them, ride as translations. A renderer
    that reads no translation extension shows a patient this language's words."""
    copies = tuple(forms.values())
    if not copies or tuple(forms) != copies[0].languages or any(forms[code].language != code for code in forms):
        found = ", ".join(forms) or "none"
        expected = ", ".join(copies[0].languages) if copies else "its languages"
        raise ValueError(f"expected the form in {expected} (the source language first), got {found}")
    if first is None:
        return InEveryLanguage(tuple(forms), copies)
    if first not in forms:
        raise ValueError(f"the form is not written in {first!r}; its languages: {', '.join(forms)}")
    languages = (first, *(code for code in forms if code != first))
    return InEveryLanguage(languages, tuple(forms[code] for code in languages))

"""The patient information sheet's words, one YAML file per language in `forms/info/`.

The sheet is text a clinic may correct or translate without touching code, so each file
is checked at load like the form and the policies: a wrong or missing field is reported
with the file and the field, and a file cannot claim another language than its name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, field_validator, model_validator

from intake.frozen import Frozen
from intake.language_names import language_names
from intake.paths import FORMS_DIR
from intake.yamlfile import DataFileError, load_model

INFO_DIR = FORMS_DIR / "info"
DEFAULT_SHEET_LANGUAGE = "en"

BOLD = "**"
"""Marks the words set in bold (the numbers a patient looks for), as `**31 small injections**`."""


def _bold_in_pairs(text: str) -> str:
    if text.count(BOLD) % 2:
        raise ValueError(f"expected {BOLD} in pairs around bold words, got an odd number of them")
    return text


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1200), AfterValidator(_bold_in_pairs)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), AfterValidator(_bold_in_pairs)]


class InfoSection(Frozen):
    """One headed block of the sheet: paragraphs, then bullet points."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    heading: Line
    paragraphs: list[Text] = Field(default_factory=list)
    points: list[Text] = Field(default_factory=list)
    point_columns: int = Field(default=1, ge=1, le=2, description="2 sets short points side by side to save lines.")
    warning: bool = Field(default=False, description="Drawn in a ruled box: the risk the patient must act on.")

    @model_validator(mode="after")
    def _has_words(self) -> InfoSection:
        if not self.paragraphs and not self.points:
            raise ValueError("expected at least one paragraph or point, got neither")
        return self


class InfoSheetText(Frozen):
    language: str = Field(pattern=r"^[a-z]{2,3}$", description="The file's name without `.yaml`.")
    title: Line
    lead: Text
    phone_label: Line
    sections: list[InfoSection] = Field(min_length=1)
    footer: Text

    @field_validator("sections")
    @classmethod
    def _unique_ids(cls, sections: list[InfoSection]) -> list[InfoSection]:
        ids = [section.id for section in sections]
        repeated = sorted({name for name in ids if ids.count(name) > 1})
        if repeated:
            raise ValueError(f"expected each section id once, got {', '.join(repeated)} more than once")
        return sections


def sheet_languages(directory: Path = INFO_DIR) -> list[str]:
    """The languages a sheet exists for, by file name."""
    return sorted(path.stem for path in directory.glob("*.yaml"))


def sheet_language_names(directory: Path = INFO_DIR) -> dict[str, str]:
    """Each sheet language by its own name (`es`: `Español`) for staff choosing one, as the kiosk's setting names it."""
    return language_names(sheet_languages(directory))


def load_sheet_text(language: str, directory: Path = INFO_DIR) -> InfoSheetText:
    """The sheet in this language; `DataFileError` names the file and field when it is wrong."""
    path = directory / f"{language}.yaml"
    text = load_model(path, InfoSheetText)
    if text.language != language:
        raise DataFileError(path, [f"language: expected {language} (the file's name), got {text.language}"])
    return text


def sheet_language_for(tag: str | None, directory: Path = INFO_DIR) -> str:
    """The sheet to give a patient who answered in `tag` (`es-MX` gets `es`); English when none fits."""
    primary = (tag or DEFAULT_SHEET_LANGUAGE).split("-")[0].lower()
    return primary if primary in sheet_languages(directory) else DEFAULT_SHEET_LANGUAGE

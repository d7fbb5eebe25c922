"""The medicine catalog (`forms/medicines.yaml`).

Rules count classes and distinct medicines, so a brand name must resolve to the same
generic as its generic name (Topamax and topiramate are one medicine), and so must the
same name written with a dose, a salt or a release form ("Topamax 50 mg"). Names the
catalog does not know are kept by callers and reported as "not in catalog", never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from intake.catalog.names import NameNormaliser, exact_form, words
from intake.frozen import Frozen
from intake.localized import DEFAULT_LANGUAGE, load_in_language

LOOKUPS_KEPT = 4096
"""Typed names whose catalog entry is remembered: far more than a clinic's names, little memory."""


class DrugClass(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Literal["acute", "preventive"]
    label: str = Field(min_length=1)


class Medicine(Frozen):
    generic: str = Field(min_length=1, description="Lower-case generic name, the medicine's identity.")
    acute: str | None = Field(default=None, description="Acute class id, if used for attacks.")
    preventive: str | None = Field(default=None, description="Preventive class id, if used for prevention.")
    brands: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = Field(default=(), description="Other generic spellings (acetaminophen, valproate).")
    exact_only: tuple[str, ...] = Field(
        default=(),
        description="Names matched only as typed, never after removing doses: 'Tylenol 3' is codeine, 'Tylenol' is not.",
    )
    local_names: dict[str, str] = Field(
        default_factory=dict,
        description="By language, the spelling a patient answering in it knows (es: ibuprofeno); one of the names above.",
    )

    @model_validator(mode="after")
    def _has_a_class(self) -> Medicine:
        if self.acute is None and self.preventive is None:
            raise ValueError(f"{self.generic}: give an acute or a preventive class (or both)")
        for language, name in self.local_names.items():
            if name not in self.names:
                raise ValueError(f"{self.generic}: local_names {language}: {name!r} is not one of its names")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.normalisable_names, *self.exact_only)

    @property
    def normalisable_names(self) -> tuple[str, ...]:
        """The names also matched with doses, salts and release forms removed."""
        return (self.generic, *self.synonyms, *self.brands)


class Catalog(Frozen):
    version: str = Field(min_length=1)
    languages: tuple[str, ...] = Field(default=(DEFAULT_LANGUAGE,), description="Every language the labels are in.")
    language: str = Field(default=DEFAULT_LANGUAGE, description="The language of this copy's labels.")
    ignore_words: tuple[str, ...] = Field(
        default=(), description="Salt, release and form words (one word or several) that never name a medicine."
    )
    classes: tuple[DrugClass, ...] = Field(min_length=1)
    medicines: tuple[Medicine, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        kinds = {drug_class.id: drug_class.kind for drug_class in self.classes}
        if len(kinds) != len(self.classes):
            raise ValueError("a class id is listed twice")
        for index, word in enumerate(self.ignore_words):
            if not words(word):
                raise ValueError(f"ignore_words[{index}]: {word!r} has no word left once doses are removed")
        for index, medicine in enumerate(self.medicines):
            for attribute in ("acute", "preventive"):
                class_id = getattr(medicine, attribute)
                if class_id is not None and kinds.get(class_id) != attribute:
                    raise ValueError(f"medicines[{index}].{attribute}: {class_id!r} is not a known {attribute} class")
        self._check_names_are_unambiguous()
        return self

    def _check_names_are_unambiguous(self) -> None:
        """Two medicines sharing a name, as typed or once normalised, would make a lookup guess."""
        exact: dict[str, tuple[int, str]] = {}
        normalised: dict[str, tuple[int, str]] = {}
        for index, medicine in enumerate(self.medicines):
            for name in medicine.names:
                if clash := self._clash(exact, exact_form(name), index, name):
                    raise ValueError(f"{self._entry(index)}: name {name!r} is also {clash}")
            for name in medicine.normalisable_names:
                key = self._normalised_names[name]
                if not key:
                    raise ValueError(f"{self._entry(index)}: name {name!r} is only doses and ignored words")
                if clash := self._clash(normalised, key, index, name):
                    raise ValueError(f"{self._entry(index)}: name {name!r} reads as {key!r}, like {clash}")

    def _clash(self, owners: dict[str, tuple[int, str]], key: str, index: int, name: str) -> str:
        """Another medicine's entry and name already holding this key, or "" if none."""
        other_index, other_name = owners.setdefault(key, (index, name))
        if self.medicines[other_index].generic == self.medicines[index].generic:
            return ""
        return f"{self._entry(other_index)} name {other_name!r}"

    def _entry(self, index: int) -> str:
        return f"medicines[{index}] ({self.medicines[index].generic})"

    @cached_property
    def _normaliser(self) -> NameNormaliser:
        return NameNormaliser(self.ignore_words)

    @cached_property
    def _exact_index(self) -> dict[str, Medicine]:
        return {exact_form(name): medicine for medicine in self.medicines for name in medicine.names}

    @cached_property
    def _normalised_names(self) -> dict[str, str]:
        """Each catalog name once normalised: for the load-time checks and then the lookup index."""
        return {name: self._normaliser(name) for medicine in self.medicines for name in medicine.normalisable_names}

    @cached_property
    def _normalised_index(self) -> dict[str, Medicine]:
        return {
            self._normalised_names[name]: medicine for medicine in self.medicines for name in medicine.normalisable_names
        }

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {drug_class.id: drug_class.label for drug_class in self.classes}

    def name_key(self, name: str) -> str:
        """Two typed names with the same key are one medicine, known to the catalog or not.

        The same normalising as `lookup` ("Migrastop 50 mg" and "migrastop" are one
        unlisted medicine); a name that is only doses or ignored words keys as typed.
        """
        return self._normaliser(name) or exact_form(name)

    def lookup(self, name: str) -> Medicine | None:
        """The catalog entry for a typed name; None if unknown.

        A name as typed (any case or spacing) wins; only then are doses, counts, salts and
        release forms removed from both sides. Names marked `exact_only` take part only
        in the first step. An assessment asks for each row's name several times, and
        clinics see the same names all day, so answers are remembered (the catalog is frozen).
        """
        return self._remembered_lookup(name)

    @cached_property
    def _remembered_lookup(self) -> Callable[[str], Medicine | None]:
        return lru_cache(maxsize=LOOKUPS_KEPT)(self._find)

    def _find(self, name: str) -> Medicine | None:
        found = self._exact_index.get(exact_form(name))
        if found is not None:
            return found
        key = self._normaliser(name)
        return self._normalised_index.get(key) if key else None

    @cached_property
    def _by_generic(self) -> dict[str, Medicine]:
        return {medicine.generic: medicine for medicine in self.medicines}

    def name_in(self, generic: str, language: str) -> str:
        """The name a patient answering in `language` knows a medicine by: its local spelling, else the generic."""
        medicine = self._by_generic.get(generic)
        return medicine.local_names.get(language, generic) if medicine else generic

    def class_label(self, class_id: str) -> str:
        return self._labels.get(class_id, class_id)

    def class_ids(self, kind: Literal["acute", "preventive"]) -> tuple[str, ...]:
        return tuple(drug_class.id for drug_class in self.classes if drug_class.kind == kind)


TEXT_KEYS = frozenset({"label"})
"""The catalog's texts (class names), each written in every language the catalog declares."""


def load_catalog(path: Path, language: str | None = None) -> Catalog:
    """The catalog with its labels in `language` (default: its source language)."""
    return load_in_language(path, Catalog, TEXT_KEYS, language)

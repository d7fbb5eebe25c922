"""The medicine catalog (`forms/medicines.yaml`).

Rules count classes and distinct medicines, so a brand name must resolve to the same
generic as its generic name (Topamax and topiramate are one medicine). Names the catalog
does not know are kept by callers and reported as "not in catalog", never guessed.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from intake.yamlfile import load_model

_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Lookup form of a typed medicine name: trimmed, single-spaced, case-folded."""
    return _SPACES.sub(" ", name.strip()).casefold()


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DrugClass(_Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Literal["acute", "preventive"]
    label: str = Field(min_length=1)


class Medicine(_Frozen):
    generic: str = Field(min_length=1, description="Lower-case generic name, the medicine's identity.")
    acute: str | None = Field(default=None, description="Acute class id, if used for attacks.")
    preventive: str | None = Field(default=None, description="Preventive class id, if used for prevention.")
    brands: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = Field(default=(), description="Other generic spellings (acetaminophen, valproate).")

    @model_validator(mode="after")
    def _has_a_class(self) -> Medicine:
        if self.acute is None and self.preventive is None:
            raise ValueError(f"{self.generic}: give an acute or a preventive class (or both)")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        return (self.generic, *self.synonyms, *self.brands)


class Catalog(_Frozen):
    version: str = Field(min_length=1)
    classes: tuple[DrugClass, ...] = Field(min_length=1)
    medicines: tuple[Medicine, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        kinds = {drug_class.id: drug_class.kind for drug_class in self.classes}
        if len(kinds) != len(self.classes):
            raise ValueError("a class id is listed twice")
        seen: dict[str, str] = {}
        for index, medicine in enumerate(self.medicines):
            for attribute in ("acute", "preventive"):
                class_id = getattr(medicine, attribute)
                if class_id is not None and kinds.get(class_id) != attribute:
                    raise ValueError(f"medicines[{index}].{attribute}: {class_id!r} is not a known {attribute} class")
            for name in medicine.names:
                key = normalise_name(name)
                if key in seen and seen[key] != medicine.generic:
                    raise ValueError(f"medicines[{index}]: name {name!r} is also used by {seen[key]}")
                seen[key] = medicine.generic
        return self

    @cached_property
    def _index(self) -> dict[str, Medicine]:
        return {normalise_name(name): medicine for medicine in self.medicines for name in medicine.names}

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {drug_class.id: drug_class.label for drug_class in self.classes}

    def lookup(self, name: str) -> Medicine | None:
        """The catalog entry for a typed name, generic or brand, any case; None if unknown."""
        return self._index.get(normalise_name(name))

    def class_label(self, class_id: str) -> str:
        return self._labels.get(class_id, class_id)

    def class_ids(self, kind: Literal["acute", "preventive"]) -> tuple[str, ...]:
        return tuple(drug_class.id for drug_class in self.classes if drug_class.kind == kind)


def load_catalog(path: Path) -> Catalog:
    return load_model(path, Catalog)

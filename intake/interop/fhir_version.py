"""Which FHIR release a resource is written for, and checking a resource against it.

`fhir.resources` ships R5 (its default) and R4B; "R4" on our command line means R4B,
the release R4 systems read. Checking builds the library's pydantic model, so a
resource we write is one the library (and the specification's cardinalities) accepts.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import Any

from pydantic import ValidationError


class FhirVersion(StrEnum):
    R4 = "R4"
    R5 = "R5"


class InvalidFhir(Exception):
    """A FHIR resource the library refuses; one line per problem, naming the element."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _model(version: FhirVersion, resource_type: str) -> Any:
    package = "fhir.resources.R4B" if version is FhirVersion.R4 else "fhir.resources"
    module = importlib.import_module(f"{package}.{resource_type.lower()}")
    return getattr(module, resource_type)


def checked(resource: dict[str, Any], version: FhirVersion) -> dict[str, Any]:
    """The resource as JSON data, after the FHIR library accepted it for this release."""
    try:
        model = _model(version, resource["resourceType"]).model_validate(resource)
    except ValidationError as error:
        raise InvalidFhir(
            [f"{'.'.join(str(part) for part in e['loc']) or resource['resourceType']}: {e['msg']}" for e in error.errors()]
        ) from None
    return model.model_dump(mode="json", exclude_none=True)

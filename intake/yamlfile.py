"""Loading YAML data files into pydantic models with errors that name file and field.

Forms, policies, the catalog and clinic settings are all edited by hand, so every load
error says which file, which entry (by its id where it has one) and what was expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class DataFileError(Exception):
    """A data file could not be read or does not match its schema; one line per problem."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(path, [f"cannot read file ({error.strerror or error})"]) from error
    except UnicodeDecodeError as error:
        raise DataFileError(path, ["not UTF-8 text"]) from error
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise DataFileError(path, [f"not valid YAML ({where}{getattr(error, 'problem', error)})"]) from error


def _owner(node: Any) -> str | None:
    """The name an entry goes by: its `id`, or a medicine's `generic` name."""
    if isinstance(node, dict):
        for name in ("id", "generic"):
            if isinstance(node.get(name), str):
                return node[name]
    return None


def describe_location(data: Any, location: tuple[int | str, ...]) -> str:
    """A pydantic error location as `OWNER: path`, OWNER being the innermost entry's id.

    `sections.2.questions.4.max` becomes `migraine_days: max`, so a form error reads
    `FILE: QUESTION_ID: problem`; a location with no named entry stays a plain path.
    """
    owner: str | None = None
    parts: list[str] = []
    node = data
    for step in location:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
            name = _owner(node)
            if name is not None:
                owner, parts = name, []
            else:
                parts.append(f"[{step}]")
        elif isinstance(node, dict) and step not in node and node.get("kind") == step:
            continue  # the tag pydantic adds for a discriminated union
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    path = "".join(parts)
    if owner is None:
        return path
    return f"{owner}: {path}" if path else owner


def validation_problems(data: Any, error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        location = tuple(step for step in item["loc"] if not (isinstance(step, str) and step.startswith("function-")))
        where = describe_location(data, location)
        message = item["msg"].removeprefix("Value error, ")
        problems.append(f"{where}: {message}" if where else message)
    return problems


def load_model(path: Path, model: type[Model]) -> Model:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(path, ["expected a mapping at the top level"])
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise DataFileError(path, validation_problems(data, error)) from error

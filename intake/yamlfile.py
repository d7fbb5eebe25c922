"""Loading YAML data files into pydantic models with errors that name file and field.

Forms, policies, the catalog and clinic settings are all edited by hand, so every load
error says which file, which entry (by its id where it has one) and what was expected.

Before a file is built into Python objects, its event stream (flat, no recursion) is
checked to be plain, as response files are: at most `MAX_CHARS` long, no key repeated
in one mapping (YAML would silently keep the last), at most `MAX_DEPTH` levels, numbers
of at most `MAX_DIGITS` digits and finite, no control characters or lone surrogates (a
line break inside a value is allowed: block scalars are how long texts are written), and
no anchors or aliases (they can build cyclic or exponentially large data). A value its
tag cannot build (`!!int abc`, `2026-13-45`) is named by its line and column.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from intake.plain_text import MAX_DEPTH, MAX_DIGITS, first_not_plain, key_text, one_line, too_long

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound="BaseModel")
_OWNER_LENGTH = 60


class DataFileError(Exception):
    """A data file could not be read or does not match its schema; one line per problem."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(self.lines))

    @property
    def lines(self) -> list[str]:
        """One `FILE: problem` line per problem (a problem never spans lines)."""
        return [f"{self.path}: {problem}" for problem in self.problems]


_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_RESOLVER = yaml.resolver.Resolver()
_NUMBER_STARTS = frozenset(
    start for start, resolvers in _RESOLVER.yaml_implicit_resolvers.items() if any(tag in (_INT, _FLOAT) for tag, _ in resolvers)
)
"""The first characters of a plain value YAML may read as a number (the resolvers are looked up by it):
any other value is text or a word such as `yes`, so its number check is skipped without resolving it."""
_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_UNREADABLE = (ValueError, LookupError, TypeError, ArithmeticError, AttributeError)
"""What a YAML constructor or the pure-Python scanner raises on a value it cannot read
(`!!int abc`, `2026-13-45`, `!!bool maybe`, `"\\U00999999"`): reported at its line."""


class _Loader(_FAST_LOADER):
    """Builds the objects once the file is known to be plain: libyaml when installed, 10x faster.
    The plain check itself uses the Python parser, whose events name every key however deep."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except _UNREADABLE as error:
            kind = str(node.tag).rsplit(":", 1)[-1]
            detail = f" ({error})" if isinstance(error, ValueError | ArithmeticError) else ""
            raise yaml.constructor.ConstructorError(None, None, f"cannot read this value as {kind}{detail}",
                                                    node.start_mark) from None


_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass
class _Level:
    """One open mapping or sequence while walking the event stream."""

    mapping: bool
    step: str | int | None = None
    wants_key: bool = True
    keys: dict[str, int] = field(default_factory=dict)


def _path(levels: list[_Level]) -> str:
    text = ""
    for level in levels:
        if isinstance(level.step, int):
            text += f"[{level.step}]"
        elif level.step is not None:
            text += f".{key_text(level.step)}" if text else key_text(level.step)
    return text or "(top level)"


def _number_problem(value: str, tag: str) -> str | None:
    body = value.lower().lstrip("+-").replace("_", "")
    if tag == _FLOAT and body in (".inf", ".nan"):
        return f"expected a finite number, got {value}"
    if body[:2] in ("0x", "0o", "0b"):
        body = body[2:]
    mantissa = body.split("e")[0] if tag == _FLOAT else body
    digits = sum(char.isalnum() for char in mantissa)
    if digits > MAX_DIGITS:
        return f"expected a number of at most {MAX_DIGITS} digits, got {digits} digits"
    if tag == _FLOAT and ":" not in body:
        try:
            number = float(value.replace("_", ""))
        except ValueError:
            return f"expected a number, got {one_line(value[:40])}"
        if not math.isfinite(number):
            return f"expected a finite number, got {one_line(value[:40])}"
    return None


def _text_problem(value: str, is_key: bool) -> str | None:
    found = first_not_plain(value if is_key else value.replace("\n", ""))
    if found is None:
        return None
    what = "a key" if is_key else "text"
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f'expected {what} without control characters or lone surrogates (found {found}), got "{one_line(shown)}"'


def _scalar_problem(event: yaml.ScalarEvent, is_key: bool) -> str | None:
    tag = event.tag if event.tag not in (None, "!") else None
    if tag is None and event.implicit[0] and event.value[:1] in _NUMBER_STARTS:
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))
    if tag in (_INT, _FLOAT):
        return _number_problem(event.value, tag)
    return _text_problem(event.value, is_key)


def _enter(levels: list[_Level]) -> bool:
    """Move the innermost collection on to its next node; True if that node is a key."""
    if not levels:
        return False
    level = levels[-1]
    if not level.mapping:
        level.step = 0 if level.step is None else int(level.step) + 1
        return False
    return level.wants_key


def _leave(levels: list[_Level]) -> None:
    if levels and levels[-1].mapping:
        levels[-1].wants_key = not levels[-1].wants_key


def _events(text: str, loader_class: type) -> Iterator[yaml.Event]:
    """`yaml.parse`, but a value the scanner cannot read is a `ScannerError` at its line."""
    loader = loader_class(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    except _UNREADABLE as error:
        mark = loader.get_mark() if hasattr(loader, "get_mark") else None
        raise yaml.scanner.ScannerError(None, None, f"cannot read this value ({error})", mark) from None
    finally:
        loader.dispose()


def plain_problems(text: str, loader: type = yaml.SafeLoader) -> Iterator[str]:
    """`PATH: problem` for each way the YAML text is not plain (stops at too deep, or an anchor)."""
    levels: list[_Level] = []
    for event in _events(text, loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            _enter(levels)
            yield f"{_path(levels)}: anchors and aliases (& and *) are not supported; write the value out"
            return
        if isinstance(event, _COLLECTION_START):
            is_key = _enter(levels)
            if is_key:
                levels[-1].step = "?"
            if len(levels) == MAX_DEPTH:
                yield f"{_path(levels)}: expected at most {MAX_DEPTH} levels of nesting (the top level is 1), got more"
                return
            levels.append(_Level(mapping=isinstance(event, yaml.MappingStartEvent)))
        elif isinstance(event, _COLLECTION_END):
            levels.pop()
            _leave(levels)
        elif isinstance(event, yaml.ScalarEvent):
            is_key = _enter(levels)
            if is_key:
                levels[-1].step = event.value
                levels[-1].keys[event.value] = levels[-1].keys.get(event.value, 0) + 1
                if levels[-1].keys[event.value] == 2:
                    yield f"{_path(levels)}: expected each key once in a mapping, got it more than once"
            problem = _scalar_problem(event, is_key)
            if problem is not None:
                yield f"{_path(levels)}: {problem}"
            _leave(levels)


def _plain_problems_quickly(text: str) -> list[str]:
    """libyaml scans every file; only one it finds fault with (or cannot scan) is scanned again
    by the pure-Python parser, whose wording the messages quote. The pure-Python scan alone
    cost about 45 ms of every start-up for the form, catalog and policy files.
    """
    try:
        if next(plain_problems(text, _FAST_LOADER), None) is None:
            return []
    except yaml.YAMLError:
        pass
    return list(plain_problems(text))


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(path, [f"cannot read file ({error.strerror or error})"]) from error
    except UnicodeDecodeError as error:
        raise DataFileError(path, ["not UTF-8 text"]) from error
    long = too_long(text)
    if long is not None:
        raise DataFileError(path, [", ".join(long)])
    try:
        problems = _plain_problems_quickly(text)
        if problems:
            raise DataFileError(path, problems)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise DataFileError(path, [f"not valid YAML ({_yaml_error_text(text, error)})"]) from error


def _yaml_error_text(text: str, error: yaml.YAMLError) -> str:
    """`line L, column C: what` for any YAML error (a character the reader refuses has only an offset)."""
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return f"line {line}, column {column}: character #x{code:04x} is not allowed; write it as an escape in double quotes"
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    return f"{where}{getattr(error, 'problem', error)}"


def _owner(node: Any) -> str | None:
    """The name an entry goes by: its `id`, or a medicine's `generic` name, when that can name
    it on one line (not empty, blank, long or with control characters: then its path does)."""
    if isinstance(node, dict):
        for name in ("id", "generic"):
            value = node.get(name)
            if isinstance(value, str) and value.strip() and len(value) <= _OWNER_LENGTH and first_not_plain(value) is None:
                return value
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
            parts.append(f".{key_text(step)}" if parts else key_text(step))
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


def read_mapping(path: Path) -> dict[str, Any]:
    """A data file whose top level is a mapping, as every model file is."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(path, ["expected a mapping at the top level"])
    return data


def model_from_data(path: Path, data: dict[str, Any], model: type[Model]) -> Model:
    """`model` built from data read out of `path`, its errors named by file and entry.

    pydantic is imported here, not with the module: a file read before any model is built
    (the kiosk's first frame) costs no pydantic import.
    """
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise DataFileError(path, validation_problems(data, error)) from error


def load_model(path: Path, model: type[Model]) -> Model:
    return model_from_data(path, read_mapping(path), model)

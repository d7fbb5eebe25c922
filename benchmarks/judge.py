"""One input through one path, and its verdict: clean, accepted, crashed or hung (for `robustness.py`).

Clean: refused with our error type (`InvalidResponse`, `NotPlainJson`, a JSON syntax
error with its line, `DataFileError`), every problem naming where it is. Crashed: any
other exception, or a refusal with a problem that names no field. Hung: over the time
limit (stopped by SIGALRM where Python can be interrupted, and counted by the clock
where it cannot).
"""

from __future__ import annotations

import json
import re
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

import yaml

from intake.plain_text import one_line

CLEAN, ACCEPTED, CRASHED, HUNG = "clean", "accepted", "crashed", "hung"
_WHOLE_FILE = re.compile(r"line \d+, column \d+|top level|^not UTF-8 text$|^cannot read file|^expected a file of at most")
_PARENTHESES = re.compile(r"\([^)]*\)")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


@dataclass(frozen=True)
class Outcome:
    verdict: str
    detail: str = ""
    """For a crash or hang: its first line; for an accepted input, what the path noted about it (or nothing)."""
    seconds: float = 0.0


class Refused(Exception):
    """Raised by a path when the input was refused with our error type; `problems` are its lines.

    They may name what `known` holds (the shipped inputs), any key or text of `tree` (the
    mutated input) or of `text` (its file): these are looked at only once the clock has
    stopped, and only as far as needed.
    """

    def __init__(self, problems: Iterable[str], known: frozenset[str] = frozenset(), tree: Any = None,
                 text: str = "") -> None:
        self.problems = list(problems)
        self.known = known
        self.tree = tree
        self.text = text
        super().__init__("\n".join(self.problems))

    def unplaced(self) -> list[str]:
        """The problems that name no place."""
        bad = [problem for problem in self.problems if unplaced(problem, self.known)]
        for more in (lambda: names_of(self.tree), lambda: names_in_text(self.text)):
            if bad:
                names = self.known | more()
                bad = [problem for problem in bad if unplaced(problem, names)]
        return bad


class Hung(BaseException):
    """The time limit passed (a BaseException, so no `except Exception` in the code under test stops it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def stop(_signal: int, _frame: Any) -> None:
        raise Hung

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def names_of(*trees: Any) -> frozenset[str]:
    """Every key and short text in the trees, as given and as error lines quote them: what a problem may name."""
    found: set[str] = set()
    stack = list(trees)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found.update(key if isinstance(key, str) else json.dumps(key) for key in node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and len(node) < 200:
            found.add(node)
    return frozenset(found | {one_line(name) for name in found})


def names_in_text(text: str) -> frozenset[str]:
    """The strings of a JSON text and the scalars of a YAML text (aliases never expanded), as far as they parse."""
    found: set[str] = {"None", "True", "False"}
    for literal in _JSON_STRING.findall(text):
        with suppress(ValueError):
            found.add(json.loads(literal))
    with suppress(yaml.YAMLError, ValueError, OverflowError, RecursionError):
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.ScalarEvent):
                found.add(event.value)
    return frozenset(found | {one_line(name) for name in found})


def unplaced(problem: str, names: frozenset[str]) -> bool:
    """True when a problem names no place: no `PLACE: ` whose first step is a name the input (or the
    shipped file it came from) holds, no line and column, not the file as a whole."""
    if _WHOLE_FILE.search(problem) or any(problem.startswith(f"{name}: ") for name in names if ": " in name):
        return False
    place = problem.split(": ")[0] if ": " in problem else ""
    if not place.strip():
        return True
    quoted = _JSON_STRING.match(place)
    if quoted:
        return json.loads(quoted.group()) not in names
    bare = _PARENTHESES.sub("", place).strip()
    if bare.startswith("[") or place in names or bare in names:
        return False
    if bare.endswith("..."):
        return not any(name.startswith(bare[:-3]) for name in names)
    return not any(bare.startswith((f"{name}.", f"{name}[")) for name in names)


def first_line(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text[:200]!r}"


def judge(run: Callable[[], str | None], limit: float) -> Outcome:
    """Run one input's path; `run` raises `Refused` for a refusal and returns (maybe a note) for an accepted input."""
    started = time.perf_counter()
    refused: Refused | None = None
    try:
        with time_limit(limit):
            note = run()
        verdict, detail = ACCEPTED, note or ""
    except Hung:
        verdict, detail = HUNG, f"over {limit:g} s"
    except Refused as error:
        refused, verdict, detail = error, CLEAN, ""
    except Exception as error:  # noqa: BLE001 - any other exception is what this benchmark counts
        verdict, detail = CRASHED, first_line(error)
    elapsed = time.perf_counter() - started
    if elapsed > limit and verdict != HUNG:
        verdict, detail = HUNG, f"{elapsed:.1f} s, over {limit:g} s"
    elif refused is not None and (bad := refused.unplaced()):
        verdict, detail = CRASHED, f"names no field: {bad[0][:200]!r}"
    return Outcome(verdict, detail, elapsed)

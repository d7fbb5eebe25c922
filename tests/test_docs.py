"""docs/ keeps step with the code it documents, and the project cites only files it has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake.cli import errors
from intake.eligibility.assessment import Assessment
from intake.paths import PROJECT_ROOT
from intake.questionnaire.form import QuestionType
from intake.questionnaire.response import _TOP_LEVEL

DOCS = PROJECT_ROOT / "docs"
CONTRACT = (DOCS / "response-and-assessment.md").read_text(encoding="utf-8")

CITING = ("README.md", "run", "main.py", "docs", "intake", "forms", "packaging", "tests", "benchmarks", ".ci")
"""Where the project speaks: its code, help texts, scripts and documents."""

ELSEWHERE = re.compile(r"\b(?:DATA|SPEC|TOOLCHAIN|DESIGN)\.md\b|\.\./shared\b|\bSPEC:|\bthe SPEC\b")
"""Documents that live outside the project, as they were once cited."""


def _sources() -> list[Path]:
    found: list[Path] = []
    for name in CITING:
        path = PROJECT_ROOT / name
        found += [path] if path.is_file() else [
            file for file in path.rglob("*")
            if file.is_file() and file.suffix in (".py", ".md", ".yaml", ".toml", ".sh", "")
            and "node_modules" not in file.parts and "__pycache__" not in file.parts
        ]
    return found


def test_every_field_of_the_json_output_is_documented() -> None:
    fields = [field.alias or name for name, field in Assessment.model_fields.items()]
    assert [name for name in fields if f"| `{name}` |" not in CONTRACT] == []


def test_every_top_level_key_and_answer_type_of_the_response_file_is_documented() -> None:
    assert [key for key in _TOP_LEVEL if f"| `{key}` |" not in CONTRACT] == []
    assert [kind.value for kind in QuestionType if f"| `{kind.value}`" not in CONTRACT] == []


def test_the_exit_code_table_has_every_status_the_command_uses() -> None:
    table = (DOCS / "exit-codes.md").read_text(encoding="utf-8")
    statuses = {errors.EXIT_OK, errors.EXIT_FAILURE, errors.EXIT_BAD_INPUT, errors.EXIT_INTERRUPTED}
    assert [status for status in sorted(statuses) if f"\n| {status} |" not in table] == []


def test_no_file_cites_a_document_outside_the_project() -> None:
    this = Path(__file__)
    cited = [f"{path.relative_to(PROJECT_ROOT)}:{number}" for path in _sources() if path != this
             for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if ELSEWHERE.search(line)]
    assert cited == []


@pytest.mark.parametrize("document", sorted([PROJECT_ROOT / "README.md", *DOCS.glob("*.md")]), ids=lambda path: path.name)
def test_every_link_in_a_document_leads_to_a_file_the_project_has(document) -> None:
    targets = re.findall(r"\]\(([^)#\s]+)", document.read_text(encoding="utf-8"))
    local = [target for target in targets if "://" not in target and not target.startswith("mailto:")]
    assert [target for target in local if not (document.parent / target).exists()] == []

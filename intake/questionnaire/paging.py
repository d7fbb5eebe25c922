"""How a section is cut into screens: at most `page_size` questions each, in form order.

A long section on one screen means scrolling through several screens of questions; the
form says how many fit, so the split is data, and the wizard, its tests and any other
front end cut the same way.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from intake.questionnaire.form import Question, Section


@dataclass(frozen=True)
class Page:
    """One screen of a section: `part` counts from 1 among the section's `parts`."""

    section: Section
    part: int
    parts: int
    questions: tuple[Question, ...]

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(question.id for question in self.questions)

    def asks_any_of(self, shown: Collection[str]) -> bool:
        return any(question.id in shown for question in self.questions)


def section_pages(section: Section) -> list[Page]:
    questions = section.questions
    size = section.page_size or len(questions)
    chunks = [questions[start : start + size] for start in range(0, len(questions), size)]
    return [Page(section, number, len(chunks), chunk) for number, chunk in enumerate(chunks, start=1)]

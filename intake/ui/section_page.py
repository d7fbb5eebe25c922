"""One form section on one screen: title, intro and the questions the engine shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from intake.questionnaire.engine import Problem, question_id_of
from intake.questionnaire.form import Section
from intake.ui.scrolling import ScrollColumn
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowsInput
from intake.ui.widgets.styling import label


class SectionPage(ScrollColumn):
    def __init__(self, section: Section, blocks: Mapping[str, QuestionBlock]) -> None:
        super().__init__()
        self.section = section
        self.setObjectName(f"section-{section.id}")
        self.blocks = {question.id: blocks[question.id] for question in section.questions}
        self.content.addWidget(label(section.title, "section-title"))
        if section.intro:
            self.content.addWidget(label(section.intro, "intro"))
        for block in self.blocks.values():
            self.content.addWidget(block)
        self.finish()

    def show_only(self, shown: set[str]) -> None:
        for question_id, block in self.blocks.items():
            block.setVisible(question_id in shown)

    def visible_blocks(self) -> list[QuestionBlock]:
        return [block for block in self.blocks.values() if not block.isHidden()]

    def input_problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for block in self.visible_blocks():
            found.update(block.input.input_problems(block.question.id))
        return found

    def show_problems(self, problems: Sequence[Problem]) -> None:
        messages = {problem.key: problem.message or problem.cli_text for problem in problems}
        for block in self.blocks.values():
            block.show_problem(messages.get(block.question.id))
            block.input.show_problems(block.question.id, messages)

    def block_for(self, key: str) -> QuestionBlock:
        """The block a problem key points at: a question, or a field inside a group row."""
        block = self.blocks[question_id_of(key)]
        if isinstance(block.input, RowsInput):
            return block.input.block_at(key) or block
        return block

    def focus_on(self, key: str) -> None:
        block = self.block_for(key)
        self.reveal(block)
        block.input.focus_input()

    def focus_first(self) -> None:
        visible = self.visible_blocks()
        self.verticalScrollBar().setValue(0)
        if visible:
            visible[0].input.focus_input()

"""One screen of a form section: title, intro, the questions the engine shows on it.

A section the form cuts into several screens (`page_size`) gets one of these per part;
the intro is read once, on the first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt

from intake.questionnaire.engine import Problem, question_id_of
from intake.questionnaire.paging import Page
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.problem_summary import ProblemSummary
from intake.ui.scrolling import ScrollColumn
from intake.ui.widgets.option_cards import OptionCards
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowsInput
from intake.ui.widgets.styling import label


class SectionPage(ScrollColumn):
    def __init__(self, page: Page, blocks: Mapping[str, QuestionBlock], words: PatientWording) -> None:
        super().__init__(words.MORE_BELOW)
        self.page = page
        self.section = page.section
        self.setObjectName(f"section-{page.section.id}-{page.part}")
        self.blocks = {question.id: blocks[question.id] for question in page.questions}
        self.content.addWidget(label(page.section.title, "section-title"))
        if page.section.intro and page.part == 1:
            self.content.addWidget(label(page.section.intro, "intro"))
        self.summary = ProblemSummary(words)
        self.summary.go_to.connect(self.focus_on)
        self.content.addWidget(self.summary)
        for block in self.blocks.values():
            self.content.addWidget(block)
        self.finish()

    def visible_blocks(self) -> list[QuestionBlock]:
        return [block for block in self.blocks.values() if not block.isHidden()]

    def input_problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for block in self.visible_blocks():
            found.update(block.input.input_problems(block.question.id))
        return found

    def own_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        """Of a whole section's problems, those about the questions on this screen."""
        return [problem for problem in problems if question_id_of(problem.key) in self.blocks]

    def show_problems(self, problems: Sequence[Problem], announce: bool = False) -> None:
        messages = {problem.key: problem.message or problem.cli_text for problem in problems}
        for block in self.blocks.values():
            block.show_problem(messages.get(block.question.id))
            block.input.show_problems(block.question.id, messages)
        self.summary.show_problems([(problem.key, self.block_for(problem.key).question.text) for problem in problems], announce)

    def block_for(self, key: str) -> QuestionBlock:
        """The block a problem key points at: a question, or a field inside a group row."""
        block = self.blocks[question_id_of(key)]
        if isinstance(block.input, RowsInput):
            return block.input.block_at(key) or block
        return block

    def focus_on(self, key: str) -> None:
        """Show the question and its whole message above the button bar, then focus it."""
        block = self.block_for(key)
        self.reveal(block)
        if not block.error.isHidden():
            self.reveal_bottom_of(block.error)
        block.input.focus_input()

    def focus_first_problem(self, key: str) -> None:
        """After Next was refused: the summary if it fits with the first problem, else the problem."""
        self.verticalScrollBar().setValue(0)
        self.focus_on(key)

    def focus_first(self) -> None:
        """The first box to type in, ready; but never a focus ring on an unanswered choice.

        A ring around "Yes" (or "Add a medicine") on arrival reads as a suggested answer.
        The page itself takes focus then: Enter still means Next, and Tab goes on to the
        first option.
        """
        visible = self.visible_blocks()
        self.verticalScrollBar().setValue(0)
        if visible and not (isinstance(visible[0].input, OptionCards | RowsInput) and visible[0].input.value() is None):
            visible[0].input.focus_input()
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

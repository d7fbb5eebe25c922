"""A repeating group (medicines): rows the patient adds and removes, or "none".

"None" is an answer (an empty list), different from not answering; the patient says
it with a button, so an empty list is never inferred from an untouched screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from intake.questionnaire.form import Question
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.styling import discard, label, touch_button

BlockMaker = Callable[[Question], QuestionBlock]


class RowCard(QFrame):
    def __init__(self, question: Question, make_block: BlockMaker) -> None:
        super().__init__()
        self.setProperty("role", "row-card")
        self.title = label("", "row-title", wrap=False)
        self.remove = touch_button("Remove", "quiet")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(4)
        layout.addLayout(header)
        self.blocks = {field.id: make_block(field) for field in question.fields}
        for block in self.blocks.values():
            layout.addWidget(block)

    def number(self, position: int, noun: str) -> None:
        self.title.setText(f"{noun} {position}")
        self.remove.setAccessibleName(f"Remove {noun.lower()} {position}")

    def value(self) -> dict[str, Any]:
        values = {field_id: block.value() for field_id, block in self.blocks.items()}
        return {field_id: value for field_id, value in values.items() if value is not None}


class RowsInput(AnswerInput):
    def __init__(self, question: Question, make_block: BlockMaker) -> None:
        super().__init__()
        self._question = question
        self._make_block = make_block
        self._noun = question.fields[0].label
        self.rows: list[RowCard] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(12)
        self.add_button = touch_button(question.add_label, "add")
        self.add_button.setObjectName("add-row")
        self.none_button = touch_button(question.none_label, "toggle")
        self.none_button.setObjectName("no-rows")
        self.none_button.setCheckable(True)
        self.add_button.clicked.connect(self._add_clicked)
        self.none_button.clicked.connect(self._none_clicked)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.add_button)
        actions.addWidget(self.none_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(self._rows_layout)
        layout.addLayout(actions)

    def _add_clicked(self) -> None:
        self.none_button.setChecked(False)
        row = RowCard(self._question, self._make_block)
        row.remove.clicked.connect(self._remove_clicked)
        for block in row.blocks.values():
            block.input.edited.connect(self._on_row_edited)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        self._refresh()
        next(iter(row.blocks.values())).input.focus_input()
        self.edited.emit()

    def _remove_clicked(self) -> None:
        row = next(row for row in self.rows if row.remove is self.sender())
        self.rows.remove(row)
        discard(row)
        self._refresh()
        self.add_button.setFocus()
        self.edited.emit()

    def _none_clicked(self) -> None:
        self.edited.emit()

    def _on_row_edited(self) -> None:
        self.edited.emit()

    def _refresh(self) -> None:
        for position, row in enumerate(self.rows, start=1):
            row.number(position, self._noun)
        has_rows = bool(self.rows)
        more = self._question.add_more_label or self._question.add_label
        self.add_button.setText(more if has_rows else self._question.add_label)
        self.add_button.setAccessibleName(self.add_button.text())
        self.add_button.setEnabled(self._question.max_rows is None or len(self.rows) < self._question.max_rows)
        self.none_button.setVisible(not has_rows)

    def value(self) -> Any:
        if self.rows:
            return [row.value() for row in self.rows]
        return [] if self.none_button.isChecked() else None

    def clear(self) -> None:
        for row in self.rows:
            discard(row)
        self.rows = []
        self.none_button.setChecked(False)
        self._refresh()

    def focus_input(self) -> None:
        if self.rows:
            next(iter(self.rows[0].blocks.values())).input.focus_input()
        else:
            self.add_button.setFocus()

    def input_problems(self, key: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for index, row in enumerate(self.rows):
            for field_id, block in row.blocks.items():
                found.update(block.input.input_problems(f"{key}[{index}].{field_id}"))
        return found

    def show_problems(self, key: str, problems: Mapping[str, str]) -> None:
        for index, row in enumerate(self.rows):
            for field_id, block in row.blocks.items():
                block.show_problem(problems.get(f"{key}[{index}].{field_id}"))

    def block_at(self, key: str) -> QuestionBlock | None:
        """The row field a problem key (`acute_medicines[1].medicine`) names."""
        for index, row in enumerate(self.rows):
            for field_id, block in row.blocks.items():
                if key == f"{self._question.id}[{index}].{field_id}":
                    return block
        return None

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        self.add_button.setAccessibleDescription(name)
        self.none_button.setAccessibleDescription(name)

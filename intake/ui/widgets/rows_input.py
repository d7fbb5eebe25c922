"""A repeating group (medicines): rows the patient adds and removes, or "none".

"None" is an answer (an empty list), different from not answering; the patient says
it with a button, so an empty list is never inferred from an untouched screen.

A finished row folds to one line of its answers, so three preventives fit on a screen
instead of seven. A row folds only when nothing in it needs fixing, and unfolds
whenever the page points at a problem in it, so a problem is never hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from intake.questionnaire.display import format_value
from intake.questionnaire.form import Question, QuestionType
from intake.questionnaire.patient_wording import SUMMARY_SEPARATOR, PatientWording, medicine_name
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.date_parts import month_name, spoken_date
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.styling import discard, label, touch_button

BlockMaker = Callable[[Question], QuestionBlock]

_LABELLED = (QuestionType.TEXT, QuestionType.MONTH, QuestionType.DATE)
"""Row answers that need their label after the first part ("Dose: 100 mg"); numbers
carry their unit and choices their option wording."""


class RowCard(QFrame):
    """One row: its fields while being filled in, one line of answers once folded.

    `edited` fires after the row has applied its own display rules (a field hidden by
    `hidden_when` is already cleared), so listeners read the row's final value;
    `committed` passes on a field's (see `AnswerInput`).
    """

    edited = Signal()
    committed = Signal()

    def __init__(self, question: Question, make_block: BlockMaker, words: PatientWording) -> None:
        super().__init__()
        self.setProperty("role", "row-card")
        self._question = question
        self._words = words
        self._hidden: set[str] = set()
        self._checked = False
        self.folded = False
        self.title = label("", "row-title", wrap=False)
        self.summary = label("", "row-summary")
        self.edit = touch_button(words.EDIT, "link")
        self.remove = touch_button(words.REMOVE, "quiet")
        self.done = touch_button(words.DONE, "done")
        header = QHBoxLayout()
        header.setSpacing(12)
        header.addWidget(self.title, 1)
        header.addWidget(self.summary, 1)
        header.addWidget(self.edit)
        header.addWidget(self.remove)
        footer = QHBoxLayout()
        footer.addWidget(self.done)
        footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(4)
        layout.addLayout(header)
        self.blocks = {field.id: make_block(field) for field in question.fields}
        for block in self.blocks.values():
            layout.addWidget(block)
            block.input.edited.connect(self._on_field_edited)
            block.input.committed.connect(self.committed)
        layout.addLayout(footer)
        self.edit.clicked.connect(self._on_edit_clicked)
        self.done.clicked.connect(self._on_done_clicked)
        self._apply_conditions()

    def number(self, position: int, noun: str) -> None:
        self.title.setText(self._words.row_title(noun, position))
        self.remove.setAccessibleName(self._words.remove_row(noun, position))
        self.edit.setAccessibleName(self._words.edit_row(noun, position))
        self.done.setAccessibleName(self._words.finish_row(noun, position))

    def shown_blocks(self) -> dict[str, QuestionBlock]:
        """The row's fields the patient can answer now (not hidden by another answer)."""
        return {field_id: block for field_id, block in self.blocks.items() if field_id not in self._hidden}

    def value(self) -> dict[str, Any]:
        values = {field_id: block.value() for field_id, block in self.shown_blocks().items()}
        return {field_id: value for field_id, value in values.items() if value is not None}

    def problems(self) -> dict[str, str]:
        """What the page would refuse in this row: text that is not valid, required fields left empty."""
        found = {}
        for field_id, block in self.shown_blocks().items():
            problem = block.input.input_problem()
            if problem is None and block.question.required and block.value() is None:
                problem = self._words.row_field_message(block.question)
            if problem is not None:
                found[field_id] = problem
        return found

    def fold(self) -> bool:
        """Fold to one line if nothing needs fixing; says whether it folded."""
        if self.problems():
            return False
        self.summary.setText(self.summary_text())
        self.edit.setAccessibleDescription(self.summary.text())
        self.folded = True
        self._show_state()
        return True

    def unfold(self) -> None:
        self.folded = False
        self._show_state()

    def summary_text(self) -> str:
        """The row's answers in form order, in the words the patient chose or typed."""
        parts: list[str] = []
        for field_id, value in self.value().items():
            field = self._question.field(field_id)
            text = _shown(field, value, self._words)
            parts.append(self._words.row_summary_part(field.label, text) if parts and field.type in _LABELLED else text)
        return SUMMARY_SEPARATOR.join(parts)

    def focus_first(self) -> None:
        if self.folded:
            self.edit.setFocus()
        else:
            next(iter(self.shown_blocks().values())).input.focus_input()

    def show_problems(self, messages: Mapping[str, str]) -> None:
        """Problems beside their fields; a row with any problem unfolds to show them."""
        for field_id, block in self.blocks.items():
            block.show_problem(messages.get(field_id))
        if messages:
            self.unfold()

    def show_answer(self, values: Mapping[str, Any]) -> None:
        """A stored row: its fields filled, then folded unless a required one is still empty."""
        for field_id, value in values.items():
            if field_id in self.blocks:
                self.blocks[field_id].show_answer(value)
        self._apply_conditions()
        self.fold()

    def _on_field_edited(self) -> None:
        self._apply_conditions()
        if self._checked:
            self.show_problems(self.problems())
        self.edited.emit()

    def _on_done_clicked(self) -> None:
        if self.fold():
            self.edit.setFocus()
            return
        self._checked = True
        problems = self.problems()
        self.show_problems(problems)
        self.blocks[next(iter(problems))].input.focus_input()

    def _on_edit_clicked(self) -> None:
        self.unfold()
        self.focus_first()

    def _apply_conditions(self) -> None:
        """Hide fields that mean nothing for another answer ("stopped" while still taking it), emptied."""
        for field in self._question.fields:
            hidden = any(self.blocks[rule.field].value() == rule.equals for rule in field.hidden_when)
            if hidden and field.id not in self._hidden:
                self.blocks[field.id].clear()
                self._hidden.add(field.id)
            elif not hidden:
                self._hidden.discard(field.id)
        self._show_state()

    def _show_state(self) -> None:
        self.title.setVisible(not self.folded)
        self.summary.setVisible(self.folded)
        self.edit.setVisible(self.folded)
        self.done.setVisible(not self.folded)
        for field_id, block in self.blocks.items():
            block.setVisible(not self.folded and field_id not in self._hidden)


def _shown(field: Question, value: Any, words: PatientWording) -> str:
    locale = visit_locale(words)
    if field.type is QuestionType.MONTH:
        year, month = value.split("-")
        return f"{month_name(int(month), locale)} {year}"
    if field.catalog is not None:
        return medicine_name(value)
    return format_value(field, value, partial(spoken_date, locale=locale), words.number)


class RowsInput(AnswerInput):
    def __init__(self, question: Question, make_block: BlockMaker, words: PatientWording) -> None:
        super().__init__()
        self._question = question
        self._words = words
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
        """A new row folds the finished ones above it, so the new one is in view."""
        self.none_button.setChecked(False)
        for row in self.rows:
            if not row.folded:
                row.fold()
        row = self._new_row()
        self._refresh()
        row.focus_first()
        self._answered()

    def _new_row(self) -> RowCard:
        row = RowCard(self._question, self._make_block, self._words)
        row.remove.clicked.connect(self._remove_clicked)
        row.edited.connect(self._on_row_edited)
        row.committed.connect(self.committed)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _remove_clicked(self) -> None:
        row = next(row for row in self.rows if row.remove is self.sender())
        self.rows.remove(row)
        discard(row)
        self._refresh()
        self.add_button.setFocus()
        self._answered()

    def _none_clicked(self) -> None:
        self._answered()

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
            self.rows[0].focus_first()
        else:
            self.add_button.setFocus()

    def input_problems(self, key: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for index, row in enumerate(self.rows):
            for field_id, block in row.shown_blocks().items():
                found.update(block.input.input_problems(f"{key}[{index}].{field_id}"))
        return found

    def show_problems(self, key: str, problems: Mapping[str, str]) -> None:
        for index, row in enumerate(self.rows):
            prefix = f"{key}[{index}]."
            row.show_problems(
                {found[len(prefix) :]: message for found, message in problems.items() if found.startswith(prefix)}
            )

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

    def show_answer(self, value: Any) -> None:
        """The stored rows, each folded unless it needs fixing; no rows is the patient's "none"."""
        self.clear()
        for row in value:
            self._new_row().show_answer(row)
        self.none_button.setChecked(not value)
        self._refresh()

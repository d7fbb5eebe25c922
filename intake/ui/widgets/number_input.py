"""Whole numbers and numbers: a big box to type in, with large − and + either side.

− and + repeat while held, faster the longer they are held. A question with longer
units ("years" for months) offers them beside the box; the answer is still kept in the
question's unit. A count of days may offer "Help me count", a calendar to tap.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from intake.app.number_steps import stepped
from intake.app.unit_conversion import shown_range, to_shown, to_stored
from intake.questionnaire.form import Question, QuestionType, UnitOption
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.scrolling import nearest_scroll_area
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.count_days import CountDays
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.hold_repeat import HeldRepeat
from intake.ui.widgets.styling import discard, label, touch_button
from intake.ui.widgets.unit_toggle import UnitToggle

WHOLE_PATTERN = r"\d*"
DECIMAL_PATTERN = r"\d*([.,]\d{0,2})?"


class NumberInput(AnswerInput):
    def __init__(self, question: Question, words: PatientWording) -> None:
        super().__init__()
        self._question = question
        self._words = words
        self._whole = question.type is QuestionType.INTEGER
        self._min = question.min if question.min is not None else 0.0
        self._max = question.max if question.max is not None else 0.0
        self._units: tuple[UnitOption, ...] = ()
        if question.other_units:
            self._units = (UnitOption(label=question.unit, size=1), *question.other_units)
        self._unit_index = 0
        self._description = ""
        self.line = QLineEdit()
        self.line.setObjectName("number")
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line.textEdited.connect(self._on_text_edited)
        self.line.editingFinished.connect(self.committed)
        self.minus = touch_button("−", "step", words.STEP_DOWN)
        self.plus = touch_button("+", "step", words.STEP_UP)
        self._minus_hold = HeldRepeat(self.minus, self._max - self._min)
        self._plus_hold = HeldRepeat(self.plus, self._max - self._min)
        self._minus_hold.step.connect(self._step_down)
        self._plus_hold.step.connect(self._step_up)
        stepper = QWidget()
        steps = QHBoxLayout(stepper)
        steps.setContentsMargins(0, 0, 0, 0)
        steps.setSpacing(12)
        steps.addWidget(self.minus)
        steps.addWidget(self.line)
        steps.addWidget(self.plus)
        row = FlowRow(spacing=12)
        row.addWidget(stepper)
        self.unit_toggle: UnitToggle | None = None
        if question.other_units:
            self.unit_toggle = UnitToggle([unit.label for unit in self._units], words)
            self.unit_toggle.chosen.connect(self._on_unit_chosen)
            row.addWidget(self.unit_toggle)
        elif question.unit:
            row.addWidget(label(question.unit, "unit", wrap=False))
        self.count_button: QPushButton | None = None
        self.count_days: CountDays | None = None
        if question.count_aid:
            self.count_button = touch_button(words.HELP_ME_COUNT, "quiet")
            self.count_button.setObjectName("help-me-count")
            self.count_button.clicked.connect(self._open_count)
            row.addWidget(self.count_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._layout.addLayout(row)
        self._apply_unit()

    # The unit shown ---------------------------------------------------------

    @property
    def _unit(self) -> UnitOption:
        return self._units[self._unit_index]

    def _in_other_unit(self) -> bool:
        return self._unit_index > 0

    def _shown_range(self) -> tuple[float, float]:
        if self._in_other_unit():
            return shown_range(self._min, self._max, self._unit.size)
        return self._min, self._max

    def _shown_whole(self) -> bool:
        """Another unit takes decimals (1.5 years) even for a whole-number question."""
        return self._whole and not self._in_other_unit()

    def _apply_unit(self) -> None:
        """Box width, accepted characters and hold speed follow the unit shown."""
        low, high = self._shown_range()
        whole = self._shown_whole()
        self.line.setMaxLength(len(f"{high:g}") + (0 if whole else 3))
        pattern = WHOLE_PATTERN if whole else DECIMAL_PATTERN
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        self.line.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly if whole else Qt.InputMethodHint.ImhFormattedNumbersOnly
        )
        self._minus_hold.span = self._plus_hold.span = high - low
        self._describe_range()

    def _on_unit_chosen(self, index: int) -> None:
        """Keeps the answer: the number shown is converted, never reinterpreted."""
        if index == self._unit_index:
            return
        typed = self._typed()
        stored = None if typed is None else self._to_stored(typed)
        self._unit_index = index
        self._apply_unit()
        if stored is not None:
            shown = to_shown(stored, self._unit.size, self._whole) if self._in_other_unit() else stored
            self.line.setText(self._words.number(shown))
        self._answered()

    def _to_stored(self, typed: float) -> float:
        if self._in_other_unit():
            return to_stored(typed, self._unit.size, self._whole)
        return typed

    # The answer -------------------------------------------------------------

    def _on_text_edited(self, _text: str) -> None:
        self.edited.emit()

    def _typed(self) -> float | None:
        text = self.line.text().strip().replace(",", ".")
        if not text or text == ".":
            return None
        return float(text)

    def value(self) -> Any:
        typed = self._typed()
        if typed is None:
            return None
        stored = self._to_stored(typed)
        if not self._min <= stored <= self._max:
            return None
        if self._whole:
            return int(stored)
        return int(stored) if float(stored).is_integer() else stored

    def input_problem(self) -> str | None:
        typed = self._typed()
        if typed is None or self._min <= self._to_stored(typed) <= self._max:
            return None
        if self._question.other_units:
            low, high = self._shown_range()
            return self._words.out_of_range_in(self._unit.label, low, high, self._shown_whole())
        return self._words.out_of_range(self._question)

    def _set(self, number: float) -> None:
        self.line.setText(self._words.number(number))
        self._answered()

    def _step_up(self, step: int) -> None:
        self._set(stepped(self._typed(), 1, step, *self._shown_range()))

    def _step_down(self, step: int) -> None:
        self._set(stepped(self._typed(), -1, step, *self._shown_range()))

    # Help me count ----------------------------------------------------------

    def _open_count(self) -> None:
        """The calendar replaces the button that opened it; its own Cancel closes it."""
        assert self.count_button is not None
        self.count_button.hide()
        self.count_days = CountDays(date.today(), self._words)
        self.count_days.counted.connect(self._on_counted)
        self.count_days.cancelled.connect(self._close_count)
        self._layout.addWidget(self.count_days)
        self.count_days.show()
        QTimer.singleShot(0, self, self._reveal_count)

    def _reveal_count(self) -> None:
        """Scroll just enough to show the whole calendar, or its top if it is taller than the screen."""
        scroll = nearest_scroll_area(self)
        content = scroll.widget() if scroll is not None else None
        if scroll is None or content is None or self.count_days is None:
            return
        top = self.count_days.mapTo(content, QPoint(0, 0)).y()
        bottom_in_view = top + self.count_days.height() - scroll.viewport().height()
        bar = scroll.verticalScrollBar()
        bar.setValue(min(top, max(bar.value(), bottom_in_view)))
        self.count_days.focus_first_day()

    def _close_count(self) -> None:
        self._forget_count()
        if self.count_button is not None:
            self.count_button.setFocus()

    def _forget_count(self) -> None:
        if self.count_days is not None:
            discard(self.count_days)
            self.count_days = None
        if self.count_button is not None:
            self.count_button.show()

    def _on_counted(self, count: int) -> None:
        self._close_count()
        self._set(count)

    # The contract with the page ------------------------------------------------

    def clear(self) -> None:
        self.line.clear()
        self._forget_count()

    def focus_input(self) -> None:
        self.line.setFocus()
        self.line.selectAll()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        self._description = description
        self.line.setAccessibleName(name)
        self._describe_range()
        self.minus.setAccessibleDescription(name)
        self.plus.setAccessibleDescription(name)
        if self.count_button is not None:
            self.count_button.setAccessibleDescription(name)
        if self.unit_toggle is not None:
            for button in self.unit_toggle.buttons:
                button.setAccessibleDescription(name)

    def _describe_range(self) -> None:
        if self._question.other_units:
            low, high = self._shown_range()
            hint = self._words.range_hint_in(self._unit.label, low, high, self._shown_whole())
        else:
            hint = self._words.range_hint(self._question)
        self.line.setAccessibleDescription(f"{self._description} {self._words.enter_range(hint)}".strip())

    def show_answer(self, value: Any) -> None:
        """In the question's own unit, as the answer is kept (the patient may switch units after)."""
        if self._unit_index:
            self._unit_index = 0
            if self.unit_toggle is not None:
                self.unit_toggle.buttons[0].setChecked(True)
            self._apply_unit()
        self.line.setText(self._words.number(value))

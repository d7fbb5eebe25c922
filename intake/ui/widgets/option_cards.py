"""Single choice as large radio cards: choice questions and yes / no / not sure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QGridLayout, QRadioButton

from intake.ui.widgets.answer_input import AnswerInput


class OptionCards(AnswerInput):
    """Radio buttons (so screen readers announce "radio button, 2 of 3") styled as cards.

    `columns` lays yes / no / not sure side by side and long option lists one per line.
    """

    def __init__(self, options: Sequence[tuple[str, str]], columns: int = 1) -> None:
        super().__init__()
        self._group = QButtonGroup(self)
        self._values: dict[QAbstractButton, str] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(12)
        for index, (value, text) in enumerate(options):
            button = QRadioButton(text)
            button.setProperty("role", "card")
            button.setObjectName(f"option-{value}")
            self._group.addButton(button)
            self._values[button] = value
            layout.addWidget(button, index // columns, index % columns)
        self._group.buttonClicked.connect(self._on_clicked)

    def _on_clicked(self, _button: QAbstractButton) -> None:
        self._answered()

    def buttons(self) -> list[QAbstractButton]:
        return list(self._values)

    def button_for(self, value: str) -> QAbstractButton:
        return next(button for button, option in self._values.items() if option == value)

    def value(self) -> Any:
        checked = self._group.checkedButton()
        return None if checked is None else self._values[checked]

    def clear(self) -> None:
        self._group.setExclusive(False)
        for button in self._values:
            button.setChecked(False)
        self._group.setExclusive(True)

    def focus_input(self) -> None:
        (self._group.checkedButton() or self.buttons()[0]).setFocus()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        for button in self._values:
            button.setAccessibleDescription(f"{name} {description}".strip())

    def show_answer(self, value: Any) -> None:
        for button, option in self._values.items():
            if option == value:
                button.setChecked(True)

"""Two (or more) side-by-side buttons choosing the unit of a number: "months | years"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.widgets.styling import touch_button


class UnitToggle(QWidget):
    """Exactly one unit is chosen at any time; the first is chosen to begin with."""

    chosen = Signal(int)

    def __init__(self, units: Sequence[str], words: PatientWording) -> None:
        super().__init__()
        self.setProperty("role", "unit-toggle")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for index, unit in enumerate(units):
            button = touch_button(unit, "unit-choice", words.answer_in_unit(unit))
            button.setCheckable(True)
            button.setProperty("end", "first" if index == 0 else "last" if index == len(units) - 1 else "middle")
            self._group.addButton(button, index)
            self.buttons.append(button)
            layout.addWidget(button)
        self.buttons[0].setChecked(True)
        self._group.idClicked.connect(self._on_clicked)

    def _on_clicked(self, index: int) -> None:
        self.chosen.emit(index)

"""A calm full screen: a title, a sentence or two, and one button, centred."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from intake.ui.widgets.styling import label, touch_button


class MessageScreen(QWidget):
    def __init__(self, title: str, lines: Sequence[str], button_text: str, button_name: str) -> None:
        super().__init__()
        self.lines: list[QLabel] = [label(line, "subtitle") for line in lines]
        self.button: QPushButton = touch_button(button_text, "primary", button_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        layout.addStretch(1)
        for widget in (label(title, "title"), *self.lines):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

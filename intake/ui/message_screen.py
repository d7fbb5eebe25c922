"""A calm full screen: a title, a sentence or two, and one button, centred.

A small language button sits in the top corner, as on every patient screen; the screen's
words can be replaced in place when the patient switches language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from intake.ui.language_button import LanguageButton
from intake.ui.widgets.styling import label, touch_button


def corner_row(language: LanguageButton) -> QHBoxLayout:
    """The language button at the top right of a patient screen."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(language, 0, Qt.AlignmentFlag.AlignTop)
    return row


class MessageScreen(QWidget):
    def __init__(self, title: str, lines: Sequence[str], button_text: str, button_name: str, language: bool = True) -> None:
        super().__init__()
        self.title = label(title, "title")
        self.lines: list[QLabel] = [label(line, "subtitle") for line in lines]
        self.button: QPushButton = touch_button(button_text, "primary", button_name)
        self.language = LanguageButton()
        """The patient's way to another language; hidden when the screen is part of one that has its own."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 24, 64, 48)
        layout.setSpacing(28)
        layout.addLayout(corner_row(self.language))
        layout.addStretch(1)
        for widget in (self.title, *self.lines):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.language.setVisible(language)

    def set_texts(self, title: str, lines: Sequence[str], button_text: str, button_name: str) -> None:
        """The same screen in other words (another language); `lines` as many as it was made with."""
        self.title.setText(title)
        for widget, line in zip(self.lines, lines, strict=True):
            widget.setText(line)
        self.button.setText(button_text)
        self.button.setAccessibleName(button_name)

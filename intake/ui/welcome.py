"""The screen a patient sees first: the clinic's name and one obvious way to begin.

The two display buttons let a patient with poor eyesight make everything larger or
stronger before starting; they reset to the clinic's defaults after each visit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from intake.questionnaire import patient_wording as words
from intake.ui.widgets.styling import label, touch_button


class WelcomeScreen(QWidget):
    start_requested = Signal()
    display_changed = Signal()

    def __init__(self, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.clinic = label(clinic_name, "clinic")
        title = label(words.WELCOME, "title")
        text = label(words.WELCOME_TEXT, "subtitle")
        self.start_button = touch_button(words.START, "primary", words.START_NAME)
        self.start_button.setObjectName("start")
        self.start_button.clicked.connect(self.start_requested)
        self.large_text_button = touch_button(words.LARGER_TEXT, "toggle")
        self.high_contrast_button = touch_button(words.HIGH_CONTRAST, "toggle")
        display = QHBoxLayout()
        display.setSpacing(16)
        display.addStretch(1)
        for button in (self.large_text_button, self.high_contrast_button):
            button.setCheckable(True)
            button.toggled.connect(self._on_display_toggled)
            display.addWidget(button)
        display.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        for widget in (self.clinic, title, text):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.start_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.addLayout(display)

    def _on_display_toggled(self, _checked: bool) -> None:
        self.display_changed.emit()

    @property
    def large_text(self) -> bool:
        return self.large_text_button.isChecked()

    @property
    def high_contrast(self) -> bool:
        return self.high_contrast_button.isChecked()

    def reset_display(self, large_text: bool, high_contrast: bool) -> None:
        for button, checked in ((self.large_text_button, large_text), (self.high_contrast_button, high_contrast)):
            button.blockSignals(True)
            button.setChecked(checked)
            button.blockSignals(False)
        self.display_changed.emit()

"""The screen a patient sees first: the clinic's name and one obvious way to begin.

The two display buttons let a patient with poor eyesight make everything larger or
stronger before starting, and the language buttons ("English", "Español", each in its own
language) choose the language of the visit; all reset to the clinic's defaults after each visit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intake.language_names import language_name
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.language_button import spoken_choice
from intake.ui.widgets.styling import discard, label, touch_button


class WelcomeScreen(QWidget):
    start_requested = Signal()
    display_changed = Signal()
    language_chosen = Signal(str)
    """A language button was tapped: the kiosk shows every patient screen in it."""

    def __init__(self, clinic_name: str, words: PatientWording) -> None:
        super().__init__()
        self.setObjectName("welcome")
        self.clinic = label(clinic_name, "clinic")
        self.title = label("", "title")
        self.text = label("", "subtitle")
        self.start_button = touch_button("", "primary")
        self.start_button.setObjectName("start")
        self.start_button.clicked.connect(self.start_requested)
        self.large_text_button = touch_button("", "toggle")
        self.high_contrast_button = touch_button("", "toggle")
        self.language_buttons: dict[str, QPushButton] = {}
        self._language_group = QButtonGroup(self)
        self._language_group.setExclusive(True)
        self._languages = QHBoxLayout()
        self._languages.setSpacing(16)
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
        for widget in (self.clinic, self.title, self.text):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        layout.addLayout(self._languages)
        layout.addStretch(1)
        layout.addWidget(self.start_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.addLayout(display)
        self.use_wording(words)

    def offer_languages(self, languages: Sequence[str], current: str) -> None:
        """One button per language the kiosk offers, each named in its own language; none for one language."""
        for button in self.language_buttons.values():
            self._language_group.removeButton(button)
            discard(button)
        self.language_buttons = {}
        while self._languages.count():
            self._languages.takeAt(0)
        if len(languages) < 2:
            return
        self._languages.addStretch(1)
        for language in languages:
            button = touch_button(language_name(language), "language-choice", spoken_choice(language))
            button.setObjectName(f"language-{language}")
            button.setCheckable(True)
            button.setProperty("language", language)
            button.clicked.connect(self._on_language_clicked)
            self._language_group.addButton(button)
            self._languages.addWidget(button)
            self.language_buttons[language] = button
        self._languages.addStretch(1)
        self.show_language(current)

    def show_language(self, language: str) -> None:
        """Mark the language the screen is in (the choice made, or the clinic's after a visit)."""
        button = self.language_buttons.get(language)
        if button is not None:
            button.setChecked(True)

    def use_wording(self, words: PatientWording) -> None:
        self.title.setText(words.WELCOME)
        self.text.setText(words.WELCOME_TEXT)
        self.start_button.setText(words.START)
        self.start_button.setAccessibleName(words.START_NAME)
        self.large_text_button.setText(words.LARGER_TEXT)
        self.large_text_button.setAccessibleName(words.LARGER_TEXT)
        self.high_contrast_button.setText(words.HIGH_CONTRAST)
        self.high_contrast_button.setAccessibleName(words.HIGH_CONTRAST)
        self.show_language(words.language)

    def _on_language_clicked(self) -> None:
        self.language_chosen.emit(str(self.sender().property("language")))

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

"""The small button on every patient screen that switches the visit to another language.

It names the language it switches to in that language ("Español" on an English screen),
so a patient who cannot read the screen's language can still find it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from intake.language_names import language_name
from intake.questionnaire.patient_wording import wording_for


def spoken_choice(language: str) -> str:
    """'Español: Mostrar las preguntas en este idioma', all in the language it offers."""
    return f"{language_name(language)}: {wording_for(language).USE_THIS_LANGUAGE}"


class LanguageButton(QPushButton):
    """Offers the next language after the current one; hidden when only one is offered."""

    switch_requested = Signal(str)
    """The language tapped."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("switch-language")
        self.setProperty("role", "language")
        self.setAutoDefault(False)
        self.target = ""
        self.clicked.connect(self._on_clicked)

    def show_for(self, current: str, offered: Sequence[str]) -> None:
        others = [language for language in offered if language != current]
        if not others:
            self.hide()
            return
        after = list(offered[offered.index(current) + 1 :]) if current in offered else []
        self.target = next((language for language in after if language in others), others[0])
        self.setText(language_name(self.target))
        self.setAccessibleName(spoken_choice(self.target))
        self.show()

    def _on_clicked(self) -> None:
        self.switch_requested.emit(self.target)

"""A plain window with the keyboard docked under a page of fields (or a scroll area filling it)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from intake.settings import KeyboardMode
from intake.ui.keyboard.dock import KeyboardDock, above_keyboard
from intake.ui.theme import apply_theme


class TypingWindow(QWidget):
    def __init__(self, mode: KeyboardMode) -> None:
        super().__init__()
        self.page = QWidget()
        self.fields = QVBoxLayout(self.page)
        self.dock = KeyboardDock(mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(above_keyboard(self.page, self.dock))

    def add(self, field: QWidget) -> QWidget:
        self.fields.addWidget(field)
        return field


@pytest.fixture
def typing_window(qtbot, qapp) -> Callable[..., TypingWindow]:
    def make(
        *fields: QWidget, mode: KeyboardMode = "always", width: int = 800, height: int = 1280, at_bottom: bool = False
    ) -> TypingWindow:
        """Fields at the top of the page (or at its bottom, right on the keyboard)."""
        apply_theme(qapp)
        window = TypingWindow(mode)
        fills = any(isinstance(field, QScrollArea) for field in fields)
        if at_bottom and not fills:
            window.fields.addStretch(1)
        for field in fields:
            window.add(field)
        if not at_bottom and not fills:
            window.fields.addStretch(1)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitActive(window)
        return window

    return make

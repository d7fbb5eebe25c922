"""A stack of screens sized by the screen it shows, not by the largest one it holds.

QStackedWidget asks for the biggest minimum of all its pages, so a wide staff table
hidden behind the patient's screens would make the whole window wider than a portrait
tablet. Here only the page on show counts.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class CurrentPageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        current = self.currentWidget()
        if current is None:
            return super().minimumSizeHint()
        hint = current.minimumSizeHint().expandedTo(current.minimumSize())
        margins = self.contentsMargins()
        return hint.grownBy(margins)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        current = self.currentWidget()
        if current is None:
            return super().sizeHint()
        return current.sizeHint().expandedTo(self.minimumSizeHint())

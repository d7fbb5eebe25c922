"""The row of accented letters over a held key, inside the window (no popup window).

A child widget rather than a Qt popup: a popup would take the mouse grab from the held
key, and the finger could not slide onto a variant and lift there. The overlay covers
the whole window so that a tap beside the row closes it without typing anything.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from intake.ui.keyboard.keys import LetterKey

ROW_GAP = 8
"""Space between the held key and the row above it, so the finger does not hide the row."""


class VariantKey(LetterKey):
    """An accented letter in the row; lifting a finger on it types it.

    Through a real touch screen the release of a slide goes to the held key, which keeps
    the mouse grab. Events sent straight to this widget (assistive tools, tests) bring a
    release without a press here; that release types the letter too.
    """

    def __init__(self, character: str) -> None:
        super().__init__(character, has_variants=False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if not self.isDown() and event.button() == Qt.MouseButton.LeftButton:
            self.typed.emit(self.character)
            return
        super().mouseReleaseEvent(event)


class VariantsOverlay(QWidget):
    typed = Signal(str)
    dismissed = Signal()

    def __init__(self, window: QWidget, key: LetterKey, variants: str, name: str) -> None:
        """`name` is what a screen reader calls the row ("Letters like a")."""
        super().__init__(window)
        self.setObjectName("key-variants-overlay")
        self.row = QFrame(self)
        self.row.setObjectName("key-variants")
        self.row.setAccessibleName(name)
        self.row_layout = QHBoxLayout(self.row)
        self.row_layout.setContentsMargins(6, 6, 6, 6)
        self.row_layout.setSpacing(6)
        self.held = key
        self.keys: list[VariantKey] = []
        for variant in variants:
            button = VariantKey(variant)
            button.typed.connect(self.typed)
            self.row_layout.addWidget(button)
            self.keys.append(button)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()
        self.row.setGeometry(self._row_place(key))
        self.row_layout.activate()

    def _row_place(self, key: LetterKey) -> QRect:
        """Above the key, centred on it, kept inside the window (below it if no room above).

        Each variant is as large as the held key, so a row is as easy to hit as the keyboard.
        """
        margins = self.row_layout.contentsMargins()
        spacing = self.row_layout.spacing()
        count = len(self.keys)
        width = count * key.width() + (count - 1) * spacing + margins.left() + margins.right()
        size = QSize(min(width, self.width()), key.height() + margins.top() + margins.bottom())
        key_top_left = self.mapFromGlobal(key.mapToGlobal(QPoint(0, 0)))
        x = key_top_left.x() + key.width() // 2 - size.width() // 2
        y = key_top_left.y() - size.height() - ROW_GAP
        if y < 0:
            y = key_top_left.y() + key.height() + ROW_GAP
        x = max(0, min(x, self.width() - size.width()))
        return QRect(QPoint(x, y), size)

    def variant_at(self, global_point: QPoint) -> str | None:
        for button in self.keys:
            if button.rect().contains(button.mapFromGlobal(global_point)):
                return button.character
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A tap beside the row: the patient changed their mind."""
        self.dismissed.emit()

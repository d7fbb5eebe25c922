"""A vertically scrolling, centred, readable-width column that touch can drag."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QScroller, QVBoxLayout, QWidget

READABLE_WIDTH = 1000


class ScrollColumn(QScrollArea):
    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        outer = QWidget()
        outer.setObjectName("scroll-content")
        row = QHBoxLayout(outer)
        row.setContentsMargins(32, 24, 32, 24)
        self.column = QWidget()
        self.column.setMaximumWidth(READABLE_WIDTH)
        self.content = QVBoxLayout(self.column)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.setSpacing(20)
        row.addStretch(1)
        row.addWidget(self.column, 100)
        row.addStretch(1)
        self.setWidget(outer)

    def finish(self) -> None:
        """Call after adding the content: keeps it at the top when it is short."""
        self.content.addStretch(1)

    def reveal(self, widget: QWidget) -> None:
        self.ensureWidgetVisible(widget, 0, 48)

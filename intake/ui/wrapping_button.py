"""A push button whose words wrap onto more lines instead of widening the screen.

A question's wording can be a long sentence; as a plain button label it would set a
minimum width far beyond a portrait tablet.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy

from intake.ui.widgets.styling import label


class WrappingButton(QPushButton):
    def __init__(self, text: str, role: str, accessible_name: str = "") -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setAutoDefault(True)
        self.setAccessibleName(accessible_name or text)
        self.caption = label(text, f"{role}-text")
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.caption_row = QHBoxLayout(self)
        self.caption_row.setContentsMargins(16, 8, 16, 8)
        self.caption_row.addWidget(self.caption)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def caption_text(self) -> str:
        return self.caption.text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.caption_row.sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.caption_row.minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(self.caption_row.heightForWidth(width), self.minimumHeight())

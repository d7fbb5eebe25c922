"""Read-only table cells for the staff tables; bold marks what needs the eye first."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableWidgetItem


def table_item(text: str, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item

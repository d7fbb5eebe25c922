"""Narrow columns for a portrait tablet: a column's text may wrap onto two lines at a space.

At 800 px and 18 pt, "!! URGENT REVIEW" or "Settings changed" on one line leaves the
column that matters (a name, a visit id) too little room; on two lines it does not.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableWidget


def two_line_width(text: str, metrics: QFontMetrics) -> int:
    """The narrowest a cell can be when its text may wrap onto two lines at a space."""
    words = text.split(" ")
    splits = [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]
    return min(
        (max(metrics.horizontalAdvance(part) for part in split) for split in splits),
        default=metrics.horizontalAdvance(text),
    )


def wrap_column(table: QTableWidget, column: int, texts: Iterable[str]) -> None:
    """Make `column` just wide enough for `texts` (and its header) on two lines each, bold or not."""
    bold = QFont(table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    header = table.horizontalHeader()
    heading = table.horizontalHeaderItem(column)
    every = [*texts, heading.text() if heading is not None else ""]
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, max(two_line_width(text, metrics) for text in every) + 2 * metrics.averageCharWidth())


def unwrap_column(table: QTableWidget, column: int) -> None:
    """Back to one line: the column as wide as its widest cell."""
    table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

"""Narrow staff table columns: text on two lines at most, never a word cut."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableWidget

from intake.ui.staff.table_fit import two_line_width, unwrap_column, wrap_column


def test_the_best_place_to_break_a_line(qapp) -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance
    assert two_line_width("!! URGENT REVIEW", metrics) == max(width("!! URGENT"), width("REVIEW"))
    assert two_line_width("REFER", metrics) == width("REFER")
    assert two_line_width("Red flag answered", metrics) < width("Red flag answered")


def test_a_wrapped_column_fits_its_longest_two_lines_and_its_header(qtbot) -> None:
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Outcome", "Other"])
    wrap_column(table, 0, ["✗ NOT ELIGIBLE", "? INCOMPLETE"])
    bold = QFont(table.font())
    bold.setBold(True)
    assert table.columnWidth(0) >= QFontMetrics(bold).horizontalAdvance("ELIGIBLE")
    assert table.columnWidth(0) < QFontMetrics(bold).horizontalAdvance("✗ NOT ELIGIBLE")
    unwrap_column(table, 0)
    assert table.horizontalHeader().sectionResizeMode(0) == table.horizontalHeader().ResizeMode.ResizeToContents

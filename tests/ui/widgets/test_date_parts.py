"""The shared date boxes: month list rows a finger can hit, placeholders that can be read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.theme import apply_theme
from intake.ui.widgets.date_parts import digits_box, month_box

THEMES = [(False, False), (True, False), (False, True)]


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def _on(text: QColor, background: QColor) -> QColor:
    """The colour seen: a half-transparent placeholder (Qt's default) is paler than its RGB."""
    alpha = text.alphaF()
    parts = zip(text.getRgbF()[:3], background.getRgbF()[:3], strict=True)
    return QColor.fromRgbF(*(alpha * over + (1 - alpha) * under for over, under in parts))


def _contrast(text: QColor, background: QColor) -> float:
    light, dark = sorted((_luminance(_on(text, background)), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(("large_text", "high_contrast"), THEMES)
def test_month_list_rows_are_at_least_48_px(qtbot, qapp, large_text, high_contrast) -> None:
    apply_theme(qapp, large_text, high_contrast)
    box = month_box(ENGLISH, QLocale())
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    view = box.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    heights = [view.visualRect(view.model().index(row, 0)).height() for row in range(box.count())]
    box.hidePopup()
    apply_theme(qapp)
    assert min(heights) >= 48, heights


@pytest.mark.parametrize(("large_text", "high_contrast"), THEMES)
def test_placeholders_have_at_least_4_5_to_1_contrast(qtbot, qapp, large_text, high_contrast) -> None:
    apply_theme(qapp, large_text, high_contrast)
    box = digits_box("year", 4, "YYYY")
    qtbot.addWidget(box)
    box.show()
    QApplication.processEvents()
    palette = box.palette()
    ratio = _contrast(palette.color(QPalette.ColorRole.PlaceholderText), palette.color(QPalette.ColorRole.Base))
    apply_theme(qapp)
    assert ratio >= 4.5

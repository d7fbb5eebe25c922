"""The QSS theme from resources/ (styles live there, not in Python strings).

Larger text and high contrast are overlays applied after the base sheet, so each only
states what it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication

from intake.paths import RESOURCES_DIR

THEME_DIR = RESOURCES_DIR / "theme"


def style_sheet(large_text: bool = False, high_contrast: bool = False) -> str:
    names = ["kiosk"] + (["large-text"] if large_text else []) + (["high-contrast"] if high_contrast else [])
    return "\n".join((THEME_DIR / f"{name}.qss").read_text(encoding="utf-8") for name in names)


def apply_theme(app: QApplication, large_text: bool = False, high_contrast: bool = False) -> None:
    """Restyling every widget is slow, so an unchanged sheet is not set again."""
    QDir.setSearchPaths("theme", [str(THEME_DIR)])
    sheet = style_sheet(large_text, high_contrast)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)

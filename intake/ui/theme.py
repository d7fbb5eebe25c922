"""Loading the QSS theme from resources/ (styles live there, not in Python strings)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from intake.paths import RESOURCES_DIR

THEME_DIR = RESOURCES_DIR / "theme"


def apply_theme(app: QApplication, name: str = "kiosk") -> None:
    app.setStyleSheet((THEME_DIR / f"{name}.qss").read_text(encoding="utf-8"))

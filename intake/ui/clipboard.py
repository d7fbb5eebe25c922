"""Emptying the clipboard between patients: a copied answer must not reach the next one."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication


def clear_clipboard() -> None:
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        clipboard.clear(mode)

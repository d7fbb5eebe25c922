"""Finding text a screen cuts off, and a pseudo-language whose every text is longer.

A translation is often a third longer than the English: "Next" is "Siguiente". A label
that fits the English exactly clips the Spanish, and nobody sees it until a patient does.
The pseudo-language makes every text about 40 % longer, with accents (which change the
line height of some fonts), so the check finds such labels before any translation is written.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

_ACCENTED = str.maketrans("aeiouAEIOUcnyCNY", "áéíóúÁÉÍÓÚçñýÇÑÝ")
_KEPT = re.compile(r"(\{[a-z_]*\}|%\([a-z_]+\)[sd]|%[sd]|<[^>]+>|&[a-z]+;)")
"""Placeholders and markup a translation must keep exactly as they are."""
_GROWTH = 0.4


def pseudo(text: str) -> str:
    """`text` accented and about 40 % longer, its placeholders and markup untouched."""
    parts = _KEPT.split(text)
    accented = "".join(part if _KEPT.fullmatch(part) else part.translate(_ACCENTED) for part in parts)
    letters = sum(not _KEPT.fullmatch(part) and len(part) for part in parts)
    padding = round(letters * _GROWTH)
    if padding == 0:
        return accented
    filler = ("ŵxyž " * (padding // 5 + 1))[:padding].rstrip()
    return f"{accented} {filler}" if filler else accented


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    space = label.contentsRect()
    metrics = label.fontMetrics()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"label {text[:40]!r} needs {needed} px of height, has {label.height()}"
        return None
    plain = re.sub(r"<[^>]+>", "", text)
    widest = max(metrics.horizontalAdvance(line) for line in plain.splitlines() or [""])
    if widest > space.width() + 1:
        return f"label {text[:40]!r} needs {widest} px of width, has {space.width()} (no word wrap)"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = button.text()
    if not text:
        return None
    needed = button.fontMetrics().horizontalAdvance(text.replace("&", ""))
    if needed > button.contentsRect().width():
        return f"button {text[:40]!r} needs {needed} px of width, has {button.contentsRect().width()}"
    return None


def _field_problem(field: QLineEdit) -> str | None:
    hint = field.placeholderText()
    if not hint or field.text():
        return None
    needed = field.fontMetrics().horizontalAdvance(hint)
    if needed > field.contentsRect().width():
        return f"placeholder {hint[:40]!r} needs {needed} px of width, has {field.contentsRect().width()}"
    return None


def clipped_texts(window: QWidget) -> list[str]:
    """Every visible label, button caption or placeholder on `window` that its widget cuts off."""
    problems: list[str] = []
    for label in window.findChildren(QLabel):
        if _shown(label) and (problem := _label_problem(label)):
            problems.append(problem)
    for button in window.findChildren(QAbstractButton):
        if _shown(button) and (problem := _button_problem(button)):
            problems.append(problem)
    for field in window.findChildren(QLineEdit):
        if _shown(field) and (problem := _field_problem(field)):
            problems.append(problem)
    return problems

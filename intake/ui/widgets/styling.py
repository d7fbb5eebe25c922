"""Tiny helpers so that looks stay in the QSS theme: code sets roles and states only."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def set_state(widget: QWidget, name: str, value: bool) -> None:
    """Set a boolean property the theme selects on (`[problem="true"]`) and repaint.

    Only a change restyles: re-polishing applies the whole style sheet to the widget again,
    and a page clears every question's problem each time it is shown.
    """
    text = "true" if value else "false"
    if widget.property(name) == text:
        return
    widget.setProperty(name, text)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget another role (a button prominent in one place, quiet in another) and repaint."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def label(text: str, role: str, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def touch_button(text: str, role: str = "", accessible_name: str = "") -> QPushButton:
    """A large button that Enter activates when it has focus (Enter elsewhere means Next)."""
    button = QPushButton(text)
    button.setAutoDefault(True)
    if role:
        button.setProperty("role", role)
    button.setAccessibleName(accessible_name or text)
    return button


def discard(widget: QWidget) -> None:
    """Take a widget off screen and out of the tree now; Qt frees it on the next loop."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()

"""Tab order that follows what is on screen, top to bottom, as the layouts place it.

Qt's default focus chain follows creation order, so a medicine row added later would
be reached only after the Next button. Walking the layouts instead gives reading order
for whatever the form renders, and skips hidden questions and pages not shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLayout, QRadioButton, QScrollArea, QStackedWidget, QWidget


def reading_order(root: QWidget) -> list[QWidget]:
    """Focusable, shown widgets under `root` in layout order; one stop per radio group."""
    found: list[QWidget] = []
    groups_seen: set[int] = set()

    def take(widget: QWidget) -> None:
        if isinstance(widget, QRadioButton) and widget.group() is not None:
            group = widget.group()
            if id(group) in groups_seen:
                return
            groups_seen.add(id(group))
            widget = group.checkedButton() or widget
        found.append(widget)

    def visit_widget(widget: QWidget) -> None:
        if widget.isHidden():
            return
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
            take(widget)
        if isinstance(widget, QStackedWidget):
            current = widget.currentWidget()
            if current is not None:
                visit_widget(current)
        elif isinstance(widget, QScrollArea):
            inner = widget.widget()
            if inner is not None:
                visit_widget(inner)
        elif widget.layout() is not None and not isinstance(widget, QAbstractButton):
            visit_layout(widget.layout())

    def visit_layout(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item.widget() is not None:
                visit_widget(item.widget())
            elif item.layout() is not None:
                visit_layout(item.layout())

    visit_widget(root)
    return found

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
        elif not isinstance(widget, QAbstractButton):
            layout = widget.layout()
            if layout is not None:
                visit_layout(layout)

    def visit_layout(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            assert item is not None, "every index below count() holds an item"
            child_widget = item.widget()
            child_layout = item.layout()
            if child_widget is not None:
                visit_widget(child_widget)
            elif child_layout is not None:
                visit_layout(child_layout)

    visit_widget(root)
    return found

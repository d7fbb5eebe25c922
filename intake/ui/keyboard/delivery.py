"""Text into the focused field the way a system virtual keyboard sends it: input-method events.

A `QInputMethodEvent` with a commit string goes through the same editing path as a
platform input method, so the field's validator and maximum length still decide what
is accepted, `textEdited` fires (the wizard listens to it), a selection is replaced
(number boxes select all on focus) and a QCompleter updates its suggestions. No key
events are made: shortcuts and the wizard's Enter-means-Next never fire from a tap.

Backspace is a commit of nothing that replaces the character before the cursor
(`setCommitString("", -1, 1)`). With a selection Qt removes the selection *and* then
that character, so a selection is first collapsed to its end by a `Selection` attribute
event and then replaced as a whole, which is what Backspace on a physical keyboard does.

The one key that does arrive as key events is the PIN pad's Enter, which staff tap to
sign in: it means what Enter on a physical keyboard means there, and patients' fields
never get that pad.

A text box of several lines (a clinician's note) reports its current line as the text
around the cursor, so Backspace and the capital at the start work line by line there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QWidget

_QUERY = Qt.InputMethodQuery


def is_text_field(widget: QWidget | None) -> bool:
    """A field the keyboard types into: an editable line edit, spin box or text box (a clinician's note)."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit):
        return not widget.isReadOnly() and widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    return False


def field_text(field: QWidget) -> str:
    return str(field.inputMethodQuery(_QUERY.ImSurroundingText) or "")


def commit(field: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def erase_backwards(field: QWidget) -> None:
    """Backspace: the selection if there is one, else the character before the cursor."""
    cursor = int(field.inputMethodQuery(_QUERY.ImCursorPosition) or 0)
    anchor = int(field.inputMethodQuery(_QUERY.ImAnchorPosition) or cursor)
    length = 1
    if anchor != cursor:
        end = max(anchor, cursor)
        length = end - min(anchor, cursor)
        collapse = QInputMethodEvent(
            "", [QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Selection, end, 0)]
        )
        QApplication.sendEvent(field, collapse)
    elif cursor == 0:
        return
    event = QInputMethodEvent()
    event.setCommitString("", -length, length)
    QApplication.sendEvent(field, event)


def press_enter(field: QWidget) -> None:
    """Enter, pressed and released on the field (a line edit emits `returnPressed`)."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))

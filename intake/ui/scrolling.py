"""A vertically scrolling, centred, readable-width column that touch can drag.

A cue at the bottom says there is more below while there is, so a patient on a tall
page does not tap Next believing they have seen every question.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QScroller, QVBoxLayout, QWidget

from intake.questionnaire.patient_wording import PatientWording
from intake.ui.widgets.styling import label

READABLE_WIDTH = 1000
REVEAL_MARGIN = 24


class ScrollColumn(QScrollArea):
    def __init__(self, more_below: str) -> None:
        """`more_below` is the cue in the reader's language: the patient wording's `MORE_BELOW`,
        or the staff words' on a staff screen."""
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.scroll_content = QWidget()
        self.scroll_content.setObjectName("scroll-content")
        row = QHBoxLayout(self.scroll_content)
        row.setContentsMargins(24, 24, 24, 24)
        self.column = QWidget()
        self.column.setMaximumWidth(READABLE_WIDTH)
        self.content = QVBoxLayout(self.column)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.setSpacing(20)
        row.addStretch(1)
        row.addWidget(self.column, 100)
        row.addStretch(1)
        self.setWidget(self.scroll_content)
        self.more_below = label(more_below, "more-below", wrap=False)
        self.more_below.setObjectName("more-below")
        self.more_below.setParent(self)
        self.more_below.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.more_below.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.more_below.hide()
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._update_cue)
        bar.rangeChanged.connect(self._update_cue)

    def use_wording(self, words: PatientWording) -> None:
        self.more_below.setText(words.MORE_BELOW)

    def finish(self) -> None:
        """Call after adding the content: keeps it at the top when it is short."""
        self.content.addStretch(1)

    def settle(self) -> None:
        """Lay out now what just appeared or vanished, so positions are true before scrolling."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def reveal(self, widget: QWidget) -> None:
        self.settle()
        self.ensureWidgetVisible(widget, 0, REVEAL_MARGIN)

    def reveal_bottom_of(self, widget: QWidget) -> None:
        """Scroll just enough that `widget` ends above the cue and the button bar."""
        self.settle()
        bottom = widget.mapTo(self.scroll_content, widget.rect().bottomLeft()).y()
        margin = REVEAL_MARGIN + self.more_below.height()
        bar = self.verticalScrollBar()
        visible_bottom = bar.value() + self.viewport().height() - margin
        if bottom > visible_bottom:
            bar.setValue(bottom - self.viewport().height() + margin)

    def _update_cue(self) -> None:
        bar = self.verticalScrollBar()
        self.more_below.setVisible(bar.value() < bar.maximum())
        self.more_below.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        viewport = self.viewport().geometry()
        height = self.more_below.sizeHint().height()
        self.more_below.setGeometry(viewport.left(), viewport.bottom() + 1 - height, viewport.width(), height)
        self._update_cue()


def nearest_scroll_area(widget: QWidget) -> QScrollArea | None:
    """The scroll area a widget sits in, to scroll it into view; None outside one."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent

"""Controls beside a number wrap onto a new line instead of being squeezed or clipped."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFrame, QWidget

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.theme import apply_theme
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.number_input import NumberInput


def make_row(qtbot, width: int) -> tuple[QWidget, list[QFrame]]:
    holder = QWidget()
    row = FlowRow(spacing=10)
    holder.setLayout(row)
    boxes = [QFrame() for _ in range(3)]
    for box in boxes:
        box.setFixedSize(100, 50)
        row.addWidget(box)
    qtbot.addWidget(holder)
    holder.resize(width, row.heightForWidth(width))
    holder.show()
    qtbot.waitExposed(holder)
    return holder, boxes


def test_everything_on_one_line_when_there_is_room(qtbot) -> None:
    _holder, boxes = make_row(qtbot, 400)
    assert [box.y() for box in boxes] == [0, 0, 0]
    assert [box.x() for box in boxes] == [0, 110, 220]


def test_what_does_not_fit_starts_the_next_line(qtbot) -> None:
    holder, boxes = make_row(qtbot, 250)
    assert [(box.x(), box.y()) for box in boxes] == [(0, 0), (110, 0), (0, 60)]
    assert holder.layout().heightForWidth(250) == 110


def test_hidden_controls_leave_no_gap(qtbot) -> None:
    _holder, boxes = make_row(qtbot, 400)
    boxes[1].hide()
    qtbot.waitUntil(lambda: boxes[2].x() == 110, timeout=1000)


@pytest.fixture
def large_text(qapp):
    apply_theme(qapp, large_text=True)
    yield
    apply_theme(qapp)


def test_a_unit_choice_in_a_narrow_medicine_row_with_large_text_is_whole(qtbot, form, large_text) -> None:
    widget = NumberInput(form.question("preventives").field("weeks"), ENGLISH)
    qtbot.addWidget(widget)
    widget.resize(560, widget.heightForWidth(560))
    widget.show()
    qtbot.waitExposed(widget)
    toggle = widget.unit_toggle
    assert toggle.geometry().right() < widget.width()
    assert toggle.width() >= toggle.sizeHint().width()
    assert toggle.y() > widget.plus.mapTo(widget, widget.plus.rect().bottomLeft()).y()

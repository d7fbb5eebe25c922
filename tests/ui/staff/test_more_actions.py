"""The less used actions: folded under one button, opened in place as full-size buttons that wrap."""

from __future__ import annotations

from patient_driver import tap
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake.ui.staff.more_actions import FEWER, MORE, MoreActions, side_by_side
from intake.ui.widgets.styling import touch_button


def _screen(qtbot, width: int) -> tuple[QWidget, MoreActions, list[QWidget]]:
    screen = QWidget()
    more = MoreActions()
    actions = [touch_button(f"Action number {number}", "quiet") for number in range(4)]
    for action in actions:
        more.row.addWidget(action)
    column = QVBoxLayout(screen)
    column.addWidget(more.toggle)
    column.addWidget(more)
    qtbot.addWidget(screen)
    screen.resize(width, 600)
    screen.show()
    qtbot.waitExposed(screen)
    return screen, more, actions


def test_folded_until_tapped_and_folded_again(qtbot) -> None:
    _window, more, actions = _screen(qtbot, 1200)
    assert not any(action.isVisible() for action in actions) and more.toggle.text() == MORE
    tap(more.toggle)
    assert all(action.isVisible() for action in actions) and more.toggle.text() == FEWER
    tap(more.toggle)
    assert not any(action.isVisible() for action in actions) and more.toggle.text() == MORE


def test_on_a_narrow_screen_the_buttons_wrap_whole(qtbot) -> None:
    screen, more, actions = _screen(qtbot, 500)
    tap(more.toggle)
    qtbot.wait(20)
    assert len({action.y() for action in actions}) > 1, "more than one line"
    assert all(action.width() >= action.sizeHint().width() for action in actions), "none squeezed"
    assert all(action.geometry().right() < screen.width() for action in actions)


def test_reveal_opens_them_on_the_action_staff_were_pointed_to(qtbot) -> None:
    screen, more, actions = _screen(qtbot, 1200)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    more.reveal(actions[2])
    assert more.isVisible() and actions[2].hasFocus()


def test_a_choice_and_its_button_stay_together(qtbot) -> None:
    first, second = touch_button("Choice", "quiet"), touch_button("Its button", "quiet")
    group = side_by_side(first, second)
    qtbot.addWidget(group)
    group.show()
    assert first.parent() is group and second.parent() is group and first.y() == second.y()

from PySide6.QtWidgets import QLabel, QWidget

from intake.ui.current_page_stack import CurrentPageStack


def _page(minimum_width: int) -> QWidget:
    page = QLabel("page")
    page.setMinimumWidth(minimum_width)
    return page


def test_only_the_page_on_show_sets_the_minimum_width(qtbot) -> None:
    stack = CurrentPageStack()
    qtbot.addWidget(stack)
    narrow, wide = _page(300), _page(1200)
    stack.addWidget(narrow)
    stack.addWidget(wide)
    stack.setCurrentWidget(narrow)
    assert stack.minimumSizeHint().width() == 300
    stack.setCurrentWidget(wide)
    assert stack.minimumSizeHint().width() == 1200

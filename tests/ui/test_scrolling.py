from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.scrolling import ScrollColumn
from intake.ui.widgets.styling import label


def _column(qtbot, lines: int) -> ScrollColumn:
    column = ScrollColumn(ENGLISH.MORE_BELOW)
    qtbot.addWidget(column)
    for number in range(lines):
        column.content.addWidget(label(f"Line {number}", "intro"))
    column.finish()
    column.resize(600, 400)
    column.show()
    qtbot.waitExposed(column)
    return column


def test_more_below_shows_until_the_end_of_the_content(qtbot) -> None:
    column = _column(qtbot, 40)
    bar = column.verticalScrollBar()
    qtbot.waitUntil(column.more_below.isVisible, timeout=1000)
    assert column.more_below.text() == "More below ↓"
    top = QPoint(bar.width() // 2, 20)
    bottom = QPoint(bar.width() // 2, bar.height() + 200)
    QTest.mousePress(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, top)
    QTest.mouseMove(bar, bottom)
    QTest.mouseRelease(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bottom)
    QApplication.processEvents()
    assert bar.value() == bar.maximum()
    assert not column.more_below.isVisible()


def test_no_cue_when_everything_fits(qtbot) -> None:
    column = _column(qtbot, 2)
    qtbot.wait(50)
    assert column.verticalScrollBar().maximum() == 0 and not column.more_below.isVisible()


def test_the_scroll_bar_is_wide_enough_for_a_finger(qtbot) -> None:
    from intake.ui.theme import apply_theme

    apply_theme(QApplication.instance())
    column = _column(qtbot, 40)
    assert column.verticalScrollBar().width() >= 24

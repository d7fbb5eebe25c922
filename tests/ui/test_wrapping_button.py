from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from intake.ui.wrapping_button import WrappingButton

LONG = "Has an eye doctor said your optic nerves look swollen, or do you get brief greying-out of your vision?"


def test_a_long_label_wraps_instead_of_widening_the_screen(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    button = WrappingButton(LONG, "problem-link")
    QVBoxLayout(holder).addWidget(button)
    holder.resize(300, 400)
    holder.show()
    qtbot.waitExposed(holder)
    assert holder.minimumSizeHint().width() < 300
    assert button.width() <= 300 and button.height() > button.caption.fontMetrics().height() * 2
    with qtbot.waitSignal(button.clicked, timeout=1000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.accessibleName() == LONG

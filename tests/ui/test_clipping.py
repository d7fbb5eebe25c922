"""The clipped-text check finds what a person would see cut off, and only that."""

from __future__ import annotations

from clipping import clipped_texts, pseudo
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def _window(qtbot, *widgets: QWidget) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_label_or_button_too_narrow_for_its_words_is_reported(qtbot) -> None:
    label, button = QLabel("Siguiente pregunta, por favor"), QPushButton("Necesito ayuda ahora mismo")
    label.setFixedWidth(60)
    button.setFixedWidth(60)
    problems = clipped_texts(_window(qtbot, label, button))
    assert [problem.split(" ")[0] for problem in problems] == ["label", "button"]


def test_wrapped_words_with_room_to_wrap_are_not_reported(qtbot) -> None:
    label = QLabel("Siguiente pregunta, por favor, cuando esté listo")
    label.setWordWrap(True)
    label.ensurePolished()  # in the font it will be shown in, whatever style sheet an earlier test left on the app
    label.setFixedSize(120, label.heightForWidth(120) + 4)
    assert clipped_texts(_window(qtbot, label, QPushButton("Sí"))) == []


def test_a_wrapped_label_without_the_height_for_its_lines_is_reported(qtbot) -> None:
    label = QLabel("Siguiente pregunta, por favor, cuando esté listo")
    label.setWordWrap(True)
    label.setFixedSize(120, 20)
    [problem] = clipped_texts(_window(qtbot, label))
    assert "of height" in problem


def test_pseudo_text_is_longer_and_keeps_its_blanks() -> None:
    text = "Please enter a number from {left} to {right}."
    longer = pseudo(text)
    words = len(text) - len("{left}{right}")
    assert len(longer) - len(text) >= 0.35 * words
    assert "{left}" in longer and "{right}" in longer and "á" in longer

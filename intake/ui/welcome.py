"""The screen a patient sees first: the clinic's name and one obvious way to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeScreen(QWidget):
    start_requested = Signal()

    def __init__(self, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        clinic = QLabel(clinic_name)
        clinic.setProperty("role", "clinic")
        title = QLabel("Welcome")
        title.setProperty("role", "title")
        text = QLabel(
            "Before your appointment, please answer some questions about your headaches "
            "and the medicines you have tried. It takes about 10 minutes. "
            "You can go back and change any answer before you finish."
        )
        text.setProperty("role", "subtitle")
        text.setWordWrap(True)
        self.start_button = QPushButton("Start")
        self.start_button.setProperty("role", "primary")
        self.start_button.setAccessibleName("Start the questionnaire")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(28)
        for label in (clinic, title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.start_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

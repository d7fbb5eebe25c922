"""Starting the Qt application: settings, theme, main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from intake.settings import load_settings
from intake.ui.theme import apply_theme
from intake.ui.welcome import WelcomeScreen
from intake.yamlfile import DataFileError


class MainWindow(QMainWindow):
    def __init__(self, clinic_name: str) -> None:
        super().__init__()
        self.setWindowTitle(f"{clinic_name} - intake")
        self.pages = QStackedWidget()
        self.welcome = WelcomeScreen(clinic_name)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)


def _options(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py")
    parser.add_argument("--quit-after-show", action="store_true", help="open the window, then quit (smoke test)")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    options, _qt_args = parser.parse_known_args(argv[1:])
    return options


def run_app(argv: Sequence[str]) -> int:
    options = _options(argv)
    app = QApplication(list(argv))
    app.setApplicationName("headache-intake")
    try:
        settings = load_settings()
    except DataFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    apply_theme(app)
    window = MainWindow(settings.clinic_name)
    window.resize(1280, 800)
    if options.windowed or options.quit_after_show:
        window.show()
    else:
        window.showFullScreen()
    if options.quit_after_show:
        QTimer.singleShot(0, app.quit)
    status = app.exec()
    window.deleteLater()
    app.processEvents()
    return status

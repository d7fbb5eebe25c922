"""A kiosk window as its first frame shows it, in a fresh data dir, for the set-up wizard or the passphrase
page of a later start (`setup_driver.start` runs the rest of the start)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from setup_driver import SetUpStaff

from intake.paths import config_dir
from intake.ui.app import MainWindow, Opening
from intake.ui.theme import apply_theme


@pytest.fixture
def settings_file() -> Callable[[str], Path]:
    """A settings file IT wrote before the first start (the keyboard always on, as on a tablet)."""

    def write(extra: str = "") -> Path:
        path = config_dir() / "settings.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("on_screen_keyboard: always\n" + extra, encoding="utf-8")
        return path

    return write


@pytest.fixture
def first_frame(qtbot, qapp, monkeypatch) -> Iterator[Callable[[tuple[int, int]], tuple[MainWindow, SetUpStaff]]]:
    """The window as its first frame shows it; the test then runs the rest of the start (`start`)."""
    monkeypatch.delenv("INTAKE_DB_KEY", raising=False)
    monkeypatch.delenv("INTAKE_ADMIN_PIN", raising=False)
    monkeypatch.delenv("INTAKE_AUDIT_KEY", raising=False)
    made: list[SetUpStaff] = []

    def make(size: tuple[int, int]) -> tuple[MainWindow, SetUpStaff]:
        apply_theme(qapp)
        window = MainWindow(Opening.read())
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        made.append(SetUpStaff(window))
        return window, made[-1]

    yield make
    for staff in made:
        staff.close()
    gc.unfreeze()

"""The contract every question input keeps with the page that holds it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class AnswerInput(QWidget):
    """An input for one question type.

    `value()` is the typed answer the form expects (int, date, "yes", rows...) or None
    while unanswered or not yet valid; `input_problems()` says, in patient words, why
    typed text is not a valid answer yet. `edited` fires on the patient's changes only,
    never on `clear()`: on every keystroke too. `committed` follows when the answer is
    settled for now (a tap, a pick, a step, a row added or removed, a text box left or
    Entered), so the wizard saves it at once; keystrokes wait for a pause in the typing.
    """

    edited = Signal()
    committed = Signal()

    def _answered(self) -> None:
        """A change that is the answer as it stands (a tap, not a keystroke): edited, then committed."""
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def show_answer(self, value: Any) -> None:
        """Show a stored answer (as `value()` returns it), as if the patient had given it.

        For a visit staff continue with the patient; emits neither `edited` nor `committed`,
        since nothing changed that is not already stored.
        """
        raise NotImplementedError

    def focus_input(self) -> None:
        """Put keyboard focus where the patient types or chooses first."""
        raise NotImplementedError

    def input_problem(self) -> str | None:
        return None

    def input_problems(self, key: str) -> dict[str, str]:
        """Problems keyed like answers; groups override this with one key per row field."""
        problem = self.input_problem()
        return {key: problem} if problem else {}

    def show_problems(self, key: str, problems: Mapping[str, str]) -> None:
        """Groups show row problems beside the row; simple inputs leave it to their block."""

    def describe(self, name: str, description: str) -> None:
        """Accessible name and description for screen readers, set on the focusable parts."""
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)

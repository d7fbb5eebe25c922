"""One editor per clinic setting, chosen from the `Settings` field's type and metadata.

A new setting appears on the staff screen by being declared on the model; this module
is where a new *kind* of setting (a type no editor fits) would be taught to the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import NoneType
from typing import Any, Literal, get_args, get_origin

from annotated_types import Ge, Le
from pydantic.fields import FieldInfo
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from intake.ui.staff.words import _

Choice = tuple[str, Any]
"""What a choice list shows, and the value it saves."""

ChoiceList = Callable[[], Sequence[Choice]]
"""Asked each time the screen opens, so a printer plugged in since is offered."""


class TextEditor(QLineEdit):
    """Text, trimmed; for an optional setting an empty field means None."""

    def __init__(self, optional: bool, empty: str | None) -> None:
        super().__init__()
        self._optional = optional
        if empty:
            self.setPlaceholderText(empty)

    def show_setting(self, value: Any) -> None:
        self.setText("" if value is None else str(value))

    def setting(self) -> str | None:
        text = self.text().strip()
        return (text or None) if self._optional else text


class SwitchEditor(QCheckBox):
    def show_setting(self, value: Any) -> None:
        self.setChecked(bool(value))

    def setting(self) -> bool:
        return self.isChecked()


class NumberEditor(QSpinBox):
    """Held to the model's own bounds, so the screen offers only what the file accepts."""

    def __init__(self, minimum: int, maximum: int) -> None:
        super().__init__()
        self.setRange(minimum, maximum)

    def show_setting(self, value: Any) -> None:
        self.setValue(int(value))

    def setting(self) -> int:
        return self.value()


class ChoiceEditor(QComboBox):
    """A fixed or run-time list; `empty` names the choice meaning None (listed first).

    A saved value the list lacks (a printer unplugged today) is kept as a choice of its
    own, so opening and saving the screen never changes it. None without an `empty`
    choice shows the first choice.
    """

    def __init__(self, choices: ChoiceList, empty: str | None) -> None:
        super().__init__()
        self._choices = choices
        self._empty = empty

    def show_setting(self, value: Any) -> None:
        self.clear()
        if self._empty is not None:
            self.addItem(self._empty, None)
        for text, choice in self._choices():
            self.addItem(text, choice)
        index = self.findData(value)
        if index < 0 and value is not None:
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def setting(self) -> Any:
        return self.currentData()


SettingEditor = TextEditor | SwitchEditor | NumberEditor | ChoiceEditor
"""Each offers `show_setting(value)` and `setting()`, so the screen never asks which kind it holds."""


def editor_for(name: str, info: FieldInfo, choice_lists: Mapping[str, ChoiceList]) -> SettingEditor:
    """The editor a field's type and metadata ask for; a field no editor fits is a programming error.

    The model's words (`empty`, `labels`, marked `N_` in `intake.settings`) are translated here,
    where they are shown; the choices of a run-time list (policy titles, printers, languages) are names.
    """
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    empty = _(str(extra["empty"])) if "empty" in extra else None
    annotation = info.annotation
    if "choices" in extra:
        return ChoiceEditor(choice_lists[str(extra["choices"])], empty)
    if get_origin(annotation) is Literal:
        labels = extra.get("labels")
        words = labels if isinstance(labels, dict) else {}
        fixed = [(_(str(words[value])) if value in words else str(value), value) for value in get_args(annotation)]
        return ChoiceEditor(lambda: fixed, empty)
    if annotation is bool:
        return SwitchEditor()
    if annotation is int:
        return NumberEditor(*_bounds(name, info))
    kinds = set(get_args(annotation)) or {annotation}
    if kinds - {NoneType} <= {str, Path}:
        return TextEditor(NoneType in kinds, empty)
    raise TypeError(f"Settings.{name}: no settings editor for {annotation}")


def _bounds(name: str, info: FieldInfo) -> tuple[int, int]:
    low = [item.ge for item in info.metadata if isinstance(item, Ge) and isinstance(item.ge, int)]
    high = [item.le for item in info.metadata if isinstance(item, Le) and isinstance(item.le, int)]
    if not (low and high):
        raise TypeError(f"Settings.{name}: a number on the settings screen needs whole-number ge= and le= bounds")
    return low[0], high[0]

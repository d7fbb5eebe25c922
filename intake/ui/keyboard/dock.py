"""When the on-screen keyboard shows, which layout it uses, and where its text goes.

The dock sits under the pages in the main window. It follows the application's focus:
a text field of this window taking focus brings it up (digits pad for fields whose
input-method hints ask for numbers only, the PIN pad for those that prefer numbers),
anything else sends it away. The page above
shrinks, and the field is scrolled into view above the keys. Text goes to whichever
field has focus at the moment of the tap, so nothing refers to a field that is gone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QInputDevice
from PySide6.QtWidgets import QApplication, QSizePolicy, QVBoxLayout, QWidget

from intake.questionnaire.patient_wording import ENGLISH, PatientWording
from intake.settings import KeyboardMode
from intake.ui.keyboard.delivery import commit, erase_backwards, field_text, is_text_field, press_enter
from intake.ui.keyboard.panel import KeyboardPanel
from intake.ui.scrolling import nearest_scroll_area

_HINT = Qt.InputMethodHint
NUMBER_HINTS = _HINT.ImhDigitsOnly | _HINT.ImhFormattedNumbersOnly
NO_CAPITAL_HINTS = (
    _HINT.ImhNoAutoUppercase
    | _HINT.ImhPreferLowercase
    | _HINT.ImhLowercaseOnly
    | _HINT.ImhHiddenText
    | _HINT.ImhSensitiveData
    | _HINT.ImhUrlCharactersOnly
    | _HINT.ImhEmailCharactersOnly
)
REVEAL_MARGIN = 48
"""Space kept between the field and the edge of its scroll area, so its label shows too."""


def touch_screen_present() -> bool:
    return any(device.type() == QInputDevice.DeviceType.TouchScreen for device in QInputDevice.devices())


def layout_for(field: QWidget) -> str:
    """Digits pad for number fields (with a comma key when decimals are allowed), the PIN pad
    for fields that prefer numbers but take letters too (staff PINs), else letters."""
    hints = field.inputMethodHints()
    if hints & _HINT.ImhFormattedNumbersOnly:
        return "decimal"
    if hints & NUMBER_HINTS:
        return "digits"
    if hints & _HINT.ImhPreferNumbers:
        return "pin"
    return "letters"


def starts_capital(field: QWidget) -> bool:
    """An empty field for words (a name) starts with a capital; PINs and addresses do not."""
    return not field_text(field) and not field.inputMethodHints() & NO_CAPITAL_HINTS


class KeyboardDock(QWidget):
    def __init__(self, mode: KeyboardMode = "auto", words: PatientWording = ENGLISH) -> None:
        """`words`: the key captions' language to begin with (the staff screens' is English)."""
        super().__init__()
        self.setObjectName("keyboard-dock")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mode: KeyboardMode = mode
        self._words = words
        self._panel: KeyboardPanel | None = None
        self._keys_column = QVBoxLayout(self)
        self._keys_column.setContentsMargins(0, 0, 0, 0)
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(0)
        self._settled.timeout.connect(self._reveal_focused)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @property
    def panel(self) -> KeyboardPanel:
        """The keys, made the first time the keyboard is wanted: until a field asks for them, a
        kiosk (on its welcome screen, say) holds none of their widgets."""
        if self._panel is None:
            panel = KeyboardPanel(self._words)
            panel.typed.connect(self._type)
            panel.erase_requested.connect(self._erase)
            panel.done_requested.connect(self._done)
            panel.enter_requested.connect(self._enter)
            self._keys_column.addWidget(panel)
            self._panel = panel
        return self._panel

    def use_wording(self, words: PatientWording) -> None:
        """Key captions in the language of the screens above: the patient's, or English for staff."""
        self._words = words
        if self._panel is not None:
            self._panel.use_wording(words)

    def set_mode(self, mode: KeyboardMode) -> None:
        """'auto': on with a touch screen or a full-screen kiosk; a physical keyboard works in every mode."""
        self.mode = mode
        self._follow(QApplication.focusWidget())

    def wanted(self) -> bool:
        if self.mode == "auto":
            return touch_screen_present() or self.window().isFullScreen()
        return self.mode == "always"

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._follow(new)

    def _field(self, widget: QWidget | None) -> QWidget | None:
        """`widget` if the keyboard types into it: a text field in this window."""
        if widget is not None and is_text_field(widget) and widget.window() is self.window():
            return widget
        return None

    def _target(self) -> QWidget | None:
        return self._field(QApplication.focusWidget())

    def _follow(self, widget: QWidget | None) -> None:
        field = self._field(widget)
        if field is None or not self.wanted():
            self.hide()
            return
        name = layout_for(field)
        self.panel.use(name)
        self.panel.set_shift(name == "letters" and starts_capital(field))
        self.show()
        self.reveal(field)

    def reveal(self, field: QWidget) -> None:
        """Lay the window out with the keyboard now, then scroll the field above it.

        A field that just appeared (a new row) may not be laid out yet, and answers can
        make questions appear above it: while the keyboard is up, the field's scroll area
        is watched and the field revealed again once its content has settled.
        """
        parent = self.parentWidget()
        parent_layout = parent.layout() if parent is not None else None
        if parent_layout is not None:
            parent_layout.activate()
        area = nearest_scroll_area(field)
        if area is None:
            return
        area.ensureWidgetVisible(field, 0, REVEAL_MARGIN)
        for watched in (area.viewport(), area.widget()):
            if watched is not None:
                watched.installEventFilter(self)
        self._settled.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and self.isVisible():
            self._settled.start()
        return False

    def _reveal_focused(self) -> None:
        field = self._target()
        if field is None:
            return
        area = nearest_scroll_area(field)
        if area is not None and self.isVisible():
            area.ensureWidgetVisible(field, 0, REVEAL_MARGIN)

    def _type(self, text: str) -> None:
        field = self._target()
        if field is not None:
            commit(field, text)

    def _erase(self) -> None:
        field = self._target()
        if field is None:
            return
        erase_backwards(field)
        if self.panel.layout_name == "letters" and starts_capital(field):
            self.panel.set_shift(True)

    def _enter(self) -> None:
        field = self._target()
        if field is not None:
            press_enter(field)

    def _done(self) -> None:
        """Focus leaves the field for its page (or the window), and the keyboard goes with it."""
        field = self._target()
        self.hide()
        if field is None:
            return
        holder = nearest_scroll_area(field) or field.window()
        holder.setFocus(Qt.FocusReason.OtherFocusReason)


def above_keyboard(pages: QWidget, dock: KeyboardDock) -> QWidget:
    """The main window's central widget: the pages, shrinking while the keyboard is up.

    A stack of pages is as tall as its tallest page's minimum, even when that page is not
    showing; the pages' height is therefore left to this column, so that the keyboard
    fits a landscape screen and the current page scrolls in what remains.
    """
    pages.setSizePolicy(pages.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)
    column = QWidget()
    column.setObjectName("pages-and-keyboard")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(pages, 1)
    layout.addWidget(dock)
    return column

"""A medicine name by touch: one-tap chips for the common ones, ranked suggestions for the rest.

Typing on a glass keyboard is slow, so the medicines most patients take are one tap
away, and a few letters bring up the medicine under the name the patient knows. The
suggestions sit in the page under the box (a popup window would take focus from the
box and from the on-screen keyboard). Any typed name is still accepted: an unknown
medicine is shown to the clinician as "not in catalog", never guessed.

A visit in another language offers the catalog's spelling of a generic in that language
("ibuprofeno"), and stores it when the catalog knows it as the same medicine.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intake.catalog import Catalog
from intake.catalog.search import Suggestion, suggestions
from intake.questionnaire.form import Question
from intake.questionnaire.patient_wording import PatientWording, medicine_name
from intake.ui.scrolling import ScrollColumn, nearest_scroll_area
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.styling import label, set_state, touch_button
from intake.ui.widgets.text_input import TextInput

SUGGESTION_ROWS = 5


class SuggestionRow(QPushButton):
    """A tappable suggestion whose words wrap: a long brand with its generic must stay readable.

    The words are a label inside the button (a button's own text never wraps); the
    label lets taps through to the button.
    """

    def __init__(self, words: PatientWording, local: Callable[[str], str]) -> None:
        super().__init__()
        self._words = words
        self._local = local
        self.setProperty("role", "suggestion")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.words = label("", "suggestion-text")
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.inside = QHBoxLayout(self)
        self.inside.setContentsMargins(16, 8, 16, 8)
        self.inside.addWidget(self.words)
        self.suggestion: Suggestion | None = None

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(self.minimumHeight(), self.inside.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.inside.totalSizeHint().expandedTo(self.minimumSize())

    def offer(self, suggestion: Suggestion) -> None:
        self.suggestion = suggestion
        if suggestion.is_guess:
            self.words.setText(self._words.did_you_mean(self._local(suggestion.name)))
        else:
            self.words.setText(self._words.medicine_suggestion(self._local(suggestion.name), self._local(suggestion.generic)))
        self.setAccessibleName(self.words.text())
        set_state(self.words, "guess", suggestion.is_guess)


class MedicineInput(TextInput):
    def __init__(self, question: Question, catalog: Catalog, words: PatientWording) -> None:
        super().__init__(question)
        if question.catalog is None:
            raise ValueError(f"{question.id}: a medicine input needs a catalog kind")
        self._catalog = catalog
        self._kind = question.catalog
        self._words = words
        self.chips: dict[QPushButton, str] = {}
        chip_area = QWidget()
        chip_area.setObjectName("quick-picks")
        flow = FlowRow(spacing=12)
        chip_area.setLayout(flow)
        for name in question.quick_picks:
            chip = touch_button(medicine_name(self._local(name)), "chip")
            chip.clicked.connect(self._on_chip_clicked)
            self.chips[chip] = self._stored(name)
            flow.addWidget(chip)
        self.suggestion_list = QFrame()
        self.suggestion_list.setObjectName("suggestions")
        self._rows = QVBoxLayout(self.suggestion_list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(0)
        self.suggestion_rows: list[SuggestionRow] = []
        self.column.setSpacing(12)
        self.column.insertWidget(0, chip_area)
        self.column.addWidget(self.suggestion_list)
        chip_area.setVisible(bool(self.chips))
        self.suggestion_list.hide()
        self.line.textEdited.connect(self._on_typed)
        app = QApplication.instance()
        assert isinstance(app, QApplication), "a medicine input needs a QApplication"
        app.focusChanged.connect(self._on_focus_changed)

    def _on_chip_clicked(self) -> None:
        chip = self.sender()
        assert isinstance(chip, QPushButton)
        self._pick(self.chips[chip])

    def _on_suggestion_clicked(self) -> None:
        row = self.sender()
        assert isinstance(row, SuggestionRow) and row.suggestion is not None, "only offered rows are shown"
        self._pick(self._stored(row.suggestion.name))
        self.line.setFocus()

    def _local(self, name: str) -> str:
        """A generic in the visit's spelling; brands and other names as the catalog has them."""
        medicine = self._catalog.lookup(name)
        if medicine is None or name != medicine.generic:
            return name
        return self._catalog.name_in(name, self._words.language)

    def _stored(self, name: str) -> str:
        """What picking `name` keeps: the visit's spelling when the catalog reads it as the same medicine."""
        local = self._local(name)
        return local if self._catalog.lookup(local) == self._catalog.lookup(name) else name

    def _pick(self, name: str) -> None:
        self.line.setText(name)
        self.suggestion_list.hide()
        self._answered()

    def _on_typed(self, text: str) -> None:
        found = suggestions(self._catalog, self._kind, text, SUGGESTION_ROWS)
        while len(self.suggestion_rows) < len(found):
            self._add_row()
        for index, row in enumerate(self.suggestion_rows):
            row.setVisible(index < len(found))
            if index < len(found):
                row.offer(found[index])
        self.suggestion_list.setVisible(bool(found))
        if found:
            QTimer.singleShot(0, self, self._reveal_suggestions)

    def _reveal_suggestions(self) -> None:
        """Scroll the rows under the box into view once the page has made room for them."""
        page = nearest_scroll_area(self)
        if isinstance(page, ScrollColumn) and self.suggestion_list.isVisible():
            page.reveal(self.suggestion_list)

    def _add_row(self) -> None:
        """Rows are made when first needed and reused, so every row made has words on it."""
        row = SuggestionRow(self._words, self._local)
        row.setAccessibleDescription(self.line.accessibleName())
        row.clicked.connect(self._on_suggestion_clicked)
        self._rows.addWidget(row)
        self.suggestion_rows.append(row)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Suggestions belong to the box being typed in; they close when the patient moves on."""
        if self.suggestion_list.isVisible() and (new is None or not self.isAncestorOf(new)):
            self.suggestion_list.hide()

    def clear(self) -> None:
        super().clear()
        self.suggestion_list.hide()

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        for button in (*self.chips, *self.suggestion_rows):
            button.setAccessibleDescription(name)


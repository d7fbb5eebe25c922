"""One visit as a FHIR Bundle, from the visit screen, for admins: R5 or R4, into the export folder.

The version choice and its button, kept together among the visit's folded actions
("More actions"); offered to admins only, so it takes no room from anyone else.

The file is named by the visit id and the version only, written for this user alone,
and the export is audited; what happened is handed to the visit screen to say.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from intake.app.errors import VisitNotFound
from intake.app.staff_desk import StaffDesk
from intake.interop.fhir_version import FhirVersion
from intake.ui.staff.export_screen import cannot_export
from intake.ui.staff.words import _
from intake.ui.widgets.styling import touch_button

VERSIONS = (FhirVersion.R5, FhirVersion.R4)
"""R5 first: the default of `intake export --fhir`."""


class FhirExport(QWidget):
    done = Signal(str)
    """What happened, in words for the visit screen's notice."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("fhir-export")
        self._session: StaffDesk | None = None
        self._visit_id: str | None = None
        self.version = QComboBox()
        self.version.setAccessibleName(_("FHIR version"))
        for version in VERSIONS:
            self.version.addItem(f"FHIR {version}", version)
        self.export_button = touch_button(_("Export FHIR"), "quiet", _("Export this visit as a FHIR Bundle"))
        self.export_button.clicked.connect(self.export)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.version)
        row.addWidget(self.export_button)
        self.hide()

    def show_for(self, session: StaffDesk, visit_id: str) -> None:
        """Offered to admins only, R5 chosen."""
        self._session = session
        self._visit_id = visit_id
        self.version.setCurrentIndex(0)
        self.setVisible(session.is_admin)

    def clear(self) -> None:
        self._session = None
        self._visit_id = None
        self.hide()

    def export(self) -> None:
        if self._session is None or self._visit_id is None:
            return
        version = FhirVersion(self.version.currentData())
        try:
            path = self._session.export_fhir_file(self._visit_id, version)
        except OSError as error:
            self.done.emit(cannot_export(self._session.exports_folder, error))
            return
        except VisitNotFound:
            self.done.emit(_("This visit is no longer stored: nothing was exported."))
            return
        # Translators: {version} is the FHIR version ("R5"), {path} the file written.
        self.done.emit(_("Exported FHIR {version} to {path}").format(version=version, path=path))

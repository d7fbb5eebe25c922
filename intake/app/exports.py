"""Where exports from the staff screens go, and what their files are called.

The export folder defaults to `exports` in the app's data folder rather than the user's
Documents: an export holds patient data, and Documents is often synced to a cloud
service (OneDrive, iCloud) without anyone deciding so for this folder. The data folder
stays on this computer and is this user's alone; missing folders on the way are made
0700 and every file is written 0600 (`write_private`). Names carry the visit id or the
days only, never a patient's name, so a listing of the folder discloses nobody.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake.app.queue_days import Days
from intake.atomic import write_private
from intake.interop.fhir_version import FhirVersion
from intake.paths import data_dir
from intake.settings import Settings


@dataclass(frozen=True)
class CsvExport:
    path: Path
    """Where the file is (written only when `visits` is more than 0)."""
    visits: int


def exports_dir(settings: Settings) -> Path:
    return settings.export_dir or data_dir() / "exports"


def fhir_file_name(visit_id: str, version: FhirVersion) -> str:
    """"visit-20261124-090000-aaaaaa-fhir-r5.json"."""
    return f"visit-{visit_id}-fhir-{version.lower()}.json"


def csv_file_name(days: Days) -> str:
    """"visits-2026-11-24.csv" for a day, "visits-2026-11-18-to-2026-11-24.csv" for several."""
    if days.single:
        return f"visits-{days.first.isoformat()}.csv"
    return f"visits-{days.first.isoformat()}-to-{days.last.isoformat()}.csv"


def write_fhir_json(path: Path, resource: dict[str, Any]) -> None:
    """A FHIR resource as indented UTF-8 JSON, written whole and private."""
    write_private(path, (json.dumps(resource, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

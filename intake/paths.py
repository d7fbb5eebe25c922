"""Where the app's shipped data lives, and where a clinic's own files go.

`forms/` and `resources/` sit beside the `intake` package in the repository (the app is
run from its clone with `./run`). Per-user locations follow platformdirs, so
`XDG_CONFIG_HOME` and `XDG_DATA_HOME` move them.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "headache-intake"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = PROJECT_ROOT / "forms"
POLICIES_DIR = FORMS_DIR / "policies"
POLICY_INDEX_FILE = POLICIES_DIR / "index.yaml"
RESOURCES_DIR = PROJECT_ROOT / "resources"
FORM_FILE = FORMS_DIR / "headache-intake.yaml"
CATALOG_FILE = FORMS_DIR / "medicines.yaml"


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)

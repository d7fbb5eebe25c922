"""Where the clinic's settings file is, and what the kiosk's first frame reads from it.

The welcome screen paints before the settings are checked: checking takes pydantic, whose
import alone takes longer than a bare Qt window takes to appear. So the first frame reads
the few values the welcome screen shows from the file as plain YAML, a missing value or
one of the wrong kind giving way to its default; the kiosk checks the whole file right after
(`intake.settings.load_settings`), and a file the check refuses stops it then, with the
same message as ever. Those few defaults are declared here, and `Settings` takes them from
here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from intake.paths import config_dir
from intake.yamlfile import DataFileError, read_yaml

SETTINGS_FILE_NAME = "settings.yaml"


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


@dataclass(frozen=True)
class WelcomeSettings:
    """The settings the welcome screen shows, with their defaults."""

    clinic_name: str = "Headache clinic"
    language: str = "en"
    large_text: bool = False
    high_contrast: bool = False


WELCOME_DEFAULTS = WelcomeSettings()


def read_welcome_settings(path: Path | None = None) -> WelcomeSettings:
    """What the file says of the welcome screen's settings, unchecked: anything unreadable or of
    the wrong kind reads as its default (the full check comes next and names it)."""
    try:
        data = read_yaml(path or settings_path())
    except DataFileError:
        return WELCOME_DEFAULTS
    if not isinstance(data, dict):
        return WELCOME_DEFAULTS
    given = {
        field.name: data[field.name]
        for field in fields(WelcomeSettings)
        if type(data.get(field.name)) is type(getattr(WELCOME_DEFAULTS, field.name))
    }
    return replace(WELCOME_DEFAULTS, **given)

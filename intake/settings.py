"""Clinic settings: `settings.yaml` in the user config dir, every key optional.

Validated by pydantic so that a typo ("polcy:") or a wrong value is reported with the
file and key instead of being ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from intake.atomic import write_private
from intake.paths import config_dir
from intake.yamlfile import load_model, read_yaml

SETTINGS_FILE_NAME = "settings.yaml"

KeyboardMode = Literal["auto", "always", "never"]
"""When the kiosk shows its on-screen keyboard (auto: a touch screen, or full screen)."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    clinic_name: str = Field(default="Headache clinic", min_length=1)
    clinic_address: str = ""
    clinic_phone: str = Field(default="", max_length=40, description="Printed on the patient information sheet.")
    policy: str | None = Field(default=None, description="A policy name or file; none: the shipped default policy.")
    paper: str = Field(default="a4", pattern=r"^(a4|letter)$")
    midas: bool = False
    language: str = "en"
    large_text: bool = False
    high_contrast: bool = False
    idle_timeout_s: int = Field(default=120, ge=10)
    idle_countdown_s: int = Field(default=30, ge=5)
    resume_window_s: int = Field(default=900, ge=60, description="How long a paused visit can be resumed with the birth date.")
    on_screen_keyboard: KeyboardMode = Field(
        default="auto", description="auto: shown when Qt reports a touch screen or the kiosk runs full screen."
    )
    staff_idle_timeout_s: int = Field(default=300, ge=30)
    auto_print: bool = False
    alert_sound: bool = False
    printer: str | None = None
    output_dir: Path | None = None
    database_url: str | None = None

    @property
    def enabled_sections(self) -> frozenset[str]:
        """Optional form sections this clinic switched on."""
        return frozenset({"midas"} if self.midas else set())


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The clinic's settings, or the defaults when there is no settings file yet."""
    path = path or settings_path()
    if not path.exists() or read_yaml(path) is None:
        return Settings()
    return load_model(path, Settings)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write only what differs from the defaults, so a later release's better default still applies."""
    values = settings.model_dump(mode="json", exclude_defaults=True)
    text = yaml.safe_dump(values, allow_unicode=True, sort_keys=False) if values else "{}\n"
    return write_private(path or settings_path(), text.encode("utf-8"))

"""Clinic settings: `settings.yaml` in the user config dir, every key optional.

Validated by pydantic so that a typo ("polcy:") or a wrong value is reported with the
file and key instead of being ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import Field, ValidationInfo, field_validator

from intake.atomic import write_private
from intake.frozen import Frozen
from intake.plain_text import key_text
from intake.settings_file import WELCOME_DEFAULTS, settings_path
from intake.translations import N_
from intake.yamlfile import load_model, read_yaml

KeyboardMode = Literal["auto", "always", "never"]
"""When the kiosk shows its on-screen keyboard (auto: a touch screen, or full screen)."""

Paper = Literal["a4", "letter"]


class Settings(Frozen):
    """Every clinic setting, declared once: the file's check and the staff screen both read it.

    Each field carries what the settings screen needs, in pydantic's own `Field` terms so
    that `Settings.model_json_schema()` documents the file with the same words:

    - `title`: the label the screen shows and its refusals name. A field without a title
      is file-only: the screen leaves it as the file has it.
    - `description`: help shown under the field.
    - `ge` / `le`: the range a number must be in, in the file and on the screen.
    - a `Literal` type: the fixed choices.
    - `json_schema_extra`: `choices` names a list only known at run time (the screen
      supplies it: the shipped policies by title, the printers); `empty` words what None
      means, as a blank field's hint or as the first choice of a list; `labels` words
      each of a `Literal`'s values (the file keeps the value).

    Plain `Field` keywords rather than a metadata class of our own: they read as the
    file's documentation too, and this base module stays free of anything screen-shaped.
    Every word the screen shows (title, description, `empty`, `labels`) is marked `N_`
    for the `staff` template; the screen translates it where it shows it. A file-only
    field's description is documentation, not marked.
    """

    clinic_name: str = Field(default=WELCOME_DEFAULTS.clinic_name, min_length=1, title=N_("Clinic name"))
    clinic_address: str = Field(default="", title=N_("Clinic address"))
    clinic_phone: str = Field(default="", max_length=40, title=N_("Clinic phone (on the patient information sheet)"))
    policy: str | None = Field(
        default=None,
        title=N_("Referral policy"),
        description=N_("The criteria each new visit is assessed against."),
        json_schema_extra={"choices": "policies", "empty": N_("The shipped default policy")},
    )
    paper: Paper = Field(
        default="a4", title=N_("Paper size"), json_schema_extra={"labels": {"a4": N_("A4"), "letter": N_("US Letter")}}
    )
    midas: bool = Field(default=False, title=N_("Ask the MIDAS questions"))
    language: str = Field(
        default=WELCOME_DEFAULTS.language,
        title=N_("Kiosk language"),
        description=N_("Each new visit starts in it; the patient may switch to another language of the form."),
        json_schema_extra={"choices": "form_languages"},
    )
    large_text: bool = Field(default=WELCOME_DEFAULTS.large_text, title=N_("Larger text by default"))
    high_contrast: bool = Field(default=WELCOME_DEFAULTS.high_contrast, title=N_("High contrast by default"))
    idle_timeout_s: int = Field(default=120, ge=10, le=3600, title=N_("Patient idle time (seconds)"))
    idle_countdown_s: int = Field(default=30, ge=5, le=600, title=N_("“Are you still there?” countdown (seconds)"))
    resume_window_s: int = Field(
        default=900,
        ge=60,
        le=86400,
        title=N_("A paused visit can be resumed for (seconds)"),
        description=N_("The patient resumes it with their birth date."),
    )
    on_screen_keyboard: KeyboardMode = Field(
        default="auto",
        title=N_("On-screen keyboard"),
        description=N_("Automatic: shown on a touch screen, or when the kiosk runs full screen."),
        json_schema_extra={"labels": {"auto": N_("Automatic"), "always": N_("Always"), "never": N_("Never")}},
    )
    staff_idle_timeout_s: int = Field(default=300, ge=30, le=7200, title=N_("Staff sign-out after (seconds)"))
    auto_print: bool = Field(default=False, title=N_("Print the summary when a patient finishes"))
    alert_sound: bool = Field(default=False, title=N_("Sound with urgent alerts"))
    printer: str | None = Field(
        default=None, title=N_("Printer"), json_schema_extra={"choices": "printers", "empty": N_("System default printer")}
    )
    output_dir: Path | None = Field(
        default=None, title=N_("Folder for saved PDFs"), json_schema_extra={"empty": N_("Default: the app's own data folder")}
    )
    export_dir: Path | None = Field(
        default=None,
        title=N_("Folder for exports"),
        description=N_(
            "FHIR and CSV exports from the staff screens, and where importing a response file starts looking. "
            "They hold patient data: choose a folder that is not synced to a cloud service."
        ),
        json_schema_extra={"empty": N_("Default: the app's own data folder")},
    )
    database_url: str | None = Field(
        default=None,
        title=N_("Shared database URL"),
        description=N_("Takes effect at the next start."),
        json_schema_extra={"empty": N_("Empty: this computer")},
    )
    timezone: str | None = Field(
        default=None,
        title=N_("Time zone"),
        description=N_(
            "An IANA name such as Europe/Madrid. Answers sent from a patient portal carry the moment "
            "they were given; the visit's date, and the patient's age, are that moment's date here."
        ),
        json_schema_extra={"empty": N_("This computer's time zone")},
    )
    key_file: Path | None = Field(
        default=None,
        title=N_("Database passphrase file"),
        description=N_(
            "For a kiosk without an OS keyring: the file the visits database passphrase is read from at each "
            "start. It must be a file of the kiosk's own user that nobody else may read (mode 0600), or the kiosk "
            "refuses it. INTAKE_DB_KEY, when set, comes first; the OS keyring after it."
        ),
        json_schema_extra={"empty": N_("None: the OS keyring, or staff type it at each start")},
    )
    audit_key_file: Path | None = Field(
        default=None,
        description="Where the audit key is kept when there is no OS keyring (default: audit.key in the config "
        "folder); keep it off the disk that holds the database.",
    )
    backup_dir: Path | None = Field(
        default=None,
        description="The kiosk copies the encrypted database here when it starts and once a day while it runs "
        "(none made yet that day); an absolute path, best on another disk. None: no automatic backup.",
    )
    backup_keep: int = Field(
        default=7, ge=1, le=3650, description="How many automatic backups to keep in backup_dir: the newest."
    )

    @field_validator("backup_dir")
    @classmethod
    def _backup_dir_is_absolute_and_local(cls, folder: Path | None, info: ValidationInfo) -> Path | None:
        """A relative folder would depend on where the kiosk was started; a PostgreSQL
        database is the server's to back up."""
        if folder is None:
            return None
        if not folder.is_absolute():
            raise ValueError(f"expected an absolute folder path, got {key_text(str(folder))}")
        if info.data.get("database_url"):
            raise ValueError("automatic backups copy this computer's database; with database_url, back up the "
                             "PostgreSQL server with pg_dump instead")
        return folder


    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str | None) -> str | None:
        if name is not None:
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                raise ValueError(f"expected an IANA time zone name such as Europe/Madrid, got {name!r}") from None
        return name

    @property
    def zone(self) -> ZoneInfo | None:
        """The clinic's time zone; None: this computer's."""
        return ZoneInfo(self.timezone) if self.timezone else None


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

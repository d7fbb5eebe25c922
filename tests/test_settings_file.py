"""What the kiosk's first frame reads of settings.yaml before the file is checked."""

from __future__ import annotations

from dataclasses import asdict

from intake.settings import Settings
from intake.settings_file import WELCOME_DEFAULTS, WelcomeSettings, read_welcome_settings, settings_path


def test_without_a_file_the_welcome_screen_has_the_defaults_settings_has(tmp_path) -> None:
    assert read_welcome_settings(tmp_path / "settings.yaml") == WELCOME_DEFAULTS
    defaults = Settings()
    assert {name: getattr(defaults, name) for name in asdict(WELCOME_DEFAULTS)} == asdict(WELCOME_DEFAULTS)


def test_the_welcome_screens_values_are_read_from_the_file(tmp_path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("clinic_name: Clínica Ñandú\nlanguage: es\nlarge_text: true\npolicy: nice-ta260\n", encoding="utf-8")
    assert read_welcome_settings(path) == WelcomeSettings("Clínica Ñandú", "es", large_text=True)


def test_a_value_of_the_wrong_kind_or_an_unreadable_file_gives_the_default(tmp_path) -> None:
    """The full check after the first frame names such a file; the first frame only must not fail."""
    path = tmp_path / "settings.yaml"
    path.write_text("clinic_name: 5\nhigh_contrast: 'yes'\nlanguage: es\n", encoding="utf-8")
    assert read_welcome_settings(path) == WelcomeSettings(language="es")
    path.write_text("clinic_name: [unclosed\n", encoding="utf-8")
    assert read_welcome_settings(path) == WELCOME_DEFAULTS
    path.write_text("- a list\n", encoding="utf-8")
    assert read_welcome_settings(path) == WELCOME_DEFAULTS


def test_the_settings_file_is_in_the_config_dir() -> None:
    assert settings_path().name == "settings.yaml" and settings_path().parent.name == "headache-intake"

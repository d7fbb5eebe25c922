"""Clinic settings: defaults, an empty file, and typos reported by key."""

from __future__ import annotations

import re

import pytest

from intake.settings import Settings, load_settings, save_settings, settings_path
from intake.yamlfile import DataFileError


def test_defaults_without_a_file() -> None:
    assert load_settings() == Settings()
    assert settings_path().parent.name == "headache-intake"


def test_empty_file_means_defaults() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("", encoding="utf-8")
    assert load_settings().policy is None


def test_values_and_midas_switch() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("clinic_name: Harbour Clinic\nmidas: true\npaper: letter\n", encoding="utf-8")
    settings = load_settings()
    assert (settings.clinic_name, settings.paper, settings.midas) == ("Harbour Clinic", "letter", True)


def test_bad_value_names_file_and_key() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("paper: a5\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"settings.yaml: paper: Input should be 'a4' or 'letter'"):
        load_settings()


@pytest.mark.parametrize(
    ("key", "lowest", "highest"),
    [
        ("idle_timeout_s", 10, 3600),
        ("idle_countdown_s", 5, 600),
        ("resume_window_s", 60, 86400),
        ("staff_idle_timeout_s", 30, 7200),
    ],
)
def test_times_are_bounded_both_ways(key, lowest, highest) -> None:
    """The settings screen's spin boxes take these bounds from the model, so the file and the screen agree."""
    assert getattr(Settings(**{key: lowest}), key) == lowest
    assert getattr(Settings(**{key: highest}), key) == highest
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(f"{key}: {highest + 1}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"settings.yaml: {key}: Input should be less than or equal to {highest}"):
        load_settings()
    path.write_text(f"{key}: {lowest - 1}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"settings.yaml: {key}: Input should be greater than or equal to {lowest}"):
        load_settings()


def test_saved_settings_load_back_and_keep_only_changes(tmp_path) -> None:
    chosen = Settings(clinic_name="Klinik Zoë", idle_timeout_s=90, output_dir=tmp_path / "out")
    path = save_settings(chosen, tmp_path / "settings.yaml")
    assert load_settings(path) == chosen
    assert "policy" not in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o777 == 0o600


def test_clinic_phone_is_optional_and_short() -> None:
    assert Settings().clinic_phone == ""
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(f"clinic_phone: '{'1' * 41}'\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"settings.yaml: clinic_phone: String should have at most 40 characters"):
        load_settings()


def test_the_time_zone_is_this_computers_unless_named() -> None:
    assert Settings().timezone is None and Settings().zone is None
    assert str(Settings(timezone="America/New_York").zone) == "America/New_York"


@pytest.mark.parametrize("name", ["Mars/Base", "America", "", "../../etc/passwd", "EST+5"])
def test_a_time_zone_that_is_not_an_iana_name_is_named_by_key(name) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(f'timezone: "{name}"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"settings.yaml: timezone: expected an IANA time zone name such as Europe/Madrid, "
                                           rf"got '{re.escape(name)}'"):
        load_settings()


def test_no_automatic_backup_unless_a_folder_is_set() -> None:
    assert (Settings().backup_dir, Settings().backup_keep) == (None, 7)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("backup_dir: backups\n", 'backup_dir: expected an absolute folder path, got backups'),
        ("backup_keep: 0\n", "backup_keep: Input should be greater than or equal to 1"),
        (
            "database_url: postgresql+psycopg://clinic@server/intake\nbackup_dir: /srv/backups\n",
            "backup_dir: automatic backups copy this computer's database; with database_url, back up the PostgreSQL "
            "server with pg_dump instead",
        ),
    ],
)
def test_backup_settings_are_checked_naming_the_key(text, problem) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as refused:
        load_settings()
    assert refused.value.lines == [f"{path}: {problem}"]

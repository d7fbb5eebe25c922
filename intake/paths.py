"""Where the app's shipped data lives, and where a clinic's own files go.

`forms/` and `resources/` sit beside the `intake` package in the repository, where a clinic
or a translator finds them; the wheel carries them inside the package (`intake/forms`,
`intake/resources`: pyproject.toml maps them), so an installed app reads its own copy from
any working directory. Per-user locations follow platformdirs, so `XDG_CONFIG_HOME` and
`XDG_DATA_HOME` move them. Folders made for health data are this user's only (0700),
whatever the umask.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

APP_NAME = "headache-intake"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
"""The clone's root, for the developer tools (extracting translation templates) and the
tests; in an installed app it is merely the folder that holds the package."""


def _shipped(folder: str) -> Path:
    """A shipped data folder: inside the installed package (a wheel, a bundle), else beside
    the package in a clone. A real folder either way: reportlab and Qt open files by path."""
    installed = files("intake") / folder
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    return PROJECT_ROOT / folder


FORMS_DIR = _shipped("forms")
POLICIES_DIR = FORMS_DIR / "policies"
POLICY_INDEX_FILE = POLICIES_DIR / "index.yaml"
RESOURCES_DIR = _shipped("resources")
FORM_FILE = FORMS_DIR / "headache-intake.yaml"
CATALOG_FILE = FORMS_DIR / "medicines.yaml"


def config_dir() -> Path:
    from platformdirs import user_config_path  # only commands that read or write the clinic's files pay for it

    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def private_dir(path: Path) -> Path:
    """`path`, with each missing folder on the way created for this user only (0700).

    Folders that already exist are left as they are: one may be the clinic's shared
    output folder, and the files written into it are private themselves.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path


def private_data_dir() -> Path:
    """The data dir, created or tightened to 0700: it holds the database and summaries.

    An install from before this rule left it 0755; it is ours alone, so it is tightened.
    """
    folder = private_dir(data_dir())
    folder.chmod(0o700)
    return folder

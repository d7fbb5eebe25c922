"""Headache-clinic intake: questionnaire, referral criteria and clinician summary."""

from functools import cache
from typing import TYPE_CHECKING


@cache
def _installed_version() -> str:
    """The installed distribution's version: read when first asked for, so commands that never
    print it (`intake assess`, run by scripts many times over) do not look it up."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("headache-intake")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


if TYPE_CHECKING:
    __version__: str
else:

    def __getattr__(name: str) -> str:
        """`intake.__version__`, looked up when first read."""
        if name == "__version__":
            return _installed_version()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Headache-clinic intake: questionnaire, referral criteria and clinician summary."""

from functools import cache


@cache
def _installed_version() -> str:
    """The installed distribution's version; importing `importlib.metadata` costs a command like
    `intake assess` a noticeable part of its run, so it is done only when the version is read."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("headache-intake")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


def __getattr__(name: str) -> str:
    """`intake.__version__`, looked up when first read."""
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Headache-clinic intake: questionnaire, referral criteria and clinician summary."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, from the installed package's metadata the first time it is asked for:
    importing `importlib.metadata` would add tens of milliseconds to every start, the kiosk's
    first frame included."""
    if name != "__version__":
        raise AttributeError(f"module 'intake' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("headache-intake")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found

"""Headache-clinic intake: questionnaire, referral criteria and clinician summary."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("headache-intake")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

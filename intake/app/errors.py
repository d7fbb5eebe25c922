"""The refusals use cases raise, for screens and commands to catch and word.

Light on purpose (no database libraries): `intake assess` imports it without paying for
SQLAlchemy.
"""

from intake.store.errors import (
    AlreadyImported,
    LastActiveAdmin,
    NoKey,
    SignInRefused,
    StaffExists,
    StaffNotFound,
    StoreError,
    VisitNotFound,
)
from intake.store.keys import AUDIT_KEY_ENV, KEY_ENV

__all__ = [
    "AUDIT_KEY_ENV",
    "KEY_ENV",
    "AlreadyImported",
    "LastActiveAdmin",
    "NoKey",
    "SignInRefused",
    "StaffExists",
    "StaffNotFound",
    "StoreError",
    "VisitNotFound",
]

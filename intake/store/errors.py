"""What can go wrong with the visits database, in words staff can act on."""

from __future__ import annotations


class StoreError(Exception):
    """A database problem with a message for staff; the data is never touched to recover."""


class NoKey(StoreError):
    pass


class WrongKeyOrDamaged(StoreError):
    pass


class DatabaseLocked(StoreError):
    pass


class VisitNotFound(StoreError):
    pass


class StaffNotFound(StoreError):
    pass


class StaffExists(StoreError):
    pass


class AlreadyImported(StoreError):
    """This response is stored already; `visit_id` is its visit (None when another import
    of it committed first and the caller has yet to look it up)."""

    def __init__(self, visit_id: str | None) -> None:
        super().__init__(f"already imported as {visit_id}" if visit_id else "already imported")
        self.visit_id = visit_id


class LastActiveAdmin(StoreError):
    """The change would leave no active administrator: nobody could then manage staff or
    settings, and nothing may bring back the first-start set-up instead."""


class SignInRefused(StoreError):
    """Wrong staff id or PIN, an unknown, disabled or locked account: one message for all, so
    the answer never tells a passer-by which staff IDs exist."""

"""A terminal user's desk: one command's station, opened the way the kiosk opens its own.

A command runs one use case and ends, so its database is closed when the command's block
ends; the user has no staff account on the station and acts as `actor` (`cli:<login>`),
the name their audit rows carry.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from intake.app.opening import AskPassphrase, load_form_and_rules, open_stores
from intake.app.staff_desk import StaffDesk
from intake.app.station import Station
from intake.settings import Settings


@contextmanager
def terminal_desk(settings: Settings, ask: AskPassphrase, actor: str) -> Iterator[StaffDesk]:
    """The clinic's station with `actor` at its staff desk; `StoreError` says why the database would not open."""
    form, rules = load_form_and_rules(settings)
    stores = open_stores(settings, ask)
    with stores.database:
        yield StaffDesk(Station(stores, form, settings, rules), None, actor=actor)

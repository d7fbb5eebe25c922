"""Sign-in timings on encrypted SQLite: a refusal takes as long whatever the staff ID.

Each sign-in goes through the kiosk's desk (count, argon2 verify, audit row), with a wrong
PIN for an unknown ID, a disabled ID, a real ID and a locked one; the kinds take turns so
that a busy machine slows them alike. The medians should match to within a few
milliseconds: an argon2 verify (~100 ms) dominates each, and an unknown, disabled or
locked ID runs one against a dummy hash. Before, an unknown ID answered in 0.3 ms.
Run: .venv/bin/python benchmarks/sign_in_timing.py [ROUNDS]
"""

from __future__ import annotations

import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import update

from intake.app.desk import Desk
from intake.app.errors import SignInRefused
from intake.app.station import Station
from intake.eligibility.policy import load_rules
from intake.questionnaire.loader import default_form
from intake.settings import Settings
from intake.store.audit import AuditKey
from intake.store.database import open_database
from intake.store.schema import staff
from intake.store.staff import MAX_FAILURES, Role
from intake.store.stores import Stores

WRONG_PIN = "000000"
KINDS = {"unknown ID": "nobody", "disabled ID": "bob", "real ID, wrong PIN": "maria", "locked ID": "ann"}


def _timed_refusal(desk: Desk, staff_id: str) -> float:
    began = time.perf_counter()
    try:
        desk.sign_in(staff_id, WRONG_PIN)
    except SignInRefused:
        return (time.perf_counter() - began) * 1000
    raise AssertionError(f"{staff_id}: a wrong PIN signed in")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    database = open_database(None, "benchmark passphrase", Path(tempfile.mkdtemp()) / "visits.db")
    stores = Stores.on(database, AuditKey(secrets.token_bytes(32)))
    stores.staff.add("maria", "María Ó", Role.ADMIN, "482193")
    stores.staff.add("ann", "Ann Admin", Role.ADMIN, "591733")
    stores.staff.add("bob", "Bob Front-Desk", Role.STAFF, "7310")
    stores.staff.disable("bob")
    settings = Settings()
    desk = Desk(Station(stores, default_form(), settings, load_rules(settings.policy)))
    for _ in range(MAX_FAILURES):
        _timed_refusal(desk, "ann")
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for _ in range(rounds):
        with database.engine.begin() as connection:
            connection.execute(update(staff).where(staff.c.id == "maria").values(failures=0))
        for kind, staff_id in KINDS.items():
            times[kind].append(_timed_refusal(desk, staff_id))
    for kind, measured in times.items():
        print(f"sign-in refused, {kind:<20} median {statistics.median(measured):6.1f} ms  (n={len(measured)})")
    database.close()


if __name__ == "__main__":
    main()

"""One of several processes racing wrong PINs at one account (run by test_staff.py).

Usage: sign_in_race.py DATABASE STAFF_ID ATTEMPTS, where DATABASE is a PostgreSQL URL or
the path of an SQLite file whose key is in INTAKE_DB_KEY. It opens the database, prints
`ready`, waits for a line on stdin so that every racer starts at once, then prints how
many argon2 verifies ran against the account's real hash and against the dummy one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from intake.store import staff as staff_module
from intake.store.database import open_database
from intake.store.errors import SignInRefused
from intake.store.staff import StaffStore

WRONG_PIN = "000000"


def main() -> None:
    where, staff_id, attempts = sys.argv[1], sys.argv[2], int(sys.argv[3])
    verifies: Counter[str] = Counter()
    verify = PasswordHasher.verify

    def counting(self: PasswordHasher, pin_hash: str | bytes, pin: str | bytes) -> bool:
        verifies["dummy" if pin_hash == staff_module.pin_hashing.dummy_hash else "real"] += 1
        return verify(self, pin_hash, pin)

    PasswordHasher.verify = counting  # type: ignore[method-assign]
    staff_module.pin_hashing = staff_module.PinHashing.made_with(CHEAPEST)  # what is counted here is verifies, not their cost
    on_server = "://" in where
    database = open_database(where, None) if on_server else open_database(None, os.environ["INTAKE_DB_KEY"], Path(where))
    accounts = StaffStore(database)
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(attempts):
        with contextlib.suppress(SignInRefused):
            accounts.sign_in(staff_id, WRONG_PIN)
    database.close()
    print(json.dumps(verifies), flush=True)


if __name__ == "__main__":
    main()

"""Appends audit rows to one database as fast as it can: one of the racing processes in
test_audit_appends.py. Half go through the log's own transaction, half through
`Stores.transaction()`, the two ways the app appends.

    python audit_appender.py (SQLITE_FILE | POSTGRES_URL) COUNT NAME
"""

from __future__ import annotations

import sys
from pathlib import Path

from audit_keys import AUDIT_KEY
from intake.store.audit import Action
from intake.store.database import open_database
from intake.store.stores import Stores

PASSPHRASE = "correct horse battery staple"


def main(where: str, count: int, name: str) -> None:
    url = where if "://" in where else None
    database = open_database(url, None if url else PASSPHRASE, None if url else Path(where))
    stores = Stores.on(database, AUDIT_KEY)
    print("ready", flush=True)
    sys.stdin.readline()
    for number in range(count):
        if number % 2:
            with stores.transaction() as transaction:
                transaction.audit.record(Action.VIEWED, name, subject=str(number))
        else:
            stores.audit.record(Action.PRINTED, name, subject=str(number))
    database.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])

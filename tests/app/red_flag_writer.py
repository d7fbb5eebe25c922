"""The kiosk of another station: starts a visit, then on "go" answers a red flag and autosaves it.
The other process in test_change_watch.py.

    python red_flag_writer.py (SQLITE_FILE | POSTGRES_URL) VISIT_ID

Prints "ready" once the visit is started, "saved" once the red flag is stored.
"""

from __future__ import annotations

import sys
from pathlib import Path

from audit_keys import AUDIT_KEY
from intake.app.desk import Desk
from intake.app.station import Station
from intake.app.visit import Visit
from intake.eligibility.policy import load_rules
from intake.questionnaire.loader import default_form
from intake.settings import Settings
from intake.store.database import open_database
from intake.store.stores import Stores

PASSPHRASE = "correct horse battery staple"


def main(where: str, visit_id: str) -> None:
    url = where if "://" in where else None
    database = open_database(url, None if url else PASSPHRASE, None if url else Path(where))
    station = Station(Stores.on(database, AUDIT_KEY), default_form(), Settings(), load_rules("us-payer"), station_id="other")
    desk = Desk(station)
    visit = Visit(station.form, station.rules, frozenset(), visit_id=visit_id)
    visit.set_answer("given_name", "Zoë")
    assert desk.start(visit)
    print("ready", flush=True)
    sys.stdin.readline()
    visit.set_answer("rf_thunderclap", "yes")
    assert visit.needs_staff_alert()
    assert desk.autosave(visit)
    print("saved", flush=True)
    database.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

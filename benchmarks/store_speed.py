"""Store timings on encrypted SQLite: autosave latency, queue listing, import throughput.

Targets (issue 5): autosave < 10 ms; newest 50 among 100,000 visits < 50 ms.
Run: .venv/bin/python benchmarks/store_speed.py [VISITS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from intake.app.finishing import assess_and_render
from intake.questionnaire.loader import default_form
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.database import open_database
from intake.store.schema import visits
from intake.store.visits import VisitStore
from tests_data import v01_response


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp())
    database = open_database(None, "benchmark passphrase", folder / "visits.db")
    store = VisitStore(database)
    response = v01_response()

    start = datetime.now(UTC)
    rows = [
        {"id": f"bench-{n:07d}", "started": start - timedelta(minutes=n), "updated": start, "status": "finished",
         "priority": 2 - (n % 50 == 0) * 2, "outcome": "REFER", "response": "{}", "reviewed": False}
        for n in range(total)
    ]
    with database.engine.begin() as connection:
        connection.execute(insert(visits), rows)

    store.create("bench-live", response)
    latencies = []
    for _ in range(200):
        began = time.perf_counter()
        store.save_answers("bench-live", response, False)
        latencies.append((time.perf_counter() - began) * 1000)
    print(f"autosave: median {statistics.median(latencies):.2f} ms, p95 {sorted(latencies)[189]:.2f} ms (target < 10 ms)")

    listings = []
    for _ in range(20):
        began = time.perf_counter()
        newest = store.list(limit=50)
        listings.append((time.perf_counter() - began) * 1000)
    assert len(newest) == 50
    print(f"list newest 50 of {total:,}: median {statistics.median(listings):.2f} ms (target < 50 ms)")

    form = default_form()
    parsed = parse_response(response, form)
    settings = Settings()
    count = 20
    began = time.perf_counter()
    for n in range(count):
        finished = assess_and_render(f"import-{n}", parsed, form, settings)
        store.finish(finished.visit_id, finished.response.to_json_dict(), finished.assessment.to_json_dict(), finished.pdf)
    elapsed = time.perf_counter() - began
    print(f"import (assess + PDF + store): {count / elapsed:.1f} visits/s")
    database.close()


if __name__ == "__main__":
    main()

"""The visit a patient just handed back: what staff open first when they sign in.

Most sign-ins at a front desk follow a patient handing the tablet back, and what staff
want then is that patient's summary on paper. So the visit this station finished last
opens straight away, instead of the queue, while it is fresh: finished within
`FRESH_FOR`, and nobody but the kiosk has done anything with it since (opened, printed,
reviewed, on any station). Once someone has, or a while later, the queue is where to
start, since the patient has probably left with their paper.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError

from intake.app.desk import KIOSK_ID
from intake.app.staff_desk import StaffDesk
from intake.store.audit import Action
from intake.store.errors import StoreError
from intake.visit_status import FINISHED

log = logging.getLogger(__name__)

FRESH_FOR = timedelta(minutes=15)


def handed_back(session: StaffDesk, visit_id: str | None, now: datetime | None = None) -> str | None:
    """`visit_id` when it is the fresh visit to open for this person; None: open the queue.

    Reading only, not audited: opening the visit is, as always.
    """
    if visit_id is None:
        return None
    now = now or datetime.now(UTC)
    stores = session.station.required_stores()
    try:
        summary = stores.visits.get(visit_id).summary
        touched = stores.audit.others_since(visit_id, Action.FINISHED, KIOSK_ID)
    except (StoreError, SQLAlchemyError) as error:
        log.info("visit %s not opened after sign-in (%s)", visit_id, type(error).__name__)
        return None
    fresh = summary.finished is not None and now - summary.finished <= FRESH_FOR
    return visit_id if summary.status == FINISHED and fresh and touched is False else None

"""The patient's date of birth on each visit, so the staff queue finds a visit by it.

It is copied out of the stored response (where it stays), filled here for the visits
already stored: the queue reads names and dates of birth without opening every response.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

_visits = sa.table("visits", sa.column("id", sa.String), sa.column("response", sa.Text), sa.column("date_of_birth", sa.Date))


def _birth_date(response: str) -> date | None:
    """The answer as the store keeps it (an ISO date); anything else stays empty."""
    value = json.loads(response).get("answers", {}).get("date_of_birth")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def upgrade() -> None:
    op.add_column("visits", sa.Column("date_of_birth", sa.Date))
    connection = op.get_bind()
    stored = connection.execute(
        sa.select(_visits.c.id, _visits.c.response).where(_visits.c.response.contains("date_of_birth"))
    ).all()
    for visit_id, response in stored:
        born = _birth_date(response)
        if born is not None:
            connection.execute(sa.update(_visits).where(_visits.c.id == visit_id).values(date_of_birth=born))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("date_of_birth")

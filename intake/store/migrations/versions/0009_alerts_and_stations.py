"""Alerts per person, help handled, and the station that started each visit.

`alert_seen` holds who tapped "Seen" on which visit's alert, as the visit then was;
`help_handled` says a staff member took care of a patient's request for help; `station`
is the installation that started a visit, so a station starting up marks only its own
visits interrupted. Visits already stored have no station (any station's to recover).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.add_column("visits", sa.Column("station", sa.String(40)))
    op.add_column("visits", sa.Column("help_handled", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "alert_seen",
        sa.Column("staff_id", sa.String(80), primary_key=True),
        sa.Column("visit_id", sa.String(40), sa.ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("stamp", sa.String(40), primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("alert_seen")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("help_handled")
        batch.drop_column("station")

"""Visits and the hash-chained audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "visits",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished", sa.DateTime(timezone=True)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("priority", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(20)),
        sa.Column("policy", sa.String(60)),
        sa.Column("rules_version", sa.String(40)),
        sa.Column("rules_hash", sa.String(80)),
        sa.Column("given_name", sa.Text),
        sa.Column("family_name", sa.Text),
        sa.Column("response", sa.Text, nullable=False),
        sa.Column("assessment", sa.Text),
        sa.Column("pdf", sa.LargeBinary),
        sa.Column("reviewed", sa.Boolean, nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True)),
        sa.Column("reviewed_by", sa.String(80)),
    )
    op.create_index("visits_queue", "visits", ["priority", "started"])
    op.create_index("visits_started", "visits", ["started"])
    op.create_table(
        "audit",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("staff_id", sa.String(80), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("visit_id", sa.String(40)),
        sa.Column("rules_version", sa.String(40)),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit")
    op.drop_index("visits_started", "visits")
    op.drop_index("visits_queue", "visits")
    op.drop_table("visits")

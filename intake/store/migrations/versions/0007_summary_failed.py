"""Whether making a finished visit's summary failed (staff see an alert until it is made).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.add_column("visits", sa.Column("summary_failed", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("summary_failed")

"""A flag kept once an administrator was created, and how many lockouts in a row an account had.

The flag decides whether the first-start set-up may appear, so disabling admins can never
bring it back. A database already in use gets the flag when it has any admin row, active
or not: a store whose admins were all disabled is not a new store.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.add_column("staff", sa.Column("lockouts", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "flags",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.execute(
        "INSERT INTO flags (name, set_at) "
        "SELECT 'admin_created', MIN(created) FROM staff WHERE role = 'admin' HAVING COUNT(*) > 0"
    )


def downgrade() -> None:
    op.drop_table("flags")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("lockouts")

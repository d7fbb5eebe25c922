"""Whether an account's PIN is a one-time PIN an admin set, to be changed at the next sign-in.

An admin who adds an account or resets a PIN from the staff screens knows that PIN; the
flag makes the person choose their own before anything else. Existing accounts keep
their PINs as they are.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.add_column("staff", sa.Column("must_change_pin", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("must_change_pin")

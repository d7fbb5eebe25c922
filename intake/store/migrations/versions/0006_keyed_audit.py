"""The audit log signed with the audit key: each row's scheme, and the visit content it saw.

Every row already written is marked `sha256` (a plain hash, as it was written); rows
from now on are `hmac-sha256` and carry the content hash of the visit they name. A
downgrade drops both columns: the keyed rows then no longer verify, as the old code
reads every row as plain.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.add_column("audit", sa.Column("content", sa.String(64)))
    op.add_column("audit", sa.Column("scheme", sa.String(12), nullable=False, server_default="sha256"))


def downgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("scheme")
        batch.drop_column("content")

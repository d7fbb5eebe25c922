"""Which response an imported visit was made from, so the same response is stored once.

Revision ID: 0004
Revises: 0003

`import_fingerprint` is a hash of the parsed response (see `StaffDesk.import_response`);
visits from the kiosk, visits imported before this revision and copies imported on
purpose (`intake import --again`) have none. Unique, so two imports of one response
racing on two stations cannot both keep it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.add_column("visits", sa.Column("import_fingerprint", sa.String(64)))
    op.create_index("visits_import_fingerprint", "visits", ["import_fingerprint"], unique=True)


def downgrade() -> None:
    op.drop_index("visits_import_fingerprint", table_name="visits")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("import_fingerprint")

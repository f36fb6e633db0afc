"""Who saved a member last: the card says "updated yesterday by claire" in a team.

On a server, a trigger writes the login that changed the row (session_user), whatever the
client sends; a file has one person, and the column stays empty there.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from app.store import postgres

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("member", sa.Column("updated_by", sa.Text))
    if op.get_bind().dialect.name == "postgresql":
        for ddl in postgres.AUTHOR_TRIGGER:
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in postgres.AUTHOR_TRIGGER_DROP:
            op.execute(ddl)
        op.drop_column("member", "updated_by")
    else:
        # In place (SQLite 3.35+): a batch "move and copy" would cascade to member_tag.
        op.execute("ALTER TABLE member DROP COLUMN updated_by")

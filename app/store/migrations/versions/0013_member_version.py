"""Each member's version: two animators editing the same member never lose an update;
on a team server, the audit log's author is the login that wrote it, and every write is
announced to the other animators' windows (LISTEN/NOTIFY).

A save says which version it started from; the server (or the file) has moved on when
someone else saved in between, and the second save gets a conflict to resolve, field by
field, instead of overwriting. The number is bumped by a trigger at every update, whatever
wrote it (the window, the command line, an import, a merge).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from app.store import postgres

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SQLITE_TRIGGER = (
    "CREATE TRIGGER member_version_au AFTER UPDATE ON member FOR EACH ROW "
    "WHEN NEW.version = OLD.version BEGIN "
    "UPDATE member SET version = OLD.version + 1 WHERE id = NEW.id; END"
)


def upgrade() -> None:
    op.add_column("member", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "postgresql":
        for ddl in (*postgres.VERSION_TRIGGER, *postgres.NOTIFY_TRIGGERS):
            op.execute(ddl)
    else:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in postgres.VERSION_TRIGGER_DROP:
            op.execute(ddl)
        op.drop_column("member", "version")
    else:
        op.execute("DROP TRIGGER IF EXISTS member_version_au")
        # In place (SQLite 3.35+), not a batch "move and copy": dropping the old member
        # table would cascade to member_tag and lose every link.
        op.execute("ALTER TABLE member DROP COLUMN version")

"""Team logins limited to some communities, by the server's row-level security.

``team_scope`` lists, for a login, the communities it is limited to (none: not limited).
On PostgreSQL the moderation queue (``moderation_item``, and ``moderation_decision`` with
its item) gets row-level security: a login sees, adds, decides and undoes only the items of
its communities, whether it comes through Amicale or psql. The table owner is exempt.

Also on PostgreSQL: every trigger function that writes other tables runs as its owner
(SECURITY DEFINER) with a fixed search_path, and the audit log's author is the login
(session_user), which a SECURITY DEFINER function cannot change. A data file only gets the
(empty) table, so that copies between the engines keep every table.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from app.store import postgres

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_scope",
        sa.Column("login", sa.Text, primary_key=True),
        sa.Column(
            "community_id",
            sa.Integer,
            sa.ForeignKey("community.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sqlite_with_rowid=False,
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for ddl in postgres.TEAM_COMMUNITIES:
        op.execute(ddl)
    # A directory whose team was set up already: its roles read the new table (only its
    # administrators change it), as `team init` grants on the others.
    from app.store.roles import prefix

    groups = bind.execute(
        sa.text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
        {"p": prefix(bind.engine.url) + "%"},
    ).scalars()
    for group in groups:
        quoted = '"' + group.replace('"', '""') + '"'
        op.execute(f"GRANT SELECT ON team_scope TO {quoted}")
        if group.endswith("_administrator"):
            op.execute(f"GRANT INSERT, UPDATE, DELETE ON team_scope TO {quoted}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in postgres.TEAM_COMMUNITIES_DROP:
            op.execute(ddl)
    op.drop_table("team_scope")

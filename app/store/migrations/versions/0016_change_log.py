"""Working offline: a replica of a team directory, and the change feed it pulls.

On a team server: ``change_log`` (every change to a synchronised table, in commit order,
filled by triggers: app/store/postgres.py CHANGE_LOG_TRIGGERS), ``applied_operation`` (the
replicas' operations already applied, so an outbox replayed twice changes nothing) and
``sync_server`` (the server's identity). In a SQLite file: ``replica`` (its server and the
last change seen; no row in an ordinary store), ``outbox`` (the operations made offline) and
``sync_conflict`` (what a sync could not merge). See app/sync.py.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

import uuid

import sqlalchemy as sa
from alembic import op

from app.store import postgres

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_table(
            "change_log",
            sa.Column("position", sa.BigInteger, sa.Identity(always=False), primary_key=True),
            sa.Column("table_name", sa.Text, nullable=False),
            sa.Column("row_key", sa.Text, nullable=False),
            sa.Column("op", sa.Text, nullable=False),
            sa.Column(
                "changed_at",
                sa.DateTime(timezone=True),
                nullable=False,
                server_default=sa.func.now(),
            ),
        )
        op.create_table(
            "applied_operation",
            sa.Column("id", sa.Text, primary_key=True),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column(
                "applied_by", sa.Text, nullable=False, server_default=sa.text("current_user")
            ),
            sa.Column(
                "applied_at",
                sa.DateTime(timezone=True),
                nullable=False,
                server_default=sa.func.now(),
            ),
            sa.Column("result", sa.Text, nullable=False, server_default="{}"),
        )
        op.create_table("sync_server", sa.Column("server_id", sa.Text, primary_key=True))
        op.execute(
            sa.text("INSERT INTO sync_server (server_id) VALUES (:id)").bindparams(
                id=uuid.uuid4().hex
            )
        )
        for ddl in postgres.CHANGE_LOG_TRIGGERS:
            op.execute(ddl)
        return
    op.create_table(
        "replica",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("server_url", sa.Text, nullable=False),
        sa.Column("server_id", sa.Text, nullable=False),
        sa.Column("last_position", sa.BigInteger, nullable=False),
        sa.Column("cloned_at", sa.Text, nullable=False),
        sa.Column("synced_at", sa.Text),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("operation_id", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("base", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("state", sa.Text, nullable=False, server_default="pending"),
        sa.Column("error", sa.Text),
        sa.CheckConstraint("state IN ('pending', 'refused')", name="ck_outbox_state"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("operation_id", sa.Text, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("field", sa.Text),
        sa.Column("base", sa.Text),
        sa.Column("mine", sa.Text),
        sa.Column("theirs", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("resolved_at", sa.Text),
        sa.UniqueConstraint("operation_id", "member_id", "field", name="uq_sync_conflict"),
        sa.CheckConstraint("kind IN ('field', 'erased')", name="ck_sync_conflict_kind"),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in postgres.CHANGE_LOG_DROP:
            op.execute(ddl)
        for table in ("sync_server", "applied_operation", "change_log"):
            op.drop_table(table)
        return
    for table in ("sync_conflict", "outbox", "replica"):
        op.drop_table(table)

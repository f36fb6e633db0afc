"""Moderation: the queue of join requests and posts, its decision log and its settings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "moderation_item",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("email", sa.Text),
        sa.Column("profile_url", sa.Text),
        sa.Column("school", sa.Text),
        sa.Column("promo", sa.Integer),
        sa.Column(
            "community_id", sa.Integer, sa.ForeignKey("community.id", ondelete="SET NULL")
        ),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("text_key", sa.Text, nullable=False, server_default=""),
        sa.Column("received_at", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="pending"),
        sa.Column("snooze_until", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("decided_at", sa.Text),
        sa.Column("decided_by", sa.Text),
        sa.Column("automatic", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("match", sa.Text, nullable=False, server_default="unknown"),
        sa.Column("match_confidence", sa.Float),
        sa.Column(
            "matched_member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="SET NULL")
        ),
        sa.Column("signals", sa.Text, nullable=False, server_default="[]"),
        sa.Column("score", sa.Integer, nullable=False, server_default="0"),
        sa.Column("suggestion", sa.Text, nullable=False, server_default="review"),
        sa.Column("source", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.CheckConstraint("kind IN ('join', 'post', 'comment')", name="ck_moderation_kind"),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'info', 'escalated', 'snoozed')",
            name="ck_moderation_status",
        ),
        sa.CheckConstraint(
            "match IN ('known', 'probable', 'unknown')", name="ck_moderation_match"
        ),
        sa.CheckConstraint(
            "suggestion IN ('approve', 'review', 'reject')", name="ck_moderation_suggestion"
        ),
    )
    op.create_index(
        "ix_moderation_item_status", "moderation_item", ["status", "received_at"]
    )
    op.execute("CREATE INDEX ix_moderation_item_email ON moderation_item (lower(email))")
    op.create_index("ix_moderation_item_text_key", "moderation_item", ["text_key"])

    op.create_table(
        "moderation_decision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer,
            sa.ForeignKey("moderation_item.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("previous_status", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("automatic", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("decided_at", sa.Text, nullable=False),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("effects", sa.Text),
        sa.Column("undone_at", sa.Text),
    )
    op.create_index("ix_moderation_decision_item", "moderation_decision", ["item_id"])
    op.create_index("ix_moderation_decision_at", "moderation_decision", ["decided_at"])

    op.create_table(
        "moderation_setting",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("moderation_setting")
    op.drop_table("moderation_decision")
    op.execute("DROP INDEX IF EXISTS ix_moderation_item_email")
    op.drop_table("moderation_item")

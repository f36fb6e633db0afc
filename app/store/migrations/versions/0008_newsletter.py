"""Newsletter: each send and its per-recipient log, so an interrupted send resumes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "newsletter_send",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("started_at", sa.Text, nullable=False),
        sa.Column("finished_at", sa.Text),
        sa.Column("state", sa.Text, nullable=False, server_default="sending"),
        sa.CheckConstraint(
            "state IN ('sending', 'interrupted', 'finished')", name="ck_newsletter_send_state"
        ),
    )
    op.create_table(
        "newsletter_recipient",
        sa.Column(
            "send_id",
            sa.Integer,
            sa.ForeignKey("newsletter_send.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("state", sa.Text, nullable=False, server_default="pending"),
        sa.Column("sent_at", sa.Text),
        sa.Column("error", sa.Text),
        sa.UniqueConstraint("send_id", "member_id", name="uq_newsletter_recipient_member"),
        sa.CheckConstraint(
            "state IN ('pending', 'sent', 'failed')", name="ck_newsletter_recipient_state"
        ),
    )
    op.create_index(
        "ix_newsletter_recipient_member", "newsletter_recipient", ["member_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_newsletter_recipient_member", table_name="newsletter_recipient")
    op.drop_table("newsletter_recipient")
    op.drop_table("newsletter_send")

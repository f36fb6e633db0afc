"""Birthdays: the wishes sent, one per member and year, so nobody is listed twice a year.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "birthday_wish",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("channel", sa.Text, nullable=False),
        sa.Column("wished_at", sa.Text, nullable=False),
        sa.UniqueConstraint("member_id", "year", name="uq_birthday_wish_member_year"),
    )


def downgrade() -> None:
    op.drop_table("birthday_wish")

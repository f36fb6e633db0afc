"""An index for the board's figures: the directory's state without reading every member.

The Dashboard counts members by status, verification, consent, last year paid and region.
Read from the member table, that is a scan of every row (about 2 s at a million members on
a busy laptop); from this narrow index holding those five columns, one pass in its order
with no sort (a fifth of that). It costs about 30 MB per million members.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_member_board",
        "member",
        ["status", "verification", "consent", "dues_last_year", "region"],
    )


def downgrade() -> None:
    op.drop_index("ix_member_board", table_name="member")

"""Tag rules (a condition → a tag) and each tag's member count, kept by triggers.

The tag browser shows every tag's total without a search; counting 3 million links at a
million members takes a third of a second, so the total is kept on the tag row by triggers
on ``member_tag`` (they fire for cascaded deletes too) and read as is.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

from app.store import postgres

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COUNT_TRIGGERS = (
    "CREATE TRIGGER member_tag_count_ai AFTER INSERT ON member_tag BEGIN "
    "UPDATE tag SET member_count = member_count + 1 WHERE id = new.tag_id; END",
    "CREATE TRIGGER member_tag_count_ad AFTER DELETE ON member_tag BEGIN "
    "UPDATE tag SET member_count = member_count - 1 WHERE id = old.tag_id; END",
    "CREATE TRIGGER member_tag_count_au AFTER UPDATE OF tag_id ON member_tag BEGIN "
    "UPDATE tag SET member_count = member_count - 1 WHERE id = old.tag_id; "
    "UPDATE tag SET member_count = member_count + 1 WHERE id = new.tag_id; END",
)


def upgrade() -> None:
    op.add_column("tag", sa.Column("member_count", sa.Integer, nullable=False, server_default="0"))
    op.execute(
        "UPDATE tag SET member_count = "
        "(SELECT count(*) FROM member_tag WHERE member_tag.tag_id = tag.id)"
    )
    server = op.get_bind().dialect.name == "postgresql"
    for ddl in postgres.TAG_COUNT_TRIGGERS if server else COUNT_TRIGGERS:
        op.execute(ddl)
    op.create_table(
        "tag_rule",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("cities", sa.Text),
        sa.Column("year_from", sa.Integer),
        sa.Column("year_to", sa.Integer),
        sa.Column("query", sa.Text),
        sa.Column(
            "tag_id", sa.Integer, sa.ForeignKey("tag.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.CheckConstraint("kind IN ('city', 'promo', 'query')", name="ck_tag_rule_kind"),
    )
    op.create_index("ix_tag_rule_tag", "tag_rule", ["tag_id"])


def downgrade() -> None:
    op.drop_index("ix_tag_rule_tag", "tag_rule")
    op.drop_table("tag_rule")
    if op.get_bind().dialect.name == "postgresql":
        for ddl in postgres.TAG_COUNT_DROP:
            op.execute(ddl)
    else:
        for name in ("member_tag_count_ai", "member_tag_count_ad", "member_tag_count_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # Not a batch "move and copy": dropping the old tag table would cascade to member_tag
    # and lose every link. SQLite drops a column in place since 3.35.
    op.execute("ALTER TABLE tag DROP COLUMN member_count")

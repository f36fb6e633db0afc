"""Initial schema: members, settings, tags, communities, audit log, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

from app.store import postgres, sqlite

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("first_name", sa.Text),
        sa.Column("last_name", sa.Text),
        sa.Column("sort_name", sa.Text, nullable=False, server_default=""),
        sa.Column("email", sa.Text),
        sa.Column("phone", sa.Text),
        sa.Column("city", sa.Text),
        sa.Column("region", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("company", sa.Text),
        sa.Column("job_title", sa.Text),
        sa.Column("school", sa.Text),
        sa.Column("promo", sa.Integer),
        sa.Column("birthday", sa.Text),
        sa.Column("linkedin_url", sa.Text),
        sa.Column("dues_last_year", sa.Integer),
        sa.Column("status", sa.Text, nullable=False, server_default="member"),
        sa.Column("verification", sa.Text, nullable=False, server_default="unverified"),
        sa.Column("verification_source", sa.Text),
        sa.Column("verified_at", sa.Text),
        sa.Column("consent", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("consent_at", sa.Text),
        sa.Column("notes", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("last_contacted_at", sa.Text),
        sa.CheckConstraint("status IN ('member', 'former', 'lost')", name="ck_member_status"),
        sa.CheckConstraint(
            "verification IN ('unverified', 'verified', 'rejected')",
            name="ck_member_verification",
        ),
    )
    op.create_index("ix_member_sort_name", "member", ["sort_name", "id"])
    op.create_index("ix_member_promo", "member", ["promo"])
    op.create_index("ix_member_created_at", "member", ["created_at"])
    op.execute("CREATE INDEX ix_member_birthday_md ON member (substr(birthday, 6, 5))")

    op.create_table(
        "setting",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "tag_category",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "category_id", sa.Integer, sa.ForeignKey("tag_category.id", ondelete="SET NULL")
        ),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("color", sa.Text),
        sa.UniqueConstraint("category_id", "name_key", name="uq_tag_category_name"),
    )
    op.create_index("ix_tag_name_key", "tag", ["name_key"])
    op.create_table(
        "member_tag",
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "tag_id", sa.Integer, sa.ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True
        ),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_member_tag_tag", "member_tag", ["tag_id", "member_id"])
    op.create_table(
        "community",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False, unique=True),
        sa.Column("network", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
    )
    op.create_table(
        "member_community",
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "community_id",
            sa.Integer,
            sa.ForeignKey("community.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.Text, nullable=False, server_default="member"),
        sa.CheckConstraint("role IN ('member', 'moderator', 'animator')", name="ck_mc_role"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_member_community_community", "member_community", ["community_id"])
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Integer),
        sa.Column("detail", sa.Text),
    )
    op.create_index("ix_audit_event_entity", "audit_event", ["entity", "entity_id"])

    if op.get_bind().dialect.name == "postgresql":
        # A team store: the words of the search in a table kept by a trigger (postgres.py).
        for ddl in (*postgres.EXTENSIONS, *postgres.FOLD_FUNCTIONS, *postgres.FTS_CREATE):
            op.execute(ddl)
    else:
        op.execute(sqlite.FTS_CREATE)
        for trigger in sqlite.FTS_TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in postgres.FTS_DROP:
            op.execute(ddl)
    else:
        for name in ("member_fts_au", "member_fts_ad", "member_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS member_fts")
    for table in (
        "audit_event",
        "member_community",
        "community",
        "member_tag",
        "tag",
        "tag_category",
        "setting",
        "member",
    ):
        op.drop_table(table)

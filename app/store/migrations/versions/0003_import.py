"""Import: matching keys (email, LinkedIn), the import journal, the probable-duplicate queue.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import re
from urllib.parse import unquote

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# A frozen copy of app.text.linkedin_key as it was when this migration was written.
_LINKEDIN = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.)?(?:www\.)?linkedin\.com/(?:in|pub)/([^/?#\s]+)", re.I
)


def _key(url: str | None) -> str | None:
    match = _LINKEDIN.match(url.strip()) if url else None
    return "linkedin.com/in/" + unquote(match.group(1)).strip().lower() if match else None


def upgrade() -> None:
    op.add_column("member", sa.Column("linkedin_key", sa.Text))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, linkedin_url FROM member WHERE linkedin_url <> ''"))
    updates = [{"id": i, "key": _key(u)} for i, u in rows if _key(u)]
    if updates:
        conn.execute(sa.text("UPDATE member SET linkedin_key = :key WHERE id = :id"), updates)
    op.create_index("ix_member_linkedin_key", "member", ["linkedin_key"])
    op.execute("CREATE INDEX ix_member_email_lower ON member (lower(email))")

    op.create_table(
        "import_journal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("preset", sa.Text, nullable=False),
        sa.Column("imported_at", sa.Text, nullable=False),
        sa.Column("created", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.Column("duplicates", sa.Integer, nullable=False),
    )
    op.create_index("ix_import_journal_sha256", "import_journal", ["sha256"])

    op.create_table(
        "duplicate_candidate",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("incoming", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("line", sa.Integer),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="pending"),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("decided_at", sa.Text),
        sa.CheckConstraint(
            "status IN ('pending', 'merged', 'created', 'dismissed')", name="ck_dup_status"
        ),
    )
    op.create_index("ix_duplicate_candidate_member", "duplicate_candidate", ["member_id"])

    op.create_table(
        "not_duplicate",
        sa.Column(
            "member_a", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "member_b", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("decided_at", sa.Text, nullable=False),
        sa.CheckConstraint("member_a < member_b", name="ck_not_duplicate_order"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("not_duplicate")
    op.drop_table("duplicate_candidate")
    op.drop_table("import_journal")
    op.execute("DROP INDEX IF EXISTS ix_member_email_lower")
    op.drop_index("ix_member_linkedin_key", "member")
    # Native DROP COLUMN (SQLite ≥ 3.35): a table rebuild would lose the FTS triggers.
    op.execute("ALTER TABLE member DROP COLUMN linkedin_key")

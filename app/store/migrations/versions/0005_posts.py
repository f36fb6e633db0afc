"""Editorial calendar: channels and their weekly slots, posts with a version per channel,
attachments, events and the publication log; one ready-to-use channel of each kind.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The channels a new store starts with (DESIGN.md §4): frozen here as they were in 0005.
# kind, name, variant, char limit, colour, max per week, max silent days, slots (weekday, time)
_DEFAULT_CHANNELS = (
    ("linkedin", "LinkedIn", "group", 3000, "#0a66c2", 3, 14, ((1, "09:00"), (3, "09:00"))),
    ("facebook", "Facebook", "page", 63206, "#1877f2", 4, 14, ((2, "12:30"), (5, "10:00"))),
    ("viadeo", "Viadeo", "group", 2000, "#f07355", 2, 30, ((3, "10:00"),)),
    ("x", "X", None, 280, "#14171a", 7, 7, ((0, "12:00"), (2, "12:00"), (4, "12:00"))),
    ("mastodon", "Mastodon", None, 500, "#6364ff", 5, 14, ((1, "18:00"), (4, "18:00"))),
    ("newsletter", "Newsletter", None, None, "#2e7d32", 1, 45, ((0, "08:00"),)),
    ("website", "Website", None, None, "#8e24aa", 2, 30, ((4, "10:00"),)),
)


def upgrade() -> None:
    channel = op.create_table(
        "channel",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False, unique=True),
        sa.Column("variant", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("char_limit", sa.Integer),
        sa.Column("color", sa.Text, nullable=False),
        sa.Column("max_per_week", sa.Integer),
        sa.Column("max_gap_days", sa.Integer),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.CheckConstraint(
            "kind IN ('linkedin', 'facebook', 'viadeo', 'x', 'mastodon', 'newsletter', 'website')",
            name="ck_channel_kind",
        ),
        sa.CheckConstraint(
            "variant IS NULL OR variant IN ('profile', 'page', 'group')",
            name="ck_channel_variant",
        ),
    )
    slot = op.create_table(
        "channel_slot",
        sa.Column(
            "channel_id",
            sa.Integer,
            sa.ForeignKey("channel.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("weekday", sa.Integer, primary_key=True),
        sa.Column("time", sa.Text, primary_key=True),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_channel_slot_weekday"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("day", sa.Text, nullable=False),
        sa.Column("time", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("link", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "post",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("link", sa.Text),
        sa.Column("state", sa.Text, nullable=False, server_default="draft"),
        sa.Column("scheduled_at", sa.Text),
        sa.Column("tz", sa.Text, nullable=False, server_default="Europe/Paris"),
        sa.Column("recurrence", sa.Text, nullable=False, server_default="none"),
        sa.Column("series_id", sa.Integer, sa.ForeignKey("post.id", ondelete="SET NULL")),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("event.id", ondelete="SET NULL")),
        sa.Column("role", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.CheckConstraint(
            "state IN ('draft', 'scheduled', 'due', 'published', 'failed', 'cancelled')",
            name="ck_post_state",
        ),
        sa.CheckConstraint(
            "recurrence IN ('none', 'weekly', 'monthly', 'yearly')", name="ck_post_recurrence"
        ),
    )
    op.create_index("ix_post_scheduled_at", "post", ["scheduled_at"])
    op.create_index("ix_post_event", "post", ["event_id"])
    op.create_table(
        "post_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("post.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "channel_id",
            sa.Integer,
            sa.ForeignKey("channel.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("link", sa.Text),
        sa.Column("state", sa.Text, nullable=False, server_default="pending"),
        sa.Column("published_at", sa.Text),
        sa.Column("published_url", sa.Text),
        sa.Column("message_id", sa.Text),
        sa.Column("failure_reason", sa.Text),
        sa.UniqueConstraint("post_id", "channel_id", name="uq_post_version_channel"),
        sa.CheckConstraint(
            "state IN ('pending', 'published', 'failed')", name="ck_post_version_state"
        ),
    )
    op.create_index(
        "ix_post_version_channel", "post_version", ["channel_id", "published_at"]
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "post_id", sa.Integer, sa.ForeignKey("post.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("original_name", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_index("ix_attachment_post", "attachment", ["post_id"])
    op.create_table(
        "publication_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("post.id", ondelete="SET NULL")),
        sa.Column(
            "version_id", sa.Integer, sa.ForeignKey("post_version.id", ondelete="SET NULL")
        ),
        sa.Column("channel_id", sa.Integer, sa.ForeignKey("channel.id", ondelete="SET NULL")),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("detail", sa.Text),
    )
    op.create_index("ix_publication_log_post", "publication_log", ["post_id"])

    channels: list[dict[str, object]] = []
    slots: list[dict[str, object]] = []
    for position, (kind, name, variant, limit, color, per_week, gap, times) in enumerate(
        _DEFAULT_CHANNELS, start=1
    ):
        channels.append(
            {
                "id": position,
                "kind": kind,
                "name": name,
                "name_key": name.lower(),
                "variant": variant,
                "char_limit": limit,
                "color": color,
                "max_per_week": per_week,
                "max_gap_days": gap,
                "enabled": True,
                "position": position,
            }
        )
        slots.extend({"channel_id": position, "weekday": d, "time": t} for d, t in times)
    op.bulk_insert(channel, channels)
    op.bulk_insert(slot, slots)


def downgrade() -> None:
    for name in (
        "publication_log",
        "attachment",
        "post_version",
        "post",
        "event",
        "channel_slot",
        "channel",
    ):
        op.drop_table(name)

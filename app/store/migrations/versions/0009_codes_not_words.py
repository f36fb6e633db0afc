"""Codes, not English words: default channel names and automatic moderation reasons.

Until now the default channels were stored named "Newsletter", "Website"… and the rules'
automatic decisions with the reason "rule: score above 6" — English text a French user then
saw as is. A channel keeps its kind's name in the user's language unless the CM renamed it
(``renamed``); an automatic reason is a code (``rule:score-above:6``, ``rule:known``) the
window and the command line put into words.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The names 0005 gave the channels it created, frozen here.
_DEFAULT_NAMES = {
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "viadeo": "Viadeo",
    "x": "X",
    "mastodon": "Mastodon",
    "newsletter": "Newsletter",
    "website": "Website",
}


def upgrade() -> None:
    op.add_column(
        "channel", sa.Column("renamed", sa.Boolean, nullable=False, server_default=sa.true())
    )
    channel = sa.table("channel", sa.column("kind"), sa.column("name"), sa.column("renamed"))
    for kind, name in _DEFAULT_NAMES.items():
        op.execute(
            channel.update()
            .where(channel.c.kind == kind, channel.c.name == name)
            .values(renamed=False)
        )
    for table in ("moderation_item", "moderation_decision"):
        rows = sa.table(table, sa.column("reason"), sa.column("automatic"))
        automatic = rows.c.automatic.is_(True)
        op.execute(
            rows.update()
            .where(automatic, rows.c.reason.like("rule: score above %"))
            .values(reason="rule:score-above:" + sa.func.substr(rows.c.reason, 19))
        )
        op.execute(
            rows.update()
            .where(automatic, rows.c.reason == "rule: known graduate")
            .values(reason="rule:known")
        )


def downgrade() -> None:
    for table in ("moderation_item", "moderation_decision"):
        rows = sa.table(table, sa.column("reason"))
        op.execute(
            rows.update()
            .where(rows.c.reason.like("rule:score-above:%"))
            .values(reason="rule: score above " + sa.func.substr(rows.c.reason, 18))
        )
        op.execute(
            rows.update()
            .where(rows.c.reason == "rule:known")
            .values(reason="rule: known graduate")
        )
    with op.batch_alter_table("channel") as batch:
        batch.drop_column("renamed")

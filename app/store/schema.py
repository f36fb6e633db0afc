"""The tables, as SQLAlchemy Core objects.

Migrations (``app/store/migrations/versions``) are the history; this module is the present.
`tests/test_store.py` checks that migrating an empty file gives exactly these tables.
"""

from __future__ import annotations

import sqlalchemy as sa

# Bump with every new migration; checked against Alembic's head by the tests. Kept here so a
# start-up on an up-to-date file does not need to load Alembic at all.
SCHEMA_HEAD = "0016"

metadata = sa.MetaData()

member = sa.Table(
    "member",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("first_name", sa.Text),
    sa.Column("last_name", sa.Text),
    # Folded "last\x1ffirst": the default order, indexed so the first page of 1M is instant.
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
    # ISO date "YYYY-MM-DD".
    sa.Column("birthday", sa.Text),
    sa.Column("linkedin_url", sa.Text),
    # Dues status is derived from the last year paid: paid (this year), lapsed, unpaid.
    sa.Column("dues_last_year", sa.Integer),
    sa.Column("status", sa.Text, nullable=False, server_default="member"),
    sa.Column("verification", sa.Text, nullable=False, server_default="unverified"),
    sa.Column("verification_source", sa.Text),
    sa.Column("verified_at", sa.Text),
    sa.Column("consent", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("consent_at", sa.Text),
    sa.Column("notes", sa.Text),
    sa.Column("source", sa.Text),
    # Timestamps: ISO 8601 in UTC with offset, e.g. 2026-11-26T14:02:06+00:00.
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("last_contacted_at", sa.Text),
    # app.text.linkedin_key(linkedin_url): the import matches profiles on it.
    sa.Column("linkedin_key", sa.Text),
    # Bumped by a trigger at every update (0013): a save names the version it started from.
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    # On a server, the login that saved the member last (0015, a trigger); empty in a file.
    sa.Column("updated_by", sa.Text),
    sa.CheckConstraint("status IN ('member', 'former', 'lost')", name="ck_member_status"),
    sa.CheckConstraint(
        "verification IN ('unverified', 'verified', 'rejected')", name="ck_member_verification"
    ),
)
sa.Index("ix_member_sort_name", member.c.sort_name, member.c.id)
sa.Index("ix_member_promo", member.c.promo)
sa.Index("ix_member_created_at", member.c.created_at)
sa.Index("ix_member_birthday_md", sa.func.substr(member.c.birthday, 6, 5))
sa.Index("ix_member_linkedin_key", member.c.linkedin_key)
sa.Index("ix_member_email_lower", sa.func.lower(member.c.email))
# The board's figures (app.report) read the directory's state from this index alone (0010).
sa.Index(
    "ix_member_board",
    member.c.status,
    member.c.verification,
    member.c.consent,
    member.c.dues_last_year,
    member.c.region,
)

setting = sa.Table(
    "setting",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

tag_category = sa.Table(
    "tag_category",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False, unique=True),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
)

tag = sa.Table(
    "tag",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "category_id",
        sa.Integer,
        sa.ForeignKey("tag_category.id", ondelete="SET NULL"),
    ),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False),
    sa.Column("color", sa.Text),
    # Members carrying the tag, kept by triggers on member_tag (migration 0007).
    sa.Column("member_count", sa.Integer, nullable=False, server_default="0"),
    sa.UniqueConstraint("category_id", "name_key", name="uq_tag_category_name"),
)
sa.Index("ix_tag_name_key", tag.c.name_key)

member_tag = sa.Table(
    "member_tag",
    metadata,
    sa.Column(
        "member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("tag_id", sa.Integer, sa.ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
    sqlite_with_rowid=False,
)
sa.Index("ix_member_tag_tag", member_tag.c.tag_id, member_tag.c.member_id)

community = sa.Table(
    "community",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False, unique=True),
    # linkedin, facebook, viadeo, x, mastodon, mailing-list, website
    sa.Column("network", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
)

member_community = sa.Table(
    "member_community",
    metadata,
    sa.Column(
        "member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
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
sa.Index("ix_member_community_community", member_community.c.community_id)

# Kept by triggers on member_community (migration 0011), for the Dashboard: the members each
# pair of communities shares (first_id <= second_id; a community with itself: its size), and
# the members in exactly ``communities`` communities. Rows counted down to 0 stay.
community_pair = sa.Table(
    "community_pair",
    metadata,
    sa.Column("first_id", sa.Integer, primary_key=True),
    sa.Column("second_id", sa.Integer, primary_key=True),
    sa.Column("members", sa.Integer, nullable=False, server_default="0"),
    sqlite_with_rowid=False,
)
community_spread = sa.Table(
    "community_spread",
    metadata,
    sa.Column("communities", sa.Integer, primary_key=True),
    sa.Column("members", sa.Integer, nullable=False, server_default="0"),
)
# Both counted from scratch, for a bulk load that drops the triggers (the demo) and restores
# them: the same statements as migration 0011's upgrade.
COMMUNITY_RECOUNT = (
    "DELETE FROM community_pair",
    "INSERT INTO community_pair (first_id, second_id, members) "
    "SELECT a.community_id, b.community_id, count(*) FROM member_community AS a "
    "JOIN member_community AS b ON b.member_id = a.member_id "
    "AND b.community_id >= a.community_id GROUP BY a.community_id, b.community_id",
    "DELETE FROM community_spread",
    "INSERT INTO community_spread (communities, members) "
    "SELECT n, count(*) FROM (SELECT count(*) AS n FROM member_community GROUP BY member_id) "
    "AS c GROUP BY n",  # the alias: PostgreSQL needs one, SQLite accepts it
)
COMMUNITY_COUNT_TRIGGERS = (
    "member_community_counts_ai",
    "member_community_counts_ad",
    "member_community_counts_au",
)

segment = sa.Table(
    "segment",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False, unique=True),
    # The search, as typed: a segment is live, re-run each time it is used.
    sa.Column("query", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
)

import_journal = sa.Table(
    "import_journal",
    metadata,
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
sa.Index("ix_import_journal_sha256", import_journal.c.sha256)

# Rows an import did not create because they look like an existing member (same folded
# name and class year, no email): the Duplicates view decides.
duplicate_candidate = sa.Table(
    "duplicate_candidate",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("incoming", sa.Text, nullable=False),  # JSON: the row's values and tags
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
sa.Index("ix_duplicate_candidate_member", duplicate_candidate.c.member_id)

# Pairs the CM said are different people: the duplicate scan never proposes them again.
not_duplicate = sa.Table(
    "not_duplicate",
    metadata,
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

audit_event = sa.Table(
    "audit_event",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("entity", sa.Text, nullable=False),
    sa.Column("entity_id", sa.Integer),
    sa.Column("detail", sa.Text),
)
sa.Index("ix_audit_event_entity", audit_event.c.entity, audit_event.c.entity_id)

# One birthday wish per member and year: a member wished this year is no longer pending.
birthday_wish = sa.Table(
    "birthday_wish",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), nullable=False
    ),
    # The year of the birthday wished (not of the day the wish was sent).
    sa.Column("year", sa.Integer, nullable=False),
    # linkedin, facebook, email, phone, other (app.birthdays.CHANNELS)
    sa.Column("channel", sa.Text, nullable=False),
    sa.Column("wished_at", sa.Text, nullable=False),
    sa.UniqueConstraint("member_id", "year", name="uq_birthday_wish_member_year"),
)

# Full-text index over the member columns the search box and the text fields read. It is
# SQLite-only (FTS5); see app/store/sqlite.py. Columns: free text reads the first six.
FTS_COLUMNS = (
    "first_name",
    "last_name",
    "email",
    "company",
    "city",
    "job_title",
    "region",
    "country",
    "school",
)
FREE_TEXT_COLUMNS = FTS_COLUMNS[:6]
# On PostgreSQL an ordinary table of the same name (app/store/postgres.py), with a column
# "free" holding the six free-text columns as one.
member_fts = sa.table(
    "member_fts", sa.column("rowid"), *(sa.column(c) for c in FTS_COLUMNS), sa.column("free")
)

# Tagging rules: members matching a condition get a tag (on demand and after each import).
# kind "city": ``cities`` holds the city names, one per line (accents and case ignored);
# "promo": the class years ``year_from``..``year_to`` (either may be open); "query": a search.
tag_rule = sa.Table(
    "tag_rule",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("cities", sa.Text),
    sa.Column("year_from", sa.Integer),
    sa.Column("year_to", sa.Integer),
    sa.Column("query", sa.Text),
    sa.Column("tag_id", sa.Integer, sa.ForeignKey("tag.id", ondelete="CASCADE"), nullable=False),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.CheckConstraint("kind IN ('city', 'promo', 'query')", name="ck_tag_rule_kind"),
)
sa.Index("ix_tag_rule_tag", tag_rule.c.tag_id)

# --- Editorial calendar (0005): channels, posts with a version per channel, events ---------

# A place the CM publishes to. Kinds: linkedin, facebook, viadeo, x, mastodon, newsletter,
# website (app.posts.channels.KINDS); a new store has one of each.
channel = sa.Table(
    "channel",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False, unique=True),
    # profile, page or group (LinkedIn, Facebook, Viadeo); NULL where it means nothing.
    sa.Column("variant", sa.Text),
    # The page, group or instance address ("Publish" opens it when the network has no
    # share link for it); http(s) only.
    sa.Column("url", sa.Text),
    # NULL: no limit (newsletter, website).
    sa.Column("char_limit", sa.Integer),
    sa.Column("color", sa.Text, nullable=False),
    # Cadence advisor: more than this per week is a warning (NULL: no maximum)...
    sa.Column("max_per_week", sa.Integer),
    # ...and so is a silence longer than this many days (NULL: never).
    sa.Column("max_gap_days", sa.Integer),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    # False: the channel keeps its kind's name, shown in the user's language ("Newsletter",
    # "Lettre d'information"); ``name`` then holds the English one. True: the CM's own name.
    sa.Column("renamed", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.CheckConstraint(
        "kind IN ('linkedin', 'facebook', 'viadeo', 'x', 'mastodon', 'newsletter', 'website')",
        name="ck_channel_kind",
    ),
    sa.CheckConstraint(
        "variant IS NULL OR variant IN ('profile', 'page', 'group')", name="ck_channel_variant"
    ),
)

# The weekly slots "Add to queue" fills: a weekday (0 = Monday) and a local time "HH:MM".
channel_slot = sa.Table(
    "channel_slot",
    metadata,
    sa.Column(
        "channel_id", sa.Integer, sa.ForeignKey("channel.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("weekday", sa.Integer, primary_key=True),
    sa.Column("time", sa.Text, primary_key=True),
    sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_channel_slot_weekday"),
    sqlite_with_rowid=False,
)

# Something the association organises: it generates announcement, reminder and thanks drafts.
event = sa.Table(
    "event",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    # Local date "YYYY-MM-DD" and optional local time "HH:MM" of the event.
    sa.Column("day", sa.Text, nullable=False),
    sa.Column("time", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("link", sa.Text),
    sa.Column("created_at", sa.Text, nullable=False),
)

post = sa.Table(
    "post",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False, server_default=""),
    # The text written once; each channel's version starts from it.
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.Column("link", sa.Text),
    # "due" is never stored: it is a scheduled post whose time has come (app.posts.states).
    sa.Column("state", sa.Text, nullable=False, server_default="draft"),
    # UTC ISO 8601 with offset, plus the IANA zone the CM chose the local time in: the local
    # wall time is the truth, so 09:00 Europe/Paris stays 09:00 across clock changes.
    sa.Column("scheduled_at", sa.Text),
    sa.Column("tz", sa.Text, nullable=False, server_default="Europe/Paris"),
    sa.Column("recurrence", sa.Text, nullable=False, server_default="none"),
    # The series a recurring post came from when one of its occurrences was published.
    sa.Column("series_id", sa.Integer, sa.ForeignKey("post.id", ondelete="SET NULL")),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("event.id", ondelete="SET NULL")),
    # announcement, reminder, thanks (posts an event generated); idea (content ideas import).
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
sa.Index("ix_post_scheduled_at", post.c.scheduled_at)
sa.Index("ix_post_event", post.c.event_id)

# A post as it goes out on one channel.
post_version = sa.Table(
    "post_version",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("post_id", sa.Integer, sa.ForeignKey("post.id", ondelete="CASCADE"), nullable=False),
    sa.Column(
        "channel_id", sa.Integer, sa.ForeignKey("channel.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.Column("link", sa.Text),
    # pending (follows the post), published, failed: only a real publication sets published.
    sa.Column("state", sa.Text, nullable=False, server_default="pending"),
    sa.Column("published_at", sa.Text),
    sa.Column("published_url", sa.Text),
    # The newsletter's Message-ID, where the channel is email.
    sa.Column("message_id", sa.Text),
    sa.Column("failure_reason", sa.Text),
    sa.UniqueConstraint("post_id", "channel_id", name="uq_post_version_channel"),
    sa.CheckConstraint("state IN ('pending', 'published', 'failed')", name="ck_post_version_state"),
)
sa.Index("ix_post_version_channel", post_version.c.channel_id, post_version.c.published_at)

# Files (images) attached to a post, copied into the store's folder; the path is relative to it.
attachment = sa.Table(
    "attachment",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("post_id", sa.Integer, sa.ForeignKey("post.id", ondelete="CASCADE"), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("original_name", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
)
sa.Index("ix_attachment_post", attachment.c.post_id)

# What happened to each version: published, failed, retried, cancelled... never rewritten.
publication_log = sa.Table(
    "publication_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("post_id", sa.Integer, sa.ForeignKey("post.id", ondelete="SET NULL")),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("post_version.id", ondelete="SET NULL")),
    sa.Column("channel_id", sa.Integer, sa.ForeignKey("channel.id", ondelete="SET NULL")),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("detail", sa.Text),
)
sa.Index("ix_publication_log_post", publication_log.c.post_id)

# --- moderation (0006) ---------------------------------------------------------------------
# The queue: join requests and posts awaiting a decision. Signals and the suggestion are
# computed by app.moderation.checks and stored so the list is instant and the CLI agrees.
moderation_item = sa.Table(
    "moderation_item",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),  # join, post, comment
    sa.Column("name", sa.Text, nullable=False, server_default=""),
    sa.Column("email", sa.Text),
    sa.Column("profile_url", sa.Text),
    sa.Column("school", sa.Text),
    sa.Column("promo", sa.Integer),
    sa.Column("community_id", sa.Integer, sa.ForeignKey("community.id", ondelete="SET NULL")),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    # fold()ed, whitespace-collapsed text: "the same text many times" is one index lookup.
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
    sa.Column("matched_member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="SET NULL")),
    sa.Column("signals", sa.Text, nullable=False, server_default="[]"),  # JSON list
    sa.Column("score", sa.Integer, nullable=False, server_default="0"),
    sa.Column("suggestion", sa.Text, nullable=False, server_default="review"),
    sa.Column("source", sa.Text),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.CheckConstraint("kind IN ('join', 'post', 'comment')", name="ck_moderation_kind"),
    sa.CheckConstraint(
        "status IN ('pending', 'approved', 'rejected', 'info', 'escalated', 'snoozed')",
        name="ck_moderation_status",
    ),
    sa.CheckConstraint("match IN ('known', 'probable', 'unknown')", name="ck_moderation_match"),
    sa.CheckConstraint(
        "suggestion IN ('approve', 'review', 'reject')", name="ck_moderation_suggestion"
    ),
)
sa.Index("ix_moderation_item_status", moderation_item.c.status, moderation_item.c.received_at)
sa.Index("ix_moderation_item_email", sa.func.lower(moderation_item.c.email))
sa.Index("ix_moderation_item_text_key", moderation_item.c.text_key)

# Every decision, automatic or not; undo marks a row undone and puts the item back.
moderation_decision = sa.Table(
    "moderation_decision",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "item_id",
        sa.Integer,
        sa.ForeignKey("moderation_item.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("action", sa.Text, nullable=False),  # approve, reject, info, escalate, snooze
    sa.Column("previous_status", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("automatic", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("decided_at", sa.Text, nullable=False),
    sa.Column("decided_by", sa.Text, nullable=False),
    # JSON: what the decision changed (member created, fields filled, membership added).
    sa.Column("effects", sa.Text),
    sa.Column("undone_at", sa.Text),
)
sa.Index("ix_moderation_decision_item", moderation_decision.c.item_id)
sa.Index("ix_moderation_decision_at", moderation_decision.c.decided_at)

# --- team communities (0014) ----------------------------------------------------------------
# A team login limited to some communities (`team add-user NAME --community C`): on the
# server, row-level security shows it only those communities' moderation queue. A login
# without a row here is not limited. A data file keeps the table empty (one person).
team_scope = sa.Table(
    "team_scope",
    metadata,
    sa.Column("login", sa.Text, primary_key=True),
    sa.Column(
        "community_id",
        sa.Integer,
        sa.ForeignKey("community.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sqlite_with_rowid=False,
)

# Key → JSON value: keyword lists, domain lists, canned replies, templates, rules.
moderation_setting = sa.Table(
    "moderation_setting",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
# --- newsletter (issue 5) -------------------------------------------------------------------
# One newsletter send: the text as sent (placeholders unfilled) and the query whose members
# received it. post_id names the calendar post it came from (no foreign key yet: the posts
# tables live on another branch and are linked at merge).
newsletter_send = sa.Table(
    "newsletter_send",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("post_id", sa.Integer),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("query", sa.Text, nullable=False),
    sa.Column("started_at", sa.Text, nullable=False),
    sa.Column("finished_at", sa.Text),
    # sending (running, or the app stopped mid-way), interrupted, finished
    sa.Column("state", sa.Text, nullable=False, server_default="sending"),
    sa.CheckConstraint(
        "state IN ('sending', 'interrupted', 'finished')", name="ck_newsletter_send_state"
    ),
)

# The send log: one row per recipient, fixed when the send starts. A row becomes "sent" in
# its own transaction as soon as the server accepted the message, so a resumed send skips it.
newsletter_recipient = sa.Table(
    "newsletter_recipient",
    metadata,
    sa.Column(
        "send_id",
        sa.Integer,
        sa.ForeignKey("newsletter_send.id", ondelete="CASCADE"),
        nullable=False,
    ),
    # No foreign key: the log outlives an erased member (the address is kept as sent to).
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
# A member's newsletters (GDPR export, erasure) without scanning every send's log.
sa.Index("ix_newsletter_recipient_member", newsletter_recipient.c.member_id)

# --- privacy (0012) ---------------------------------------------------------------------------
# One answer per member and purpose (app.privacy.consent.PURPOSES): given or refused, where it
# came from, when, and the wording the person was shown. No row: never asked. The newsletter's
# answer is mirrored in member.consent (the board's index and the newsletter read it there).
member_consent = sa.Table(
    "member_consent",
    metadata,
    sa.Column(
        "member_id", sa.Integer, sa.ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("purpose", sa.Text, primary_key=True),
    sa.Column("granted", sa.Boolean, nullable=False),
    # A code (card, command-line, import, migration) or the CM's own words ("paper form").
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("wording", sa.Text),
    sa.CheckConstraint(
        "purpose IN ('newsletter', 'directory', 'events', 'partners')",
        name="ck_member_consent_purpose",
    ),
    sqlite_with_rowid=False,
)
sa.Index(
    "ix_member_consent_purpose",
    member_consent.c.purpose,
    member_consent.c.granted,
    member_consent.c.member_id,
)

# Access and erasure requests: the law gives a month to answer. No foreign key: the log
# outlives an erasure, by number only.
privacy_request = sa.Table(
    "privacy_request",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("member_id", sa.Integer, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    # Local dates "YYYY-MM-DD".
    sa.Column("received_on", sa.Text, nullable=False),
    sa.Column("answered_on", sa.Text),
    sa.Column("note", sa.Text),
    sa.CheckConstraint("kind IN ('access', 'erasure')", name="ck_privacy_request_kind"),
)
sa.Index("ix_privacy_request_member", privacy_request.c.member_id)

# Years without news after which a member of that status is proposed for erasure.
retention_rule = sa.Table(
    "retention_rule",
    metadata,
    sa.Column("status", sa.Text, primary_key=True),
    sa.Column("years", sa.Integer, nullable=False),
    sa.CheckConstraint("status IN ('member', 'former', 'lost')", name="ck_retention_rule_status"),
    sa.CheckConstraint("years BETWEEN 1 AND 100", name="ck_retention_rule_years"),
)

# Working offline (0016). Not in ``metadata``: each engine has its own half, and neither is
# copied by a backup or a clone (app/store/copy.py copies ``metadata``).
sync_metadata = sa.MetaData()

# On a team server: every change to a synchronised table, in commit order (the triggers of
# app/store/postgres.py CHANGE_LOG_TRIGGERS); a replica pulls what follows its position.
change_log = sa.Table(
    "change_log",
    sync_metadata,
    sa.Column("position", sa.BigInteger, primary_key=True),
    sa.Column("table_name", sa.Text, nullable=False),
    # The row's primary key as a JSON object: {"id": 42}, {"member_id": 1, "tag_id": 3}.
    sa.Column("row_key", sa.Text, nullable=False),
    sa.Column("op", sa.Text, nullable=False),  # I, U or D
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
)
# On a team server: the replicas' operations already applied (their id), written in the
# operation's own transaction, so replaying an outbox twice changes nothing; ``result``
# keeps what the replica must be told again if it never heard the answer (conflicts).
applied_operation = sa.Table(
    "applied_operation",
    sync_metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("applied_by", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("result", sa.Text, nullable=False),
)
# On a team server: its identity, so a replica never syncs with another server by mistake.
sync_server = sa.Table(
    "sync_server",
    sync_metadata,
    sa.Column("server_id", sa.Text, primary_key=True),
)

# In a replica (a SQLite file made by `team clone`): its server, and the last change seen.
replica = sa.Table(
    "replica",
    sync_metadata,
    sa.Column("id", sa.Integer, primary_key=True),  # one row, id 1
    sa.Column("server_url", sa.Text, nullable=False),  # without its password
    sa.Column("server_id", sa.Text, nullable=False),
    sa.Column("last_position", sa.BigInteger, nullable=False),
    sa.Column("cloned_at", sa.Text, nullable=False),
    sa.Column("synced_at", sa.Text),
)
# In a replica: the operations made offline, in order, not yet applied on the server.
outbox = sa.Table(
    "outbox",
    sync_metadata,
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("operation_id", sa.Text, nullable=False, unique=True),  # a UUID
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("payload", sa.Text, nullable=False),  # the operation's JSON arguments
    # What the edit started from: {"version": 3, "values": {...}, "tags": [...]}.
    sa.Column("base", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("state", sa.Text, nullable=False, server_default="pending"),
    sa.Column("error", sa.Text),  # why the server refused it (state "refused")
    sa.CheckConstraint("state IN ('pending', 'refused')", name="ck_outbox_state"),
)
# In a replica: what a sync could not merge, kept until the CM chooses.
sync_conflict = sa.Table(
    "sync_conflict",
    sync_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("operation_id", sa.Text, nullable=False),
    sa.Column("member_id", sa.Integer, nullable=False),  # no foreign key: outlives an erasure
    sa.Column("kind", sa.Text, nullable=False),  # field: both changed it; erased: on the server
    sa.Column("field", sa.Text),
    sa.Column("base", sa.Text),  # JSON values: what the edit started from, ours, the server's
    sa.Column("mine", sa.Text),
    sa.Column("theirs", sa.Text),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("resolved_at", sa.Text),
    sa.UniqueConstraint("operation_id", "member_id", "field", name="uq_sync_conflict"),
    sa.CheckConstraint("kind IN ('field', 'erased')", name="ck_sync_conflict_kind"),
)
SERVER_SYNC_TABLES = (change_log, applied_operation, sync_server)
REPLICA_TABLES = (replica, outbox, sync_conflict)

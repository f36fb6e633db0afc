"""The communities' sizes, overlaps and spread, kept by triggers on member_community.

The Dashboard shows how many members each community has, how many each pair of
communities shares and how many members are in one, two, three or more. Counted from
``member_community`` they are three passes over it (the pairs a self-join): some 0.5 s of the
board's 1 s at a million members. Memberships change one at a time (a join approved, a
merge, an undo), so the counts are kept as they change:

- ``community_pair (first_id, second_id, members)``, first_id ≤ second_id: the members the
  two communities share; (c, c) is the size of c;
- ``community_spread (communities, members)``: the members in exactly that many communities
  (≥ 1; the rest of the directory is in none).

The triggers fire for cascaded deletes too (a member or a community deleted). A row whose
count fell to 0 stays; readers skip it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_PAIR_ADD = (
    "INSERT INTO community_pair (first_id, second_id, members) "
    "SELECT min({c}, x.community_id), max({c}, x.community_id), 1 FROM member_community AS x "
    "WHERE x.member_id = {m} {extra}"
    "ON CONFLICT (first_id, second_id) DO UPDATE SET members = members + 1;"
)
_PAIR_REMOVE = (
    "UPDATE community_pair SET members = members - 1 WHERE (first_id, second_id) IN ("
    "SELECT min({c}, x.community_id), max({c}, x.community_id) FROM member_community AS x "
    "WHERE x.member_id = {m} {extra}UNION ALL SELECT {c}, {c});"
)
# ``{k}``: the member's number of communities after the change.
_SPREAD_ADD = (
    "UPDATE community_spread SET members = members - 1 WHERE communities = {k} - 1; "
    "INSERT INTO community_spread (communities, members) SELECT {k}, 1 WHERE true "
    "ON CONFLICT (communities) DO UPDATE SET members = members + 1;"
)
_SPREAD_REMOVE = (
    "UPDATE community_spread SET members = members - 1 WHERE communities = {k} + 1; "
    "INSERT INTO community_spread (communities, members) SELECT {k}, 1 WHERE {k} > 0 "
    "ON CONFLICT (communities) DO UPDATE SET members = members + 1;"
)
_COUNT = "(SELECT count(*) FROM member_community WHERE member_id = {m})"
# An update (member or community changed) is the old row removed, then the new one added:
# the removal is counted on the rows without the new one.
_NOT_NEW = "AND NOT (x.member_id = new.member_id AND x.community_id = new.community_id) "
_OLD_LEFT = "(" + _COUNT.format(m="old.member_id") + " - (old.member_id = new.member_id))"

TRIGGERS = (
    "CREATE TRIGGER member_community_counts_ai AFTER INSERT ON member_community BEGIN "
    + _PAIR_ADD.format(c="new.community_id", m="new.member_id", extra="")
    + _SPREAD_ADD.format(k=_COUNT.format(m="new.member_id"))
    + " END",
    "CREATE TRIGGER member_community_counts_ad AFTER DELETE ON member_community BEGIN "
    + _PAIR_REMOVE.format(c="old.community_id", m="old.member_id", extra="")
    + _SPREAD_REMOVE.format(k=_COUNT.format(m="old.member_id"))
    + " END",
    "CREATE TRIGGER member_community_counts_au AFTER UPDATE OF member_id, community_id "
    "ON member_community BEGIN "
    + _PAIR_REMOVE.format(c="old.community_id", m="old.member_id", extra=_NOT_NEW)
    + _SPREAD_REMOVE.format(k=_OLD_LEFT)
    + _PAIR_ADD.format(c="new.community_id", m="new.member_id", extra="")
    + _SPREAD_ADD.format(k=_COUNT.format(m="new.member_id"))
    + " END",
)
TRIGGER_NAMES = (
    "member_community_counts_ai",
    "member_community_counts_ad",
    "member_community_counts_au",
)
# The counts from scratch (this upgrade; app.store.schema.COMMUNITY_RECOUNT is the same).
RECOUNT = (
    "DELETE FROM community_pair",
    "INSERT INTO community_pair (first_id, second_id, members) "
    "SELECT a.community_id, b.community_id, count(*) FROM member_community AS a "
    "JOIN member_community AS b ON b.member_id = a.member_id "
    "AND b.community_id >= a.community_id GROUP BY a.community_id, b.community_id",
    "DELETE FROM community_spread",
    "INSERT INTO community_spread (communities, members) "
    "SELECT n, count(*) FROM (SELECT count(*) AS n FROM member_community GROUP BY member_id) "
    "GROUP BY n",
)


def upgrade() -> None:
    op.execute(
        "CREATE TABLE community_pair (first_id INTEGER NOT NULL, second_id INTEGER NOT NULL, "
        "members INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (first_id, second_id)) WITHOUT ROWID"
    )
    op.execute(
        "CREATE TABLE community_spread (communities INTEGER NOT NULL PRIMARY KEY, "
        "members INTEGER NOT NULL DEFAULT 0)"
    )
    for sql in RECOUNT:
        op.execute(sql)
    for ddl in TRIGGERS:
        op.execute(ddl)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE community_spread")
    op.execute("DROP TABLE community_pair")

"""Everything that only PostgreSQL has: the team store's twin of app/store/sqlite.py.

Text search. SQLite answers the search box from an FTS5 index (``unicode61``, accents
removed, prefix queries). Here the same words live in an ordinary table, ``member_fts``, one
row a member kept by a trigger: each column holds the member's folded words separated by
single spaces, with a space at both ends (" jean pierre "). A phrase then is a ``LIKE``:
``'% jean pi%'`` (words in a row, the last one a prefix) or ``' jean pi%'`` (at the start of
the field), served by trigram indexes (``pg_trgm``). The words are folded in SQL
(``unaccent``, ``lower``) and split on what is not a letter or digit, as
``app.text.words`` does in Python: the search means the same on both engines.
"""

from __future__ import annotations

from array import array
from typing import Any

from app.store import schema
from app.store.schema import FREE_TEXT_COLUMNS, FTS_COLUMNS

# The free text of the search box reads these six columns as one; a separator that is not
# a word keeps a phrase from running from one field into the next.
FREE_COLUMN = "free"

EXTENSIONS = ("CREATE EXTENSION IF NOT EXISTS unaccent", "CREATE EXTENSION IF NOT EXISTS pg_trgm")

FOLD_FUNCTIONS = (
    # unaccent's own rules spell out œ, æ and ß, as app.text.fold does.
    "CREATE OR REPLACE FUNCTION amicale_fold(value text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    "$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) $$",
    "CREATE OR REPLACE FUNCTION amicale_words(value text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    "$$ SELECT ' ' || btrim(regexp_replace(amicale_fold(value), '[^[:alnum:]]+', ' ', 'g')) "
    "|| ' ' $$",
)

_WORDS = ", ".join(f"amicale_words(NEW.{c})" for c in FTS_COLUMNS)
_FREE = " || ' | ' || ".join(f"amicale_words(NEW.{c})" for c in FREE_TEXT_COLUMNS)
_COLUMNS = ", ".join(FTS_COLUMNS)

FTS_CREATE = (
    "CREATE TABLE member_fts (rowid integer PRIMARY KEY REFERENCES member (id) "
    "ON DELETE CASCADE, "
    + ", ".join(f"{c} text NOT NULL DEFAULT ''" for c in (*FTS_COLUMNS, FREE_COLUMN))
    + ")",
    f"CREATE INDEX ix_member_fts_{FREE_COLUMN} ON member_fts USING gin ({FREE_COLUMN} "
    "gin_trgm_ops)",
    "CREATE OR REPLACE FUNCTION member_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN INSERT INTO member_fts (rowid, {_COLUMNS}, {FREE_COLUMN}) "
    f"VALUES (NEW.id, {_WORDS}, {_FREE}) "
    f"ON CONFLICT (rowid) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in (*FTS_COLUMNS, FREE_COLUMN))
    + "; RETURN NULL; END $$",
    "CREATE TRIGGER member_fts_ai AFTER INSERT ON member FOR EACH ROW "
    "EXECUTE FUNCTION member_fts_sync()",
    f"CREATE TRIGGER member_fts_au AFTER UPDATE OF {_COLUMNS} ON member FOR EACH ROW "
    "EXECUTE FUNCTION member_fts_sync()",
)
FTS_DROP = (
    "DROP TRIGGER IF EXISTS member_fts_au ON member",
    "DROP TRIGGER IF EXISTS member_fts_ai ON member",
    "DROP FUNCTION IF EXISTS member_fts_sync()",
    "DROP TABLE IF EXISTS member_fts",
)

# Each tag's member count (0007), per statement: a bulk tagging of 100,000 members updates
# the tag row once, not 100,000 times.
TAG_COUNT_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION member_tag_count_add() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN UPDATE tag SET member_count = member_count + n.c FROM "
    "(SELECT tag_id, count(*) AS c FROM new_links GROUP BY tag_id) AS n WHERE tag.id = n.tag_id; "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION member_tag_count_remove() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN UPDATE tag SET member_count = member_count - o.c FROM "
    "(SELECT tag_id, count(*) AS c FROM old_links GROUP BY tag_id) AS o WHERE tag.id = o.tag_id; "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION member_tag_count_move() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN UPDATE tag SET member_count = member_count - o.c FROM "
    "(SELECT tag_id, count(*) AS c FROM old_links GROUP BY tag_id) AS o WHERE tag.id = o.tag_id; "
    "UPDATE tag SET member_count = member_count + n.c FROM "
    "(SELECT tag_id, count(*) AS c FROM new_links GROUP BY tag_id) AS n WHERE tag.id = n.tag_id; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER member_tag_count_ai AFTER INSERT ON member_tag "
    "REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION member_tag_count_add()",
    "CREATE TRIGGER member_tag_count_ad AFTER DELETE ON member_tag "
    "REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT "
    "EXECUTE FUNCTION member_tag_count_remove()",
    "CREATE TRIGGER member_tag_count_au AFTER UPDATE ON member_tag "
    "REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT "
    "EXECUTE FUNCTION member_tag_count_move()",
)
TAG_COUNT_DROP = (
    "DROP TRIGGER IF EXISTS member_tag_count_ai ON member_tag",
    "DROP TRIGGER IF EXISTS member_tag_count_ad ON member_tag",
    "DROP TRIGGER IF EXISTS member_tag_count_au ON member_tag",
)

# The communities' sizes, overlaps and spread (0011). SQLite keeps them row by row; here a
# trigger per statement recounts only the members the statement touched: their memberships
# before (the table now, less the new rows, plus the old ones) counted -1, after counted +1
# (row triggers would see the whole statement's rows at once and count some twice).
_NO_ROWS = "(SELECT NULL::integer AS member_id, NULL::integer AS community_id WHERE false)"


def _community_counts_function(name: str, new_rows: str, old_rows: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"CREATE TEMP TABLE IF NOT EXISTS amicale_cc_after (member_id integer, community_id "
        "integer) ON COMMIT DROP; "
        "CREATE TEMP TABLE IF NOT EXISTS amicale_cc_before (member_id integer, community_id "
        "integer) ON COMMIT DROP; "
        "TRUNCATE amicale_cc_after, amicale_cc_before; "
        "INSERT INTO amicale_cc_after SELECT mc.member_id, mc.community_id "
        "FROM member_community mc "
        f"WHERE mc.member_id IN (SELECT member_id FROM {new_rows} n UNION "
        f"SELECT member_id FROM {old_rows} o); "
        "INSERT INTO amicale_cc_before (SELECT member_id, community_id FROM amicale_cc_after "
        f"EXCEPT ALL SELECT member_id, community_id FROM {new_rows} n) UNION ALL "
        f"SELECT member_id, community_id FROM {old_rows} o; "
        "INSERT INTO community_pair (first_id, second_id, members) "
        "SELECT f, s, sum(d) FROM ("
        "SELECT a.community_id AS f, b.community_id AS s, 1 AS d FROM amicale_cc_after a "
        "JOIN amicale_cc_after b ON b.member_id = a.member_id AND b.community_id >= "
        "a.community_id UNION ALL "
        "SELECT a.community_id, b.community_id, -1 FROM amicale_cc_before a "
        "JOIN amicale_cc_before b ON b.member_id = a.member_id AND b.community_id >= "
        "a.community_id) AS p GROUP BY f, s "
        "ON CONFLICT (first_id, second_id) DO UPDATE SET members = community_pair.members "
        "+ EXCLUDED.members; "
        "INSERT INTO community_spread (communities, members) SELECT n, sum(d) FROM ("
        "SELECT count(*) AS n, 1 AS d FROM amicale_cc_after GROUP BY member_id UNION ALL "
        "SELECT count(*), -1 FROM amicale_cc_before GROUP BY member_id) AS c GROUP BY n "
        "ON CONFLICT (communities) DO UPDATE SET members = community_spread.members "
        "+ EXCLUDED.members; "
        "RETURN NULL; END $$"
    )


COMMUNITY_TABLES = (
    "CREATE TABLE community_pair (first_id integer NOT NULL, second_id integer NOT NULL, "
    "members integer NOT NULL DEFAULT 0, PRIMARY KEY (first_id, second_id))",
    "CREATE TABLE community_spread (communities integer NOT NULL PRIMARY KEY, "
    "members integer NOT NULL DEFAULT 0)",
)
COMMUNITY_RECOUNT = schema.COMMUNITY_RECOUNT  # the same SQL on both engines
COMMUNITY_TRIGGERS = (
    _community_counts_function("member_community_counts_add", "new_rows", _NO_ROWS),
    _community_counts_function("member_community_counts_remove", _NO_ROWS, "old_rows"),
    _community_counts_function("member_community_counts_move", "new_rows", "old_rows"),
    "CREATE TRIGGER member_community_counts_ai AFTER INSERT ON member_community "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION member_community_counts_add()",
    "CREATE TRIGGER member_community_counts_ad AFTER DELETE ON member_community "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION member_community_counts_remove()",
    "CREATE TRIGGER member_community_counts_au AFTER UPDATE ON member_community "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION member_community_counts_move()",
)
COMMUNITY_DROP = (
    *(
        f"DROP TRIGGER IF EXISTS member_community_counts_{op} ON member_community"
        for op in ("ai", "ad", "au")
    ),
    *(f"DROP FUNCTION IF EXISTS member_community_counts_{f}()" for f in ("add", "remove", "move")),
    "DROP TABLE community_spread",
    "DROP TABLE community_pair",
)


# Who did it (0013): on a server, the login that wrote the event, whatever the client says.
AUDIT_ACTOR_TRIGGER = (
    "CREATE OR REPLACE FUNCTION audit_event_actor() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN NEW.actor := current_user; RETURN NEW; END $$",
    "CREATE TRIGGER audit_event_actor_bi BEFORE INSERT OR UPDATE ON audit_event FOR EACH ROW "
    "EXECUTE FUNCTION audit_event_actor()",
)
# A copied store keeps its audit log's "who" (app/store/copy.py): the trigger is off for the
# copy, inside its transaction (a table's owner only may).
AUDIT_ACTOR_OFF = "ALTER TABLE audit_event DISABLE TRIGGER audit_event_actor_bi"
AUDIT_ACTOR_ON = "ALTER TABLE audit_event ENABLE TRIGGER audit_event_actor_bi"
# Each member's version (0013), bumped at every update unless the update sets it itself.
VERSION_TRIGGER = (
    "CREATE OR REPLACE FUNCTION member_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF; "
    "RETURN NEW; END $$",
    "CREATE TRIGGER member_version_bu BEFORE UPDATE ON member FOR EACH ROW "
    "EXECUTE FUNCTION member_version_bump()",
    *AUDIT_ACTOR_TRIGGER,
)
# The others' changes without a restart (0013): every write to a table the window shows says
# so on the channel CHANGE_CHANNEL, once a statement, with the writer's session (its
# application_name) so a client can skip its own, and the member ids when they are few.
CHANGE_CHANNEL = "amicale_changes"
MAX_NOTIFIED_IDS = 200
NOTIFIED_TABLES = (
    "member", "member_tag", "tag", "tag_category", "segment", "community", "member_community",
    "post", "post_version", "publication_log", "channel", "channel_slot", "event",
    "moderation_item", "moderation_decision", "moderation_setting", "birthday_wish",
    "duplicate_candidate", "not_duplicate", "setting", "tag_rule", "newsletter_send",
)  # fmt: skip
_NOTIFY = (
    "PERFORM pg_notify('" + CHANGE_CHANNEL + "', json_build_object('t', TG_TABLE_NAME, "
    "'s', current_setting('application_name', true), 'ids', ids)::text)"
)
NOTIFY_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION amicale_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE ids json := NULL; BEGIN " + _NOTIFY + "; RETURN NULL; END $$",
    # Members: with their ids (from the statement's rows) when there are few.
    "CREATE OR REPLACE FUNCTION amicale_notify_members() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE ids json; n integer; BEGIN "
    "IF TG_OP = 'DELETE' THEN SELECT count(*), json_agg(id) INTO n, ids FROM "
    f"(SELECT id FROM old_rows LIMIT {MAX_NOTIFIED_IDS + 1}) AS r; "
    "ELSE SELECT count(*), json_agg(id) INTO n, ids FROM "
    f"(SELECT id FROM new_rows LIMIT {MAX_NOTIFIED_IDS + 1}) AS r; END IF; "
    f"IF n = 0 THEN RETURN NULL; END IF; IF n > {MAX_NOTIFIED_IDS} THEN ids := NULL; END IF; "
    + _NOTIFY
    + "; RETURN NULL; END $$",
    "CREATE TRIGGER member_notify_ai AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION amicale_notify_members()",
    "CREATE TRIGGER member_notify_au AFTER UPDATE ON member REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION amicale_notify_members()",
    "CREATE TRIGGER member_notify_ad AFTER DELETE ON member REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION amicale_notify_members()",
    *(
        f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION amicale_notify()"
        for table in NOTIFIED_TABLES
        if table != "member"
    ),
)
NOTIFY_DROP = (
    *(f"DROP TRIGGER IF EXISTS member_notify_{op} ON member" for op in ("ai", "au", "ad")),
    *(f"DROP TRIGGER IF EXISTS {t}_notify ON {t}" for t in NOTIFIED_TABLES if t != "member"),
    "DROP FUNCTION IF EXISTS amicale_notify_members()",
    "DROP FUNCTION IF EXISTS amicale_notify()",
)
# Who saved a member last (0015): on a server, the login that wrote the row, whatever the
# client says (session_user: the person connected, also inside a SECURITY DEFINER function).
VERSION_BUMP_WITH_AUTHOR = (
    "CREATE OR REPLACE FUNCTION member_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF; "
    "NEW.updated_by := session_user; RETURN NEW; END $$"
)
VERSION_BUMP_WITHOUT_AUTHOR = VERSION_TRIGGER[0]
# A copy onto the server (`team import`) keeps each member's author as the source has it: the
# owner's transaction says so (KEEP_AUTHORS_ON, undone at its end); for anyone else, or
# without it, the login writes itself. (Not ALTER TABLE … DISABLE TRIGGER: the change log's
# triggers at commit leave events pending on member, and PostgreSQL then refuses it.)
AUTHOR_TRIGGER = (
    VERSION_BUMP_WITH_AUTHOR,
    "CREATE OR REPLACE FUNCTION member_author() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF current_setting('amicale.keep_authors', true) = 'on' AND EXISTS ("
    "SELECT 1 FROM pg_class c WHERE c.oid = TG_RELID "
    "AND pg_has_role(session_user, c.relowner, 'MEMBER')) THEN RETURN NEW; END IF; "
    "NEW.updated_by := session_user; RETURN NEW; END $$",
    "CREATE TRIGGER member_author_bi BEFORE INSERT ON member FOR EACH ROW "
    "EXECUTE FUNCTION member_author()",
)
KEEP_AUTHORS_ON = "SET LOCAL amicale.keep_authors = 'on'"
KEEP_AUTHORS_OFF = "SET LOCAL amicale.keep_authors = 'off'"
AUTHOR_TRIGGER_DROP = (
    "DROP TRIGGER IF EXISTS member_author_bi ON member",
    "DROP FUNCTION IF EXISTS member_author()",
    VERSION_BUMP_WITHOUT_AUTHOR,
)
VERSION_TRIGGER_DROP = (
    *NOTIFY_DROP,
    "DROP TRIGGER IF EXISTS audit_event_actor_bi ON audit_event",
    "DROP FUNCTION IF EXISTS audit_event_actor()",
    "DROP TRIGGER IF EXISTS member_version_bu ON member",
    "DROP FUNCTION IF EXISTS member_version_bump()",
)


# Team communities (0014). A trigger function that writes other tables runs with its
# owner's rights (SECURITY DEFINER), whoever's statement fired it — a moderator verifying a
# member still keeps the search words, a reader's refused write never gets that far — with
# a fixed search_path, so that no one can put a table of their own in its way (pg_temp
# last: the community recount's own temporary tables are still found).
SEARCH_PATH = "pg_catalog, public, pg_temp"
SECURITY_DEFINER_FUNCTIONS = (
    "member_fts_sync()",
    "member_tag_count_add()",
    "member_tag_count_remove()",
    "member_tag_count_move()",
    "member_community_counts_add()",
    "member_community_counts_remove()",
    "member_community_counts_move()",
)
# Who did it: the login (session_user), not current_user, which inside a SECURITY DEFINER
# function is its owner.
AUDIT_ACTOR_SESSION = (
    "CREATE OR REPLACE FUNCTION audit_event_actor() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN NEW.actor := session_user; RETURN NEW; END $$"
)
# A login sees a community's items when it is not limited, or limited to it; the function
# reads team_scope with its owner's rights (no login needs to), by the login's own name.
SCOPE_FUNCTION = (
    "CREATE OR REPLACE FUNCTION amicale_in_scope(community integer) RETURNS boolean "
    f"LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {SEARCH_PATH} AS $$ "
    "SELECT NOT EXISTS (SELECT 1 FROM public.team_scope WHERE login = session_user) "
    "OR EXISTS (SELECT 1 FROM public.team_scope WHERE login = session_user "
    "AND community_id = community) $$"
)
# Whether the login is limited at all; in a policy as ``(SELECT amicale_scoped())``, asked
# once a statement (an InitPlan), so that the logins not limited pay nothing per row.
SCOPED_FUNCTION = (
    "CREATE OR REPLACE FUNCTION amicale_scoped() RETURNS boolean "
    f"LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {SEARCH_PATH} AS $$ "
    "SELECT EXISTS (SELECT 1 FROM public.team_scope WHERE login = session_user) $$"
)
# A member a limited login may change: one of its communities', or one in no community yet
# (a member just created, before it joins one).
MEMBER_SCOPE_FUNCTION = (
    "CREATE OR REPLACE FUNCTION amicale_member_in_scope(person integer) RETURNS boolean "
    f"LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {SEARCH_PATH} AS $$ "
    "SELECT NOT EXISTS (SELECT 1 FROM public.member_community WHERE member_id = person) "
    "OR EXISTS (SELECT 1 FROM public.member_community AS mc JOIN public.team_scope AS s "
    "ON s.community_id = mc.community_id WHERE mc.member_id = person "
    "AND s.login = session_user) $$"
)
_MEMBER_WRITABLE = "(SELECT NOT amicale_scoped()) OR amicale_member_in_scope({0})"
# The table's owner (the directory's first administrator, who ran the migrations) is not
# subject to its policies (no FORCE): it sees and repairs everything. The directory is read
# whole by every login (the counts kept by triggers are the association's); a limited login
# changes only its communities' members: WITH CHECK, so that a refused change is an error
# (SQLSTATE 42501) and not a silent "0 rows".
SCOPE_POLICIES = (
    "ALTER TABLE moderation_item ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY moderation_item_scope ON moderation_item FOR ALL "
    "USING (amicale_in_scope(community_id)) WITH CHECK (amicale_in_scope(community_id))",
    "ALTER TABLE moderation_decision ENABLE ROW LEVEL SECURITY",
    # A decision is seen (and made) with its item: the subquery obeys the item's policy.
    "CREATE POLICY moderation_decision_scope ON moderation_decision FOR ALL "
    "USING (EXISTS (SELECT 1 FROM moderation_item AS i WHERE i.id = item_id)) "
    "WITH CHECK (EXISTS (SELECT 1 FROM moderation_item AS i WHERE i.id = item_id))",
    "ALTER TABLE member ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY member_read ON member FOR SELECT USING (true)",
    "CREATE POLICY member_add ON member FOR INSERT WITH CHECK (true)",
    "CREATE POLICY member_change ON member FOR UPDATE USING (true) "
    f"WITH CHECK ({_MEMBER_WRITABLE.format('id')})",
    f"CREATE POLICY member_remove ON member FOR DELETE USING ({_MEMBER_WRITABLE.format('id')})",
    "ALTER TABLE member_tag ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY member_tag_read ON member_tag FOR SELECT USING (true)",
    "CREATE POLICY member_tag_add ON member_tag FOR INSERT "
    f"WITH CHECK ({_MEMBER_WRITABLE.format('member_id')})",
    "CREATE POLICY member_tag_change ON member_tag FOR UPDATE USING (true) "
    f"WITH CHECK ({_MEMBER_WRITABLE.format('member_id')})",
    "CREATE POLICY member_tag_remove ON member_tag FOR DELETE "
    f"USING ({_MEMBER_WRITABLE.format('member_id')})",
    "ALTER TABLE member_community ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY member_community_read ON member_community FOR SELECT USING (true)",
    # Joining one of its communities, a member it may change: not another community's
    # member brought in to be changed.
    "CREATE POLICY member_community_add ON member_community FOR INSERT "
    f"WITH CHECK (amicale_in_scope(community_id) AND ({_MEMBER_WRITABLE.format('member_id')}))",
    "CREATE POLICY member_community_change ON member_community FOR UPDATE "
    "USING (amicale_in_scope(community_id)) WITH CHECK (amicale_in_scope(community_id))",
    "CREATE POLICY member_community_remove ON member_community FOR DELETE "
    "USING (amicale_in_scope(community_id))",
)
_POLICIES = {
    "moderation_item": ("scope",),
    "moderation_decision": ("scope",),
    "member": ("read", "add", "change", "remove"),
    "member_tag": ("read", "add", "change", "remove"),
    "member_community": ("read", "add", "change", "remove"),
}
TEAM_COMMUNITIES = (
    *(
        f"ALTER FUNCTION {f} SECURITY DEFINER SET search_path = {SEARCH_PATH}"
        for f in SECURITY_DEFINER_FUNCTIONS
    ),
    AUDIT_ACTOR_SESSION,
    SCOPE_FUNCTION,
    SCOPED_FUNCTION,
    MEMBER_SCOPE_FUNCTION,
    *SCOPE_POLICIES,
)
TEAM_COMMUNITIES_DROP = (
    *(
        ddl
        for table, names in _POLICIES.items()
        for ddl in (
            *(f"DROP POLICY IF EXISTS {table}_{n} ON {table}" for n in names),
            f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY",
        )
    ),
    # `team init`'s, restricting what the moderators' approvals create and undo.
    "DROP POLICY IF EXISTS member_moderator_add ON member",
    "DROP POLICY IF EXISTS member_moderator_remove ON member",
    "DROP FUNCTION IF EXISTS amicale_member_in_scope(integer)",
    "DROP FUNCTION IF EXISTS amicale_scoped()",
    "DROP FUNCTION IF EXISTS amicale_in_scope(integer)",
    AUDIT_ACTOR_TRIGGER[0],
    *(f"ALTER FUNCTION {f} SECURITY INVOKER RESET search_path" for f in SECURITY_DEFINER_FUNCTIONS),
)


def fold_sql(column: Any) -> Any:
    """SQL expression folding ``column`` the way app.text.fold does."""
    import sqlalchemy as sa

    return sa.func.amicale_fold(column)


def id_array(dbapi_connection: Any, sql: str, params: dict[str, Any]) -> array[int]:
    """The integers of a one-column SELECT (its column named x), in its order, as an array:
    one text joined by the server, as app/store/sqlite.py does (the aggregate reads the
    ordered subquery in its order)."""
    row = dbapi_connection.execute(
        f"SELECT string_agg(x::text, ',') FROM ({sql}) AS ordered", params
    ).fetchone()
    text = row[0] if row else None
    if not text:
        return array("q")
    return array("q", map(int, text.split(",")))


def phrase_pattern(tokens: list[str], initial: bool) -> str:
    """The LIKE pattern of a phrase of folded words (letters and digits only: no escaping)."""
    return (" " if initial else "% ") + " ".join(tokens) + "%"


# The duplicate finder's groups of members sharing a class year and a name, each with its ids
# and phones in the same order (app.members.dedup; sqlite.py has its twin).
NAME_GROUPS_SQL = (
    "SELECT promo, sort_name, string_agg(id::text, ',' ORDER BY id), "
    "string_agg(coalesce(phone, ''), chr(30) ORDER BY id) FROM member GROUP BY promo, sort_name"
)


# A list of ids as one JSON parameter, in raw SQL of the driver (sqlite.py has its twin).
JSON_IDS = "SELECT v::bigint FROM json_array_elements_text(CAST(%s AS json)) AS v"


def reset_sequences(conn: Any) -> None:
    """Rows inserted with their ids (a migration's defaults, a copied store) leave the
    sequences behind: move each on past its table's largest id."""
    import sqlalchemy as sa

    from app.store.schema import metadata

    for table in metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, sa.Integer) or not key[0].autoincrement:
            continue
        column = key[0].name
        conn.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence(:table, :column), "
                f"coalesce((SELECT max({column}) FROM {table.name}), 0) + 1, false)"
            ),
            {"table": table.name, "column": column},
        )


def copy_rows(dbapi_connection: Any, table: str, columns: list[str], rows: Any) -> int:
    """Rows into ``table`` with COPY: one statement for all of them (the statement triggers
    fire once, not once a row as with executemany), inside the caller's transaction."""
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    count = 0
    with dbapi_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


# Working offline (0016): the change feed replicas pull. Every write to a synchronised table
# logs the row's key in change_log, at commit (deferred constraint triggers) and under one
# transaction lock, so positions are handed out in commit order: a replica that has read up
# to position P has seen every change committed before it, and none is skipped by a writer
# that took a smaller number but committed later. The function runs with its owner's rights
# (a limited login may write a member without being allowed to write the log) and a fixed
# search_path (so no login can slip its own objects into it).
SYNCED_TABLES: dict[str, tuple[str, ...]] = {
    "member": ("id",),
    "tag_category": ("id",),
    "tag": ("id",),
    "member_tag": ("member_id", "tag_id"),
    "community": ("id",),
    "member_community": ("member_id", "community_id"),
    "member_consent": ("member_id", "purpose"),
    "segment": ("id",),
    "setting": ("key",),
    "tag_rule": ("id",),
    "channel": ("id",),
    "channel_slot": ("channel_id", "weekday", "time"),
    "event": ("id",),
    "post": ("id",),
    "post_version": ("id",),
    "publication_log": ("id",),
    "moderation_setting": ("key",),
    "moderation_item": ("id",),
    "moderation_decision": ("id",),
    "birthday_wish": ("id",),
}
CHANGE_LOG_LOCK = 0x616D6963  # "amic": the one advisory lock of the change log
CHANGE_LOG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION amicale_log_change() RETURNS trigger LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$ "
    "DECLARE r jsonb; o jsonb; k jsonb := '{}'; ok jsonb := '{}'; c text; BEGIN "
    f"PERFORM pg_advisory_xact_lock({CHANGE_LOG_LOCK}); "
    "IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF; "
    "FOREACH c IN ARRAY TG_ARGV LOOP k := k || jsonb_build_object(c, r -> c); END LOOP; "
    "IF TG_OP = 'UPDATE' THEN o := to_jsonb(OLD); "
    "FOREACH c IN ARRAY TG_ARGV LOOP ok := ok || jsonb_build_object(c, o -> c); END LOOP; "
    "IF ok <> k THEN INSERT INTO public.change_log (table_name, row_key, op) "
    "VALUES (TG_TABLE_NAME, ok::text, 'D'); END IF; END IF; "
    "INSERT INTO public.change_log (table_name, row_key, op) "
    "VALUES (TG_TABLE_NAME, k::text, left(TG_OP, 1)); RETURN NULL; END $$",
)


def fire_deferred(dbapi_connection: Any) -> None:
    """Run now the change log's triggers waiting for the commit, before DDL on the tables
    they watch (PostgreSQL refuses ALTER TABLE or CREATE INDEX on a table with pending
    trigger events). Their lock is the transaction's until it ends, so the positions still
    follow commit order; the statements after this are deferred again."""
    dbapi_connection.execute("SET CONSTRAINTS ALL IMMEDIATE")
    dbapi_connection.execute("SET CONSTRAINTS ALL DEFERRED")


CHANGE_LOG_TRIGGERS = (
    *CHANGE_LOG_FUNCTION,
    *(
        f"CREATE CONSTRAINT TRIGGER {table}_change_log AFTER INSERT OR UPDATE OR DELETE "
        f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
        f"amicale_log_change({', '.join(repr(c) for c in key)})"
        for table, key in SYNCED_TABLES.items()
    ),
)
CHANGE_LOG_DROP = (
    *(f"DROP TRIGGER IF EXISTS {table}_change_log ON {table}" for table in SYNCED_TABLES),
    "DROP FUNCTION IF EXISTS amicale_log_change()",
)

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

# Who did it (0011): on a server, the login that wrote the event, whatever the client says.
AUDIT_ACTOR_TRIGGER = (
    "CREATE OR REPLACE FUNCTION audit_event_actor() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN NEW.actor := current_user; RETURN NEW; END $$",
    "CREATE TRIGGER audit_event_actor_bi BEFORE INSERT OR UPDATE ON audit_event FOR EACH ROW "
    "EXECUTE FUNCTION audit_event_actor()",
)
# Each member's version (0011), bumped at every update unless the update sets it itself.
VERSION_TRIGGER = (
    "CREATE OR REPLACE FUNCTION member_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF; "
    "RETURN NEW; END $$",
    "CREATE TRIGGER member_version_bu BEFORE UPDATE ON member FOR EACH ROW "
    "EXECUTE FUNCTION member_version_bump()",
    *AUDIT_ACTOR_TRIGGER,
)
VERSION_TRIGGER_DROP = (
    "DROP TRIGGER IF EXISTS audit_event_actor_bi ON audit_event",
    "DROP FUNCTION IF EXISTS audit_event_actor()",
    "DROP TRIGGER IF EXISTS member_version_bu ON member",
    "DROP FUNCTION IF EXISTS member_version_bump()",
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

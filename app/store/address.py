"""Where a store is: a file path, or the address of a team's PostgreSQL server.

``--db``, ``AMICALE_DB`` and the window's "Connect to a team directory…" all give text; this
is the one place that tells a path from a URL, and refuses what is neither with a sentence
(until now ``--db postgresql://…`` silently made a folder named ``postgresql:``).
"""

from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa

from app.errors import StoreError
from app.messages import QT_TRANSLATE_NOOP, Message

# Schemes a user may type for a team server; all go through psycopg 3.
SERVER_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg3"}
DRIVER = "postgresql+psycopg"
# Something that looks like "scheme://" (a Windows drive "C:\\" has a one-letter scheme).
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):(//|$)")

T_UNKNOWN_SCHEME = QT_TRANSLATE_NOOP(
    "Messages",
    "'{0}' is not a kind of store Amicale opens: give a data file's path, "
    "or a team server as postgresql://user@host/database",
)
T_BAD_URL = QT_TRANSLATE_NOOP(
    "Messages", "'{0}' is not a valid team server address (postgresql://user@host/database)"
)


def locate(target: Path | str | sa.URL) -> Path | sa.URL:
    """A file's Path, or the SQLAlchemy URL of a team server; StoreError for anything else."""
    if isinstance(target, Path):
        return target
    if isinstance(target, sa.URL):
        return target.set(drivername=DRIVER)
    text = target.strip()
    match = _URL.match(text)
    if match is None:
        return Path(text).expanduser()
    scheme = match.group(1).lower()
    if scheme == "sqlite":
        return Path(text.split(":///", 1)[-1]).expanduser()
    if scheme not in SERVER_SCHEMES:
        raise StoreError(Message(T_UNKNOWN_SCHEME, scheme + ":"))
    try:
        url = sa.make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(Message(T_BAD_URL, display_text(text))) from exc
    if not url.database or not url.host:
        raise StoreError(Message(T_BAD_URL, display_text(text)))
    return url.set(drivername=DRIVER)


def is_server(target: Path | str) -> bool:
    return isinstance(target, str) and isinstance(locate(target), sa.URL)


def display(url: sa.URL) -> str:
    """user@host:port/database, never the password."""
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"{user}{url.host}{port}/{url.database}"


def display_text(text: str) -> str:
    """A typed address with its password (if any) hidden."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", text)

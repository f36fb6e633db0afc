"""The association this store belongs to: its name and the CM's signature."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from app.store import Store
from app.store.schema import setting

NAME_KEY = "association.name"
SIGNATURE_KEY = "association.signature"


@dataclass(frozen=True)
class Association:
    name: str
    signature: str


def get_setting(conn: sa.Connection, key: str) -> str | None:
    return conn.execute(sa.select(setting.c.value).where(setting.c.key == key)).scalar()


def put_setting(conn: sa.Connection, key: str, value: str) -> None:
    updated = conn.execute(setting.update().where(setting.c.key == key).values(value=value))
    if updated.rowcount == 0:
        conn.execute(setting.insert().values(key=key, value=value))


def load(store: Store) -> Association | None:
    """None until the CM has named the association (first start)."""
    with store.read() as conn:
        name = get_setting(conn, NAME_KEY)
        signature = get_setting(conn, SIGNATURE_KEY)
    if not name:
        return None
    return Association(name, signature or "")


def save(store: Store, association: Association) -> None:
    name = association.name.strip()
    if not name:
        from app.errors import ValidationError

        raise ValidationError({"name": "the association needs a name"})
    with store.write() as conn:
        put_setting(conn, NAME_KEY, name)
        put_setting(conn, SIGNATURE_KEY, association.signature.strip())

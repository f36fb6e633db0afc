"""Attachments (images): copied into the store's folder, so the store and its files move
together and the original can be deleted; the database keeps the path relative to it."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path

import sqlalchemy as sa

from app.clock import now_iso
from app.errors import AmicaleError, NotFoundError
from app.posts import new_id
from app.store import Store
from app.store.schema import attachment

MAX_BYTES = 50 * 1024 * 1024
_UNSAFE = re.compile(r"[^\w.-]+")


def files_dir(store: Store) -> Path:
    """``<store>.files/`` next to the SQLite file."""
    return store.path.with_name(store.path.name + ".files")


def resolve_path(store: Store, relative: str) -> Path:
    path = (files_dir(store) / relative).resolve()
    if not path.is_relative_to(files_dir(store).resolve()):
        raise AmicaleError("an attachment path leaves the store's folder")
    return path


def add_attachment(store: Store, post_id: int, source: Path) -> int:
    source = Path(source)
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise AmicaleError(f"cannot read {source.name}: {exc.strerror}") from exc
    if not source.is_file():
        raise AmicaleError(f"{source.name} is not a file")
    if size > MAX_BYTES:
        raise AmicaleError(f"{source.name} is larger than 50 MB")
    safe = _UNSAFE.sub("_", source.name)[-80:] or "file"
    relative = f"attachments/{post_id}/{uuid.uuid4().hex[:12]}-{safe}"
    target = resolve_path(store, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        raise AmicaleError(f"cannot copy {source.name}: {exc.strerror}") from exc
    try:
        with store.write() as conn:
            return new_id(
                conn.execute(
                    attachment.insert().values(
                        post_id=post_id,
                        path=relative,
                        original_name=source.name,
                        created_at=now_iso(),
                    )
                )
            )
    except Exception:
        target.unlink(missing_ok=True)
        raise


def remove_attachment(store: Store, attachment_id: int) -> None:
    with store.write() as conn:
        relative = conn.execute(
            sa.select(attachment.c.path).where(attachment.c.id == attachment_id)
        ).scalar()
        if relative is None:
            raise NotFoundError(f"no attachment {attachment_id}")
        conn.execute(attachment.delete().where(attachment.c.id == attachment_id))
    resolve_path(store, relative).unlink(missing_ok=True)

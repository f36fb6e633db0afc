"""Safe copies of the store: back up, restore (keeping what was there), and where they go."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from app import files
from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import cipher, sqlite
from app.store.engine import Store
from app.store.schema import SCHEMA_HEAD


def default_backup_path(db: Path, prefix: str = "amicale") -> Path:
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    return db.parent / "backups" / f"{prefix}-{stamp}.sqlite3"


def backup(
    db: Path, target: Path | None = None, key: str | None = None
) -> tuple[Path, dict[str, int]]:
    """A verified copy of ``db`` (encrypted with ``key`` like the store, if it is); returns
    where it went and its row counts."""
    target = target or default_backup_path(db)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return target, sqlite.backup_file(db, target, key)


def backup_store(store: Store, target: Path | None = None) -> tuple[Path, dict[str, int]]:
    """A verified copy of ``store``: of its file, or, for a team directory, a portable SQLite
    file with the same rows (a team can go back to solo from it)."""
    if not store.is_team:
        return backup(store.path, target, store.key)
    from app import permissions
    from app.store.copy import backup_to_file

    permissions.require(store, permissions.EXPORT)  # the whole directory leaves the server

    target = target or default_backup_path(store.path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return target, backup_to_file(store, target)


def restore(source: Path, db: Path, key: str | None = None) -> Path | None:
    """Replace ``db`` with the backup ``source``; return where the previous file was kept.

    A readable previous store is backed up; a damaged one is moved aside untouched. An
    encrypted backup or store is read with ``key`` (the same passphrase for both).
    """
    files.check_input(source)
    source_key = key if cipher.is_encrypted(source) else None
    db_key = key if db.exists() and cipher.is_encrypted(db) else None
    if files.is_store_file(source, db):
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "{0} is the data file itself, not a backup of it"),
                str(source),
            )
        )
    # (A store that is not plain SQLite and no passphrase given: damaged, moved aside below.)
    if key is None and cipher.is_encrypted(source):
        raise cipher.PassphraseError(Message(cipher.T_ENCRYPTED, str(source)))
    revision = sqlite.read_revision(source, source_key)
    if revision is None:
        raise AmicaleError(f"{source} is not an Amicale backup (it holds no schema)")
    from app.store import migrations  # Alembic costs ~0.1 s: not at every start-up

    if revision != SCHEMA_HEAD and not migrations.is_known(revision):
        raise AmicaleError(f"{source} was written by a newer version of Amicale")
    kept: Path | None = None
    if db.exists():
        kept = default_backup_path(db, "before-restore")
        kept.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            sqlite.read_revision(db, db_key)
            sqlite.backup_file(db, kept, db_key)
        except cipher.PassphraseError:
            raise
        except AmicaleError:
            kept = kept.with_suffix(".damaged")
            db.rename(kept)
            for extra in ("-wal", "-shm"):
                Path(f"{db}{extra}").unlink(missing_ok=True)
        if db.exists() and db_key != source_key:
            # Plain over encrypted or the reverse: the pages are replaced, not read (kept
            # above), so the file starts empty.
            os.truncate(db, 0)
            for extra in ("-wal", "-shm"):
                Path(f"{db}{extra}").unlink(missing_ok=True)
    sqlite.restore_file(source, db, source_key)
    return kept

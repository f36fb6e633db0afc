"""The post editor's autosaved draft: what was typed, in a file under the config folder.

While a post being edited has unsaved changes, the editor writes its fields here every few
seconds; the file goes when the post is saved or the changes are discarded. One left behind
(a crash, a power cut) is offered back the next time that post, or a new post, is opened.
Kept per store and per post, as plain JSON; nothing here knows of Qt.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from app.paths import config_dir

FOLDER = "drafts"


def draft_path(store_path: Path, post_id: int | None) -> Path:
    """The file of ``post_id``'s autosaved draft (``None``: a new post) in that store."""
    digest = hashlib.sha256(str(Path(store_path).resolve()).encode()).hexdigest()[:16]
    name = f"post-{post_id}.json" if post_id is not None else "post-new.json"
    return config_dir() / FOLDER / digest / name


def save(path: Path, fields: dict[str, Any]) -> None:
    """Write ``fields`` atomically (a crash mid-write leaves the previous draft)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(fields, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)


def load(path: Path) -> dict[str, Any] | None:
    """The draft kept in ``path``, or None (none, or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def clear(path: Path) -> None:
    path.unlink(missing_ok=True)

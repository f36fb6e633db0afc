"""Time as the store keeps it: UTC, ISO 8601 with its offset."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_local(iso: str | None) -> datetime | None:
    """A stored timestamp in the user's local time zone (None stays None)."""
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone()

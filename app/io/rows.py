"""What a reader yields: a row of text with its line number, or a row it could not read.

Its own module, so that app.io.readers (which makes rows) and app.io.mapping (which turns
them into members) both use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceRow:
    line: int  # 1-based physical line (CSV), sheet row (XLSX) or card number (vCard)
    values: dict[str, str]  # every header → raw text ('' when empty), plus "__" keys


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    reason: str


Item = SourceRow | RowError

"""The labelled fixture: precision and recall of the graduate match and of "reject"."""

from __future__ import annotations

import json
from pathlib import Path

from app.demo import moderation as samples
from app.moderation.intake import NewItem
from tests.fixtures.moderation.make_fixture import COUNTS, FIXTURE, build_store, draw


def _labelled() -> list[tuple[NewItem, samples.Label]]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [(NewItem(**r["item"]), samples.Label(**r["label"])) for r in rows]


def test_fixture_is_big_enough_and_mixed() -> None:
    labelled = _labelled()
    assert len(labelled) >= 300
    categories = {label.category for _, label in labelled}
    assert {"impostor", "recruiting", "commercial", "spam", "ordinary"} <= categories
    assert {c for c in categories if c.startswith("graduate_")} == {
        f"graduate_{v}" for v in samples.GRADUATE_VARIANTS
    }
    assert sum(1 for _, label in labelled if label.graduate) == COUNTS["graduate"]


def test_fixture_is_what_the_script_draws(tmp_path: Path) -> None:
    store = build_store(tmp_path / "fixture.sqlite3")
    try:
        assert draw(store) == json.loads(FIXTURE.read_text(encoding="utf-8"))
    finally:
        store.close()


def test_quality_on_the_labelled_fixture(tmp_path: Path) -> None:
    store = build_store(tmp_path / "quality.sqlite3")
    try:
        quality = samples.evaluate(store, _labelled())
    finally:
        store.close()
    report = "\n".join(map(str, quality.mistakes))
    assert quality.graduate_precision >= 0.97, report
    assert quality.graduate_recall >= 0.90, report
    assert quality.reject_precision >= 0.97, report
    assert quality.reject_recall >= 0.90, report
    assert quality.ordinary_rejected == 0, report

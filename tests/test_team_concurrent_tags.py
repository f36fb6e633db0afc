"""Two animators putting the same new tag on members at the same moment, on a server: one
tag (and one category) is created, both saves succeed, nothing is refused."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import sqlalchemy as sa

from app.members.service import MemberDirectory
from app.store import open_store


@pytest.mark.parametrize("label", ["Voile", "Loisirs/Voile"])
def test_the_same_new_tag_created_twice_at_once_is_one_tag(pg_url: str, label: str) -> None:
    stores = [open_store(pg_url), open_store(pg_url)]
    try:
        directory = MemberDirectory(stores[0])
        ids = [directory.create({"first_name": f"M{i}", "last_name": "Test"}) for i in range(2)]
        errors: list[BaseException] = []
        barrier = threading.Barrier(2)

        def tag(store: Any, member_id: int) -> None:
            try:
                barrier.wait()
                MemberDirectory(store).update(member_id, {}, [label])
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        for _ in range(10):  # a race: try it a few times
            threads = [
                threading.Thread(target=tag, args=(s, m)) for s, m in zip(stores, ids, strict=True)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert errors == []
            with stores[0].read() as conn:
                tags = conn.execute(sa.text("SELECT count(*) FROM tag")).scalar()
                categories = conn.execute(sa.text("SELECT count(*) FROM tag_category")).scalar()
            assert tags == 1 and categories == (1 if "/" in label else 0)
            for member_id in ids:
                assert directory.get(member_id).tags == [label]
            with stores[0].write() as conn:  # start again from no tag at all
                conn.execute(sa.text("DELETE FROM member_tag"))
                conn.execute(sa.text("DELETE FROM tag"))
                conn.execute(sa.text("DELETE FROM tag_category"))
    finally:
        for store in stores:
            store.close()

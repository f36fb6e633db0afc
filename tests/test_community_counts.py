"""The communities' counts kept by triggers (migration 0011) against a count from scratch.

The Dashboard reads each community's size, the members each pair shares and how many
members are in one, two, three or more communities from ``community_pair`` and
``community_spread``; whatever changes the memberships, they must equal what counting
``member_community`` itself gives.
"""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations
from pathlib import Path

import sqlalchemy as sa

from app.demo import build_demo
from app.members.service import MemberDirectory
from app.store import Store, migrations, open_store
from app.store.schema import community, community_pair, community_spread, member_community


def _kept(conn: sa.Connection) -> tuple[dict[tuple[int, int], int], dict[int, int]]:
    p, s = community_pair, community_spread
    pairs = {
        (a, b): n
        for a, b, n in conn.execute(sa.select(p.c.first_id, p.c.second_id, p.c.members))
        if n
    }
    spread = {k: n for k, n in conn.execute(sa.select(s.c.communities, s.c.members)) if n}
    return pairs, spread


def _counted(conn: sa.Connection) -> tuple[dict[tuple[int, int], int], dict[int, int]]:
    """Counted in Python from the memberships themselves."""
    of: dict[int, list[int]] = {}
    for member_id, community_id in conn.execute(
        sa.select(member_community.c.member_id, member_community.c.community_id)
    ):
        of.setdefault(member_id, []).append(community_id)
    pairs: Counter[tuple[int, int]] = Counter()
    for ids in of.values():
        for c in ids:
            pairs[(c, c)] += 1
        for a, b in combinations(sorted(ids), 2):
            pairs[(a, b)] += 1
    return dict(pairs), dict(Counter(len(ids) for ids in of.values()))


def _check(store: Store) -> None:
    with store.read() as conn:
        assert _kept(conn) == _counted(conn)


def _store_with_communities(
    tmp_path: Path, members: int = 12
) -> tuple[Store, list[int], list[int]]:
    store = open_store(tmp_path / "counts.sqlite3")
    directory = MemberDirectory(store)
    ids = [directory.create({"first_name": f"M{i}", "last_name": "Test"}) for i in range(members)]
    with store.write() as conn:
        communities = [
            conn.execute(
                community.insert().values(name=name, name_key=name.lower(), network="linkedin")
            ).inserted_primary_key[0]
            for name in ("Lyon", "Chimie", "Paris", "Rugby")
        ]
    return store, ids, communities


def test_random_changes_keep_the_counts(tmp_path: Path) -> None:
    store, ids, communities = _store_with_communities(tmp_path)
    chance = random.Random(13)
    try:
        for _ in range(150):
            with store.write() as conn:
                rows = conn.execute(
                    sa.select(member_community.c.member_id, member_community.c.community_id)
                ).all()
                action = chance.choice(("insert", "insert", "delete", "move", "switch"))
                if action == "insert" or not rows:
                    conn.execute(
                        sa.insert(member_community)
                        .prefix_with("OR IGNORE")
                        .values(
                            member_id=chance.choice(ids), community_id=chance.choice(communities)
                        )
                    )
                    continue
                member_id, community_id = chance.choice(rows)
                row = sa.and_(
                    member_community.c.member_id == member_id,
                    member_community.c.community_id == community_id,
                )
                if action == "delete":
                    conn.execute(member_community.delete().where(row))
                    continue
                # An update of the key: another community for the same member, or the same
                # community for another member (skipped when that row exists already).
                values = (
                    {"community_id": chance.choice(communities)}
                    if action == "move"
                    else {"member_id": chance.choice(ids)}
                )
                target = (
                    values.get("member_id", member_id),
                    values.get("community_id", community_id),
                )
                if target not in {tuple(r) for r in rows}:
                    conn.execute(member_community.update().where(row).values(**values))
            _check(store)
    finally:
        store.close()


def test_deleted_members_and_communities_leave_the_counts(tmp_path: Path) -> None:
    store, ids, communities = _store_with_communities(tmp_path)
    try:
        with store.write() as conn:
            conn.execute(
                member_community.insert(),
                [
                    {"member_id": m, "community_id": c}
                    for i, m in enumerate(ids)
                    for c in communities[: 1 + i % 4]
                ],
            )
        _check(store)
        with store.read() as conn:
            pairs, spread = _kept(conn)
        lyon, chimie = communities[:2]
        assert spread == {1: 3, 2: 3, 3: 3, 4: 3}
        assert pairs[(lyon, lyon)] == 12 and pairs[(min(lyon, chimie), max(lyon, chimie))] == 9
        directory = MemberDirectory(store)
        deleted = directory.delete(ids[:5])  # cascades to their memberships
        _check(store)
        directory.restore(deleted)
        _check(store)
        with store.write() as conn:
            conn.execute(community.delete().where(community.c.id == chimie))  # cascades too
        _check(store)
        with store.read() as conn:
            pairs, spread = _kept(conn)
        # Without Chimie, those in two communities are in one, those in three in two, etc.
        assert (chimie, chimie) not in pairs and spread == {1: 6, 2: 3, 3: 3}
    finally:
        store.close()


def test_the_upgrade_counts_what_is_there(tmp_path: Path) -> None:
    store, ids, communities = _store_with_communities(tmp_path)
    with store.write() as conn:
        conn.execute(
            member_community.insert(),
            [{"member_id": m, "community_id": communities[m % 3]} for m in ids]
            + [{"member_id": ids[0], "community_id": communities[3]}],
        )
    migrations.downgrade(store.engine, "0010")
    store.close()
    store = open_store(tmp_path / "counts.sqlite3")
    try:
        assert store.report.upgraded_from == "0010"
        _check(store)
        with store.read() as conn:
            assert _kept(conn)[1] == {1: 11, 2: 1}
    finally:
        store.close()


def test_the_demo_counts_once_at_the_end(tmp_path: Path) -> None:
    store = open_store(tmp_path / "demo.sqlite3")
    try:
        build_demo(store, members=600, seed=3, moderation=False)
        _check(store)
        with store.read() as conn:
            triggers = {
                name
                for (name,) in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                    "AND tbl_name = 'member_community'"
                )
            }
            assert len(_kept(conn)[0]) > 4  # the demo's members are in several communities
        assert triggers == {
            "member_community_counts_ai",
            "member_community_counts_ad",
            "member_community_counts_au",
        }
    finally:
        store.close()

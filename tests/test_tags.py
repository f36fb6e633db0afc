"""Tag management and bulk tagging (app/tags.py) on real stores."""

from __future__ import annotations

import pytest

from app import audit, segments, tags
from app.errors import AmicaleError, NotFoundError
from app.members.search import QuerySyntaxError
from app.members.service import MemberDirectory
from app.store import Store
from app.tags import CategoryInfo, TagInfo

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL


def by_name(tree: list[CategoryInfo]) -> dict[str, TagInfo]:
    return {f"{c.name}/{t.name}": t for c in tree for t in c.tags}


def tag_id(store: Store, label: str) -> int:
    return by_name(tags.tag_tree(store))[label].id


def count(store: Store, query: str) -> int:
    return MemberDirectory(store).count(query)


def test_tree_without_query_counts_every_member(store: Store, people: dict[str, int]) -> None:
    tree = tags.tag_tree(store)
    assert [c.name for c in tree] == ["Géographie", "Métier"]
    assert [t.name for t in tree[0].tags] == ["Alsace", "Lyon", "Saint-Étienne"]
    counts = {label: t.count for label, t in by_name(tree).items()}
    assert counts == {
        "Géographie/Alsace": 1,
        "Géographie/Lyon": 2,
        "Géographie/Saint-Étienne": 1,
        "Métier/Chimie": 3,
        "Métier/Pharmacie": 1,
    }
    lyon = by_name(tree)["Géographie/Lyon"]
    assert lyon.query == f"tag:#{lyon.id}"
    assert count(store, lyon.query) == 2


def test_tree_counts_within_a_query(store: Store, people: dict[str, int]) -> None:
    counts = {
        label: t.count for label, t in by_name(tags.tag_tree(store, "promo:2000..2010")).items()
    }
    # Dupont (2005, Saint-Étienne) and Martin (2008, Lyon)
    assert counts["Métier/Chimie"] == 2
    assert counts["Géographie/Lyon"] == 1
    assert counts["Géographie/Alsace"] == 0
    assert counts["Métier/Pharmacie"] == 0
    with pytest.raises(QuerySyntaxError):
        tags.tag_tree(store, "promo:(")


def test_tags_without_category_come_last(store: Store, people: dict[str, int]) -> None:
    tags.create(store, "Bénévole")
    tree = tags.tag_tree(store)
    assert tree[-1].name == ""
    assert [t.name for t in tree[-1].tags] == ["Bénévole"]


def test_create_refuses_a_clash_in_the_same_category(store: Store, people: dict[str, int]) -> None:
    with pytest.raises(AmicaleError):
        tags.create(store, "lyon", "géographie")
    with pytest.raises(AmicaleError):
        tags.create(store, "  ")
    with pytest.raises(AmicaleError):
        tags.create(store, "a/b", "Métier")
    new = tags.create(store, "Lyon", "Métier")  # another category: allowed
    assert tags.get(store, new).category == "Métier"


def test_rename_keeps_a_saved_segment_working(store: Store, people: dict[str, int]) -> None:
    saved = segments.save(store, "S", "tag:lyon")
    before = segments.counts(store, [segments.get(store, saved.id)])[saved.id]
    assert before == 2
    lyon = tag_id(store, "Géographie/Lyon")
    tags.rename(store, lyon, "Lyon Métropole")
    after = segments.get(store, saved.id)
    assert segments.counts(store, [after])[saved.id] == before
    assert "Lyon Métropole" in after.query
    assert count(store, 'tag:"lyon metropole"') == 2
    info = tags.get(store, lyon)
    assert (info.name, info.category, info.count) == ("Lyon Métropole", "Géographie", 2)
    assert audit.recent(store, actions=("tag-rename",))[0].detail == {
        "from": "Lyon",
        "to": "Lyon Métropole",
    }


def test_rename_refuses_a_clash(store: Store, people: dict[str, int]) -> None:
    lyon = tag_id(store, "Géographie/Lyon")
    with pytest.raises(AmicaleError):
        tags.rename(store, lyon, "ALSACE")
    tags.rename(store, lyon, "lyon")  # its own name, other case: fine
    assert tags.get(store, lyon).name == "lyon"
    with pytest.raises(NotFoundError):
        tags.rename(store, 9999, "x")


def test_color_and_move(store: Store, people: dict[str, int]) -> None:
    chimie = tag_id(store, "Métier/Chimie")
    tags.set_color(store, chimie, "#ff0000")
    tags.move(store, chimie, "Loisirs")
    info = tags.get(store, chimie)
    assert (info.color, info.category, info.count) == ("#ff0000", "Loisirs", 3)
    assert "Loisirs" in tags.categories(store)
    assert count(store, "tag:loisirs/chimie") == 3
    tags.create(store, "Chimie", "Métier")
    with pytest.raises(AmicaleError):
        tags.move(store, chimie, "métier")


def test_merge_moves_members_and_rewrites_segments(store: Store, people: dict[str, int]) -> None:
    lyon = tag_id(store, "Géographie/Lyon")
    alsace = tag_id(store, "Géographie/Alsace")
    saved = segments.save(store, "Alsaciens", "tag:alsace -promo:1999")
    added = tags.merge(store, alsace, lyon)
    assert added == 1
    assert tags.get(store, lyon).count == 3
    with pytest.raises(NotFoundError):
        tags.get(store, alsace)
    assert segments.counts(store, [segments.get(store, saved.id)])[saved.id] == 2
    assert "Lyon" in segments.get(store, saved.id).query
    with pytest.raises(AmicaleError):
        tags.merge(store, lyon, lyon)


def test_delete_and_restore(store: Store, people: dict[str, int]) -> None:
    chimie = tag_id(store, "Métier/Chimie")
    saved = segments.save(store, "Chimistes", "tag:chimie")
    deleted = tags.delete(store, chimie)
    assert sorted(deleted.member_ids) == sorted(people[n] for n in ("Dupont", "Dupuis", "Martin"))
    assert "Métier/Chimie" not in by_name(tags.tag_tree(store))
    assert count(store, f"tag:#{chimie}") == 0
    assert MemberDirectory(store).total() == len(people)
    tags.restore(store, deleted)
    assert tags.get(store, chimie).count == 3
    assert segments.counts(store, [segments.get(store, saved.id)])[saved.id] == 3
    actions = [e.action for e in audit.recent(store, actions=("tag-delete", "tag-restore"))]
    assert actions == ["tag-restore", "tag-delete"]


def test_tag_and_untag_members(store: Store, people: dict[str, int]) -> None:
    new = tags.create(store, "VIP", "Loisirs")
    assert tags.tag_members(store, new, [people["Dupont"], people["Martin"], 424242]) == 2
    assert tags.tag_members(store, new, [people["Dupont"]]) == 0
    assert tags.untag_members(store, new, [people["Dupont"]]) == 1
    assert tags.get(store, new).count == 1


def test_tag_query_is_set_based(store: Store, people: dict[str, int]) -> None:
    new = tags.create(store, "Lyonnais", "Loisirs")
    assert tags.tag_query(store, new, "city:lyon") == 2
    assert tags.tag_query(store, new, "city:lyon OR city:brest") == 1
    assert tags.get(store, new).count == 3
    assert tags.untag_query(store, new, "city:brest") == 1
    assert tags.tag_query(store, new, "") == len(people) - 2
    with pytest.raises(QuerySyntaxError):
        tags.tag_query(store, new, "promo:(")
    assert audit.recent(store, actions=("tag-query",))[0].detail == {"query": "", "added": 4}


def test_tag_emails(store: Store, people: dict[str, int]) -> None:
    new = tags.create(store, "Newsletter", "Loisirs")
    text = (
        "EMILIE.DUPONT@example.org, Zoé <zoe@example.org>;\nnobody@example.org\n\nzoe@example.org"
    )
    tagged, missing = tags.tag_emails(store, new, text)
    assert tagged == 2
    assert missing == ["nobody@example.org"]
    assert count(store, f"tag:#{new}") == 2
    assert tags.parse_emails("a@b.fr;mailto:C@D.fr , a@b.fr") == ["a@b.fr", "c@d.fr"]

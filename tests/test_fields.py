"""The registry of member fields (app/members/fields.py) against the schema and its readers.

Every list of member fields in Amicale is a view of the registry. These tests build each
view from the registry, check it against the ``member`` table, check that the modules really
use it, and show that one more field (one line, plus its column) reaches every view.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from app.cli import main
from app.io import export, mapping
from app.members import fields, query, service, validation
from app.members.fields import Field
from app.members.service import MemberDirectory
from app.store import Store
from app.store.schema import FTS_COLUMNS, member

DESIGN_FIELDS = (
    "tag", "promo", "city", "region", "country", "company", "title", "school", "community",
    "dues", "status", "verified", "consent", "has", "birthday", "added", "updated", "source",
)  # fmt: skip
_COLUMN_TYPES = {"int": sa.Integer, "bool": sa.Boolean}


def problems(registry: tuple[Field, ...], table: sa.Table) -> list[str]:
    """What is wrong between a registry and a ``member`` table ([] when they agree)."""
    found: list[str] = []
    columns = [c.name for c in table.columns if c.name not in fields.INTERNAL_COLUMNS]
    stored = list(fields.stored_names(registry))
    found += [f"{name}: no column of member" for name in stored if name not in columns]
    found += [f"column {name}: no field of the registry" for name in columns if name not in stored]
    if [c for c in columns if c in stored] != [s for s in stored if s in columns]:
        found.append("the registry's stored fields are not in the order of the columns")
    seen: set[str] = set()
    for field in registry:
        if field.name in seen:
            found.append(f"{field.name}: twice")
        seen.add(field.name)
        if not field.title:
            found.append(f"{field.name}: no title")
        if field.stored and field.name in table.c:
            wanted = _COLUMN_TYPES.get(field.kind, sa.Text)
            if not isinstance(table.c[field.name].type, wanted):
                found.append(f"{field.name}: a {field.kind} field in a {table.c[field.name].type}")
        if (field.kind == "enum") != bool(field.values):
            found.append(f"{field.name}: values are for enums, and enums need them")
        if field.export_default and field.export is None:
            found.append(f"{field.name}: exported by default but not exportable")
        if field.table_default is not None and not field.table:
            found.append(f"{field.name}: shown by default but not in the list")
        if field.table and field.export is None:
            found.append(f"{field.name}: in the list but not exportable")
        if field.card is not None and not field.editable and field.stored:
            found.append(f"{field.name}: in the card but not editable")
    for view, places in (("card", [f.card for f in registry]),
                         ("table_default", [f.table_default for f in registry])):  # fmt: skip
        numbers = [p for p in places if p is not None]
        if len(numbers) != len(set(numbers)):
            found.append(f"two fields at the same place of {view}")
    aliases = [a for f in registry if f.aliases for a in f.aliases.split("|")]
    searched = [a for f in registry for a in (*f.search, *f.has)]
    if len(aliases) != len(set(aliases)):
        found.append("an import header names two fields")
    if len({a for f in registry for a in f.search}) != sum(len(f.search) for f in registry):
        found.append("a search name names two fields")
    found += [f"search name {a!r} is not folded" for a in searched if a != a.lower()]
    return found


def test_the_registry_and_the_member_table_agree() -> None:
    assert problems(fields.FIELDS, member) == []
    # Every column the user edits is a field of the registry (the others are the store's).
    store_only = {
        "id", "sort_name", "linkedin_key", "created_at", "updated_at", "updated_by", "version",
    }  # fmt: skip
    editable = {c.name for c in member.columns} - store_only - {"verified_at", "consent_at"}
    assert editable == set(fields.editable_fields())


def test_the_modules_read_the_registry() -> None:
    assert fields.table_columns() == service.LIST_COLUMNS
    assert set(service.DATA_COLUMNS) <= set(member.c.keys())
    assert fields.export_headers() == export.EXPORT_HEADERS
    assert fields.export_defaults() == export.DEFAULT_COLUMNS
    # Whatever the member list shows can be exported.
    assert export.EXPORT_COLUMNS == service.LIST_COLUMNS
    assert fields.editable_fields() == validation.EDITABLE_FIELDS
    assert set(validation.RULES) == set(fields.Rule.__args__)  # type: ignore[attr-defined]
    assert validation.STATUSES == ("member", "former", "lost")
    assert validation.VERIFICATIONS == ("unverified", "verified", "rejected")
    assert set(fields.importable()) <= set(mapping.FIELDS)
    assert query.FIELD_ALIASES.items() >= fields.search_aliases().items()
    # The search language (DESIGN.md §3), spelled out independently of the registry.
    assert sorted(DESIGN_FIELDS) == query.FIELDS
    assert set(query.FTS_FIELDS.values()) <= set(FTS_COLUMNS)


def test_every_import_header_of_the_registry_maps_to_its_field() -> None:
    every = (*fields.FIELDS, *fields.IMPORT_ONLY)
    phrases = [a for f in every if f.aliases for a in f.aliases.split("|")]
    assert len(phrases) == len(set(phrases))
    for header, name in fields.header_aliases(every).items():
        assert mapping.guess_mapping([header], "csv") == {header: name}, header
    # Cells other than text need their own cleaning (a year, a date, a flag).
    for name in fields.importable():
        if fields.BY_NAME[name].kind not in ("text", "multiline"):
            assert mapping._HANDLERS[name] is not None, name


def test_validation_takes_every_editable_field(today: date) -> None:
    empty = validation.normalise(dict.fromkeys(fields.editable_fields(), ""), today)
    flags = {f.name for f in fields.FIELDS if f.kind == "bool"}
    assert empty == {name: (False if name in flags else None) for name in empty}
    assert list(empty) == list(fields.editable_fields())


@pytest.mark.parametrize("alias", sorted(query.FIELD_ALIASES))
def test_every_search_name_compiles(alias: str, today: date) -> None:
    canonical = query.FIELD_ALIASES[alias]
    sample = {
        "promo": "2005", "dues": "paid", "status": "member", "verified": "yes",
        "consent": "yes", "has": "email", "birthday": "today", "added": "2024",
        "updated": "2024",
    }.get(canonical, "lyon")  # fmt: skip
    condition = query.condition_for(f"{alias}:{sample}", query.QueryContext(today))
    assert str(sa.select(member.c.id).where(condition))


def test_member_show_json_has_the_registry_keys(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int]
) -> None:
    assert main(["--db", store.address, "member", "show", str(people["Martin"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert tuple(shown) == fields.show_keys()
    assert tuple(MemberDirectory(store).get(people["Martin"]).values) == fields.stored_names()


def test_the_card_and_the_list_follow_the_registry(store: Store, qtbot: QtBot) -> None:
    from ui.labels import field_title
    from ui.models.member_table import MemberTableModel
    from ui.panels.member_card import CARD_FIELDS, MemberCard
    from ui.panels.members import DEFAULT_COLUMNS

    directory = MemberDirectory(store)
    card = MemberCard(directory)
    qtbot.addWidget(card)
    assert fields.card_fields() == CARD_FIELDS
    assert tuple(card.editors) == tuple(k for k in fields.card_fields() if k != "communities")
    model = MemberTableModel(directory)
    assert model.columns == fields.table_columns()
    titles = [model.headerData(i, sa_horizontal()) for i in range(model.columnCount())]
    assert titles == [field_title(c) for c in model.columns]
    assert "Class year" in titles and "promo" not in titles
    assert fields.table_defaults() == DEFAULT_COLUMNS
    # The import dialog names every field it offers (full name and "Connected On" too).
    assert all(field_title(name) != name for name in mapping.FIELDS)


def sa_horizontal() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


# --- one more field: one line in the registry, one column in a migration ------------------

NICKNAME = Field(
    "nickname", "Nickname", "text", sort="folded",
    search=("nickname", "surnom"), export="Nickname", aliases="surnom|nickname|pseudo",
    card=22, table=True,
)  # fmt: skip


def _with(extra: Field) -> tuple[Field, ...]:
    """The registry with ``extra`` where a new field goes: after the last stored field."""
    stored = [f for f in fields.FIELDS if f.stored]
    computed = [f for f in fields.FIELDS if not f.stored]
    return (*stored, extra, *computed)


def _member_with(*columns: sa.Column[object]) -> sa.Table:
    """``member`` as the migration adding ``columns`` leaves it."""
    copied = [sa.Column(c.name, c.type) for c in member.columns]
    table = sa.Table("member", sa.MetaData(), *copied)
    for column in columns:
        table.append_column(column)
    return table


def test_one_more_field_is_one_line_and_a_migration() -> None:
    registry = _with(NICKNAME)
    # Without its column, the registry and the schema disagree, and the test says so…
    assert problems(registry, member) == ["nickname: no column of member"]
    # …with it, they agree.
    assert problems(registry, _member_with(sa.Column("nickname", sa.Text))) == []
    # Every view of the registry has it, at its place.
    assert fields.table_columns(registry)[-3:] == ("nickname", "tags", "communities")
    assert fields.export_headers(registry)["nickname"] == "Nickname"
    assert "nickname" not in fields.export_defaults(registry)
    assert fields.card_fields(registry)[-1] == "nickname"
    assert fields.header_aliases(registry)["surnom"] == "nickname"
    assert fields.importable(registry)[-2:] == ("nickname", "tags")
    assert fields.search_aliases(registry)["surnom"] == "nickname"
    assert fields.search_columns(registry)["nickname"] == "nickname"
    assert fields.folded_sort(registry) == fields.folded_sort() | {"nickname"}
    assert "nickname" in fields.text_fields(registry)
    assert fields.editable_fields(registry) == (
        *fields.text_fields(registry),
        *(n for n in fields.editable_fields() if n not in fields.text_fields()),
    )
    assert fields.show_keys(registry) == (
        "id", "version", *fields.stored_names(), "nickname", "tags", "communities",
    )  # fmt: skip
    # The views of the real registry are unchanged by building them for another one.
    assert "nickname" not in fields.names()


def test_a_broken_registry_is_caught() -> None:
    assert "promo: twice" in problems(_with(replace(NICKNAME, name="promo")), member)
    assert problems(_with(replace(NICKNAME, kind="int", name="city")), member)
    clash = replace(NICKNAME, aliases="ville")  # City's header
    assert "an import header names two fields" in problems(_with(clash), _nick())
    assert "nickname: in the card but not editable" in problems(
        _with(replace(NICKNAME, editable=False)), _nick()
    )


def _nick() -> sa.Table:
    return _member_with(sa.Column("nickname", sa.Text))


def test_no_qt_in_the_registry() -> None:
    source = (Path(fields.__file__)).read_text("utf-8")
    assert "PySide6" not in source

"""The store keeps codes, the window shows words: default channel names and the rules'
automatic moderation reasons are in the user's language, a name the CM typed is kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.moderation import intake, queue
from app.moderation import settings as mod_settings
from app.moderation.intake import NewItem
from app.posts.channels import channels, resolve, save_channel
from app.store import Store, migrations, open_store
from app.store.schema import channel, moderation_decision, moderation_item
from ui import i18n
from ui.dialogs.channels_dialog import ChannelsDialog
from ui.labels import channel_name, message_text
from ui.panels.moderation import ModerationPanel
from ui.panels.posts import PostsPanel


@pytest.fixture
def french(qapp: QApplication) -> Iterator[QApplication]:
    assert i18n.install(qapp, "fr")
    yield qapp
    i18n.install(qapp, "en")
    QLocale.setDefault(QLocale("en_GB"))


def spam(store: Store) -> int:
    mod_settings.save_many(store, {"rules.auto_reject": True, "rules.auto_reject_score": 5})
    report = intake.add_items(
        store,
        [
            NewItem("post", "Vendeur", None, None, None, None, "Groupe", "GAGNEZ EN CRYPTO !!! "
                    "WhatsApp 06 12 34 56 78 https://bit.ly/x bitcoin trading", None),
        ],
    )  # fmt: skip
    (item_id,) = report.item_ids
    return item_id


def test_default_channels_are_named_after_their_kind(store: Store) -> None:
    listed = {c.kind: c for c in channels(store)}
    assert not any(c.renamed for c in listed.values())
    assert listed["newsletter"].name == "Newsletter"  # English in the store and the CLI
    own = save_channel(store, kind="linkedin", name="Groupe des anciens", variant="group")
    renamed = next(c for c in channels(store) if c.id == own)
    assert renamed.renamed and renamed.title == "Groupe des anciens"
    # A plan may name a kind in French.
    assert resolve(channels(store), "Site web") == listed["website"]
    assert resolve(channels(store), "lettre d’information") == listed["newsletter"]


def test_french_window_shows_french_channel_names(
    french: QApplication, qtbot: QtBot, store: Store
) -> None:
    own = save_channel(store, kind="website", name="Blog", variant=None)  # typed by the CM
    by_id = {c.id: c for c in channels(store)}
    names = [channel_name(c) for c in by_id.values()]
    assert "Lettre d’information" in names and "Site web" in names
    assert channel_name(by_id[own]) == "Blog"  # the CM's own word, never translated
    panel = PostsPanel(store, autoload=False)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.reload()
    shown = [panel.channel_filter.itemText(i) for i in range(panel.channel_filter.count())]
    assert "Lettre d’information" in shown and "Newsletter" not in shown
    save_channel(store, kind="website", name="Le blog", channel_id=own)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.reload()
    shown = [panel.channel_filter.itemText(i) for i in range(panel.channel_filter.count())]
    assert "Le blog" in shown and "Blog" not in shown  # a rename shows without a restart
    panel.wait()


def test_channels_dialog_keeps_kind_names_and_takes_new_ones(
    french: QApplication, qtbot: QtBot, store: Store
) -> None:
    dialog = ChannelsDialog(store, channels(store))
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert "Lettre d’information" in rows
    dialog.table.item(rows["X"], 0).setText("X de l’Amicale")
    assert dialog.save(), dialog.error_label.text()
    listed = {c.kind: c for c in channels(store)}
    assert not listed["newsletter"].renamed  # saved unchanged: still named after its kind
    assert listed["newsletter"].name == "Newsletter"
    assert listed["x"].renamed and listed["x"].name == "X de l’Amicale"


def test_automatic_reasons_are_codes_shown_in_the_users_language(
    french: QApplication, qtbot: QtBot, store: Store
) -> None:
    item_id = spam(store)
    with store.read() as conn:
        stored = conn.execute(
            sa.select(moderation_item.c.reason).where(moderation_item.c.id == item_id)
        ).scalar()
    assert stored == "rule:score-above:5"
    item = queue.get_item(store, item_id)
    assert str(item.reason) == "rule: score above 5"  # the command line's English
    assert message_text(item.reason) == "règle\u00a0: score supérieur à 5"
    panel = ModerationPanel(store)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.state is not None)
    qtbot.waitUntil(lambda: not panel.loader.busy)
    lines = [panel.log_list.item(i).text() for i in range(panel.log_list.count())]
    assert any("règle\u00a0: score supérieur à 5" in line for line in lines), lines
    panel.wait()


def test_upgrade_to_0009_turns_words_into_codes(db_path: Path) -> None:
    store = open_store(db_path)
    item_id = spam(store)
    save_channel(store, kind="viadeo", name="Viadeo Chimie", variant="group")
    migrations.downgrade(store.engine, "0008")
    with store.write() as conn:  # as 0008 stored them
        for table in (moderation_item, moderation_decision):
            conn.execute(table.update().values(reason="rule: score above 5"))
    store.close()
    upgraded = open_store(db_path)
    try:
        assert upgraded.report.upgraded_from == "0008"
        with upgraded.read() as conn:
            renamed = dict(conn.execute(sa.select(channel.c.name, channel.c.renamed)).all())
            reasons = {
                conn.execute(sa.select(t.c.reason)).scalar()
                for t in (moderation_item, moderation_decision)
            }
        assert renamed["Viadeo Chimie"] and not renamed["Newsletter"] and not renamed["X"]
        assert reasons == {"rule:score-above:5"}
        assert str(queue.get_item(upgraded, item_id).reason) == "rule: score above 5"
    finally:
        upgraded.close()

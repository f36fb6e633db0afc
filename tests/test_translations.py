"""The French translation: complete, compiled where the app looks, and used by the window."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app import association, messages
from app.members.query import condition_for
from app.store import Store
from ui import i18n, i18n_build
from ui.main_window import MainWindow
from ui.resources import translations_dir
from ui.settings import UiSettings

DELETE_N = "Delete %n member(s)? You can undo the last deletion (Ctrl+Z)."


def translated() -> dict[tuple[str, str], list[str]]:
    """(context, source) → finished translation(s) of the committed .ts."""
    return {(c, s): t for (c, s, _), t in i18n_build.messages(i18n_build.TS).items() if t}


def test_every_source_text_is_translated_and_compiled() -> None:
    assert i18n_build.check() == []


def test_capitals_without_their_accent_are_flagged() -> None:
    def key(source: str) -> i18n_build.Key:
        return ("Ctx", source, "")

    found = i18n_build.accent_problems(
        {
            key("To check"): ["A vérifier"],
            key("Tag"): ["Etiquette"],
            key("Tags"): ["Les étiquettes de l'état"],
            key("State"): ["Etat"],
            key("Error"): ["Erreur"],  # no accent in lower case either: fine
            key("Has"): ["Il a 3 ans"],  # the verb, in lower case
            key("Done"): ["À jour, École, Éric"],
        }
    )
    assert found == [
        "capital without its accent: [Ctx] 'To check': “A ” → “À ”",
        "capital without its accent: [Ctx] 'Tag': “Etiquette” → “Étiquette”",
        "capital without its accent: [Ctx] 'State': “Etat” → “État”",
    ]


def test_the_qm_is_where_the_app_looks_for_it() -> None:
    assert translations_dir() / "amicale_fr.qm" == i18n_build.QM
    assert i18n_build.QM.is_file()
    assert QTranslator().load("amicale_fr", str(translations_dir()))


def test_the_qm_translates_in_the_right_contexts(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n_build.QM))
    assert translator.translate("Fields", "Last name") == "Nom"
    assert translator.translate("Fields", "Class year") == "Promo"
    assert translator.translate("Fields", "Tags") == "Étiquettes"
    assert translator.translate("Values", "Former member") == "Ancien membre"
    assert translator.translate("MainWindow", "&File") == "&Fichier"
    assert translator.translate("MainWindow", "&Back up the data file…") == (
        "&Sauvegarder le fichier de données…"
    )
    assert translator.translate("MemberCard", "Save") == "Enregistrer"
    assert translator.translate("FirstStartDialog", "Cancel") == "Annuler"
    # French: 0 and 1 take the singular.
    singular, plural = (translator.translate("MembersPanel", DELETE_N, None, n) for n in (1, 2))
    assert singular.startswith("Supprimer %n membre\u00a0?")
    assert plural.startswith("Supprimer %n membres\u00a0?")
    assert translator.translate("MembersPanel", DELETE_N, None, 0) == singular


def test_choose_language() -> None:
    assert i18n.choose_language("", QLocale("fr_FR")) == "fr"
    assert i18n.choose_language("", QLocale("fr_CA")) == "fr"
    assert i18n.choose_language("", QLocale("de_DE")) == "en"
    assert i18n.choose_language("en", QLocale("fr_FR")) == "en"
    assert i18n.choose_language("fr", QLocale("de_DE")) == "fr"


def test_install_french(french: QApplication) -> None:
    assert QCoreApplication.translate("Fields", "Class year") == "Promo"
    assert QCoreApplication.translate("MembersPanel", DELETE_N, None, 1) == (
        "Supprimer 1 membre\u00a0? Vous pourrez annuler la dernière suppression (Ctrl+Z)."
    )
    deleted = QCoreApplication.translate(
        "MainWindow", "%n member(s) deleted. Ctrl+Z to undo.", None, 3
    )
    assert deleted == "3 membres supprimés. Ctrl+Z pour annuler."


def _mnemonic(text: str) -> str | None:
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def test_the_window_speaks_french_without_clashing_accelerators(
    french: QApplication, qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    window = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.members.last_result is not None, timeout=10000)
    window.members.searches.wait()
    menus = [a.menu() for a in window.menuBar().actions()]
    assert [m.title() for m in menus] == ["&Fichier", "É&dition", "&Paramètres", "&Aide"]
    assert window.count_label.text() == "6 membres"
    assert window.members.card.save_button.text() == "Enregistrer"
    pending: list[QMenu] = [window.menuBar(), *menus]  # type: ignore[list-item]
    while pending:
        menu = pending.pop()
        keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        keys = [k for k in keys if k]
        assert len(keys) == len(set(keys)), f"{menu.title()!r}: {keys}"
        pending += [a.menu() for a in menu.actions() if a.menu()]


def test_translations_keep_accelerators_shortcuts_and_file_patterns() -> None:
    kept = (
        re.compile(r"(?<!&)&(?!&)"),  # one accelerator in, one out
        re.compile(r"Ctrl\+\w"),
        re.compile(r"\*\.\w+|\(\*\)"),  # file dialog filters
        re.compile(r"%(?:\d|n)"),
    )
    for (context, source), texts in translated().items():
        for text in texts:
            for pattern in kept:
                assert sorted(pattern.findall(text)) == sorted(pattern.findall(source)), (
                    f"[{context}] {source!r} → {text!r}"
                )


def test_search_placeholder_examples_are_valid_queries() -> None:
    placeholders = [
        (source, texts[0])
        for (context, source), texts in translated().items()
        if context == "MembersPanel" and source.startswith("Search:")
    ]
    assert placeholders
    for source, text in placeholders:
        for example in (source, text):
            queries = re.sub(r"^[^:]*:\s*", "", example).rstrip("…").split(", ")
            assert len(queries) > 1, example
            for query in queries:
                condition_for(query)  # raises QuerySyntaxError on an unknown field or value
    assert "cotisation:payée" in placeholders[0][1]


def test_every_context_is_one_the_app_looks_up() -> None:
    # PySide6's tr() looks up the object's class names; lupdate names the context after the
    # enclosing class, or after the variable in `box.tr(...)`, which no lookup ever uses.
    ui = Path(i18n_build.ROOT, "ui")
    sources = "\n".join(p.read_text("utf-8") for p in ui.rglob("*.py"))
    known = set(re.findall(r"^class (\w+)", sources, re.M))
    known |= set(re.findall(r"(?:QT_TRANSLATE_NOOP|translate)\(\s*\"(\w+)\"", sources))
    known.add(messages.CONTEXT)  # app/ messages, looked up by ui.labels.message_text
    contexts = {context for context, _ in translated()}
    assert contexts <= known, sorted(contexts - known)


def test_messages_from_app_are_shown_in_french(
    french: QApplication, qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.members.last_result is not None, timeout=10000)
    with qtbot.waitSignal(window.members.searches.failed, timeout=10000):
        window.members.search.setText("promo:abc")
    assert window.members.error.text() == (
        "Erreur de recherche au caractère 7\u00a0: «\u00a0abc\u00a0» n’est pas une valeur "
        "possible pour «\u00a0promo:\u00a0»"
    )
    window.members.new_member()
    email = window.members.card.editors["email"]
    assert isinstance(email, QLineEdit)
    qtbot.keyClicks(email, "pas-une-adresse")
    window.members.card.save()
    assert window.members.card.errors["email"].text() == "adresse e-mail invalide"
    window.members.card.revert()
    window.members.searches.wait()

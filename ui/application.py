"""Starting the window: application object, language, store (with its problems), first start."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from app import APP_ID, APP_NAME, __version__, association
from app.errors import AmicaleError
from app.members.service import MemberDirectory
from app.messages import Message
from app.paths import DB_ENV, default_store_address
from app.store import Store, address, cipher, open_store
from ui import i18n
from ui.labels import message_text
from ui.main_window import MainWindow
from ui.resources import icon_path
from ui.settings import UiSettings
from ui.workers import GuiThreadCollector

SMOKE_TIMEOUT_MS = 20000
log = logging.getLogger(__name__)


# Qt messages that say nothing about Amicale (the offscreen platform used by tests and the
# smoke test cannot move windows).
HARMLESS_QT_MESSAGES = ("This plugin does not support",)


def _on_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if any(message.startswith(prefix) for prefix in HARMLESS_QT_MESSAGES):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    log.log(level, "Qt: %s", message)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    qInstallMessageHandler(_on_qt_message)
    GuiThreadCollector.install()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    # Matches the installed desktop file (packaging/linux), so docks group the window with it.
    app.setDesktopFileName("org.amicale.Amicale")
    icon = icon_path("amicale.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def ask_passphrase(path: Path, wrong: bool) -> str | None:
    """The passphrase of an encrypted store, asked (None: the CM cancelled)."""
    title = QCoreApplication.translate("Passphrase", "Encrypted data file")
    text = (
        QCoreApplication.translate("Passphrase", "Wrong passphrase. Passphrase of %1:")
        if wrong
        else QCoreApplication.translate("Passphrase", "%1 is encrypted. Its passphrase:")
    ).replace("%1", path.name)
    given, ok = QInputDialog.getText(None, title, text, QLineEdit.EchoMode.Password)
    return given if ok and given else None


def open_with_dialogs(target: str | Path) -> Store | None:
    """Open the store; an encrypted one asks its passphrase (until it is right or the CM
    cancels); on another failure let the user pick another file or a backup (a team server
    that cannot be opened is said in a message: there is no file to pick instead)."""
    from ui.dialogs.store_problem import ask_what_next

    where = address.locate(target) if isinstance(target, str) else target
    if not isinstance(where, Path):
        try:
            return open_store(target)
        except AmicaleError as exc:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("StoreProblem", "Team directory"),
                message_text(exc.args[0] if exc.args else str(exc)),
            )
            return None
    path = where
    passphrase = os.environ.get(cipher.PASSPHRASE_VARIABLE) or None
    while True:
        try:
            return open_store(path, passphrase=passphrase)
        except cipher.PassphraseError:
            if not cipher.available():
                ask_what_next(path, AmicaleError(Message(cipher.T_NEEDS_MODULE)))
                return None
            # Asked again after a wrong one (the file is never changed by a refusal).
            passphrase = ask_passphrase(path, wrong=passphrase is not None)
            if passphrase is None:
                return None
        except AmicaleError as exc:
            chosen = ask_what_next(path, exc)
            if chosen is None:
                return None
            path, passphrase = chosen, None


def build_window(store: Store, settings: UiSettings) -> MainWindow:
    return MainWindow(store, settings, association.load(store))


def _chosen_store(db: str | Path, settings: UiSettings) -> str | Path:
    """``db``, unless it is only the default file and the person connected to a team
    directory (File → Connect to a team directory…): then that directory."""
    chosen = settings.team_address
    if chosen and str(db) == default_store_address() and os.environ.get(DB_ENV) is None:
        return chosen
    return db


def run_window(db: str | Path) -> int:
    settings = UiSettings()
    app = make_application()
    i18n.install(app, i18n.choose_language(settings.language))
    store = open_with_dialogs(_chosen_store(db, settings))
    if store is None:
        return 1
    try:
        if association.load(store) is None and MemberDirectory(store).total() == 0:
            from ui.dialogs.first_start import FirstStartDialog

            if FirstStartDialog(store).exec() != QDialog.DialogCode.Accepted:
                return 0
        window = build_window(store, settings)
        window.show()
        return app.exec()
    finally:
        store.close()


def smoke_test(db: str | Path) -> int:
    """Open the window on ``db``, show every panel, quit: 0 when all went well."""
    settings = UiSettings()
    app = make_application()
    i18n.install(app, i18n.choose_language(settings.language))
    try:
        store = open_store(db, passphrase=os.environ.get(cipher.PASSPHRASE_VARIABLE) or None)
    except AmicaleError as exc:
        print(f"amicale: {exc}", file=sys.stderr)
        return 1
    try:
        window = build_window(store, settings)
        window.show()
        loop = QEventLoop()
        window.members.searchFinished.connect(loop.quit)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, loop.quit)
        if window.members.last_result is None:
            loop.exec()
        if window.members.last_result is None:
            print("amicale: smoke test: the member list did not load", file=sys.stderr)
            return 1
        for row, panel in enumerate(window.panels()):
            window.sidebar.setCurrentRow(row)
            app.processEvents()
            panel.grab()
        window.close()
        app.processEvents()
        print(
            f"smoke test: {window.sidebar.count()} panel(s) shown, "
            f"{len(window.members.last_result.ids)} members listed"
        )
        return 0
    finally:
        store.close()

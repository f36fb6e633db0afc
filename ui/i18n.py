"""Loading the interface language: the Language setting, else the system's locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.resources import translations_dir

SUPPORTED = ("en", "fr")
_installed: list[QTranslator] = []


def choose_language(setting: str, system: QLocale | None = None) -> str:
    if setting in SUPPORTED:
        return setting
    name = (system or QLocale.system()).name()[:2]
    return name if name in SUPPORTED else "en"


def install(app: QCoreApplication, language: str) -> bool:
    """Install Amicale's and Qt's own translations; True when Amicale's file was loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale("en_GB"))
        return True
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    loaded = ours.load(f"amicale_{language}", str(translations_dir()))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded

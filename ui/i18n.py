"""Loading the interface language: the Language setting, else the system's locale."""

from __future__ import annotations

from pathlib import Path

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
    QLocale.setDefault(QLocale("en_GB" if language == "en" else language))
    ours = QTranslator(app)
    # English: the plural forms only ("1 member", "2 members"); the sources are English.
    loaded = ours.load(f"amicale_{language}", str(translations_dir()))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    if language == "en":
        return True
    # Qt's own dialogs ("Look in:", "Files of type:"): PySide6's wheels ship qtbase_fr.qm,
    # and the frozen build keeps it (packaging/bundle.py, keep_qt_translation).
    qt = QTranslator(app)
    for folder in qt_translation_dirs():
        if qt.load(f"qtbase_{language}", str(folder)):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    return loaded


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own translations may be: Qt's path, else beside the PySide6 package (a
    frozen build whose qt.conf does not say it)."""
    import PySide6

    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    found.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return found

"""What goes into the frozen Amicale, and what stays out: read by `amicale.spec` and the tests.

Plain Python with no import from PyInstaller, so `tests/test_packaging.py` can check the lists
without building anything. Paths are relative to the repository root, with forward slashes.

Data files are listed one by one, except where a folder's whole content is the point (every
translation, every migration): there the entry is a pattern, and `data_files()` refuses a
pattern that matches nothing. `tests/test_packaging.py` checks that every file Alembic can read
from the migrations folder is in the list, at the place the code will look for it.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Reverse-DNS id of the desktop integration: the .desktop and AppStream files on Linux
# (packaging/linux/), the macOS bundle identifier. APP_ID ("amicale") stays the short name:
# command, folders, package.
REVERSE_DNS_ID = "org.amicale.Amicale"

# (file or pattern in the repository, folder inside the bundle). The bundle folders mirror the
# sources because the code finds these files from its own location: ui/resources.py looks in
# `resources/` under sys._MEIPASS, and app/store/migrations/__init__.py gives Alembic the
# folder of its own __file__, which is `app/store/migrations/` under sys._MEIPASS.
RESOURCES = [
    ("resources/translations/*.qm", "resources/translations"),
    # The application icon (amicale.svg) and any icon the window uses (ui/resources.py).
    ("resources/icons/*", "resources/icons"),
]

# Alembic reads these as files at run time: it executes env.py and every revision from source
# (they are not imported through PyInstaller's archive, so their imports are added as hidden
# imports by migration_imports()); script.py.mako is the template of `alembic revision`, kept
# so that the folder is a complete Alembic script directory.
MIGRATIONS = [
    ("app/store/migrations/env.py", "app/store/migrations"),
    ("app/store/migrations/script.py.mako", "app/store/migrations"),
    ("app/store/migrations/versions/*.py", "app/store/migrations/versions"),
]

DATA_ENTRIES = RESOURCES + MIGRATIONS


def data_files() -> list[tuple[str, str]]:
    """(file, bundle folder) for every data file, patterns expanded; each file exists."""
    files: list[tuple[str, str]] = []
    for source, dest in DATA_ENTRIES:
        found = sorted(ROOT.glob(source)) if "*" in source else [ROOT / source]
        found = [p for p in found if p.is_file()]
        if not found:
            raise FileNotFoundError(f"packaging/bundle.py lists {source}: no such file")
        files.extend((p.relative_to(ROOT).as_posix(), dest) for p in found)
    return files


def migration_sources() -> list[str]:
    """Every file Alembic may read from the migrations folder, as found on disk."""
    folder = ROOT / "app" / "store" / "migrations"
    found = [
        p
        for p in [*folder.glob("*.py"), *folder.glob("*.mako"), *folder.glob("versions/*.py")]
        if p.name != "__init__.py"
    ]
    return sorted(p.relative_to(ROOT).as_posix() for p in found)


def migration_imports() -> list[str]:
    """Modules the migration files import: PyInstaller never reads those files as code."""
    names: set[str] = set()
    for source, _ in data_files():
        if not (source.startswith("app/store/migrations/") and source.endswith(".py")):
            continue
        tree = ast.parse((ROOT / source).read_text(encoding="utf-8"), filename=source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                # "from alembic import op": op is a module of its own, metadata is not
                names.update(
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if _is_module(f"{node.module}.{alias.name}")
                )
    return sorted(names)


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# Modules nothing imports where PyInstaller can see it.
HIDDEN_IMPORTS = [
    # SQLAlchemy finds its dialect by name from the URL ("sqlite://").
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    # Encrypted stores (app.store.cipher): the dialect by name, its driver imported inside it.
    "sqlalchemy.dialects.sqlite.pysqlcipher",
    "sqlcipher3",
    "sqlcipher3.dbapi2",
    # Imported inside a function, only when a store needs upgrading (not at start-up).
    "app.store.migrations",
    # Alembic's machinery used by command.upgrade(); its SQLite DDL implementation
    # registers itself on import.
    "alembic.command",
    "alembic.runtime.environment",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.operations.toimpl",
    # Team mode: the PostgreSQL dialect and its driver (psycopg's binary build brings libpq),
    # all imported only when a postgresql:// store is opened.
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "alembic.ddl.postgresql",
    "app.store.server",
    "app.store.postgres",
    "app.store.copy",
    "app.team",
    "app.operations.remote",
]

# Python modules that would be pulled in by a library but that Amicale never uses.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pydoc_data",
    "lib2to3",
    "sqlalchemy.testing",
    "alembic.testing",
    "IPython",
    "pygments",  # Mako's optional syntax highlighting of template errors
    # keyring's Linux Secret Service backend (SecretStorage) needs cryptography: 17 MB with
    # OpenSSL's Rust bindings, over the 130 MB budget. Without it the frozen Linux program
    # keeps the SMTP password in memory for the run (asked once), as the issue allows;
    # Windows and macOS keep their vaults (no cryptography needed there).
    "cryptography",
    "secretstorage",
    "jeepney",
    "numpy",
    "pandas",
    "PIL",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtPrintSupport",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
]

# Qt plugins kept, by plugin folder (under PySide6/Qt/plugins/): file-name stems (without the
# "lib" prefix and the extension). A folder not named here is dropped entirely.
QT_PLUGINS_KEPT = {
    # offscreen: tests and the smoke test; minimal: headless fallback; xcb: X11 desktops;
    # wayland: native Wayland sessions (xcb through XWayland works there too); cocoa and
    # windows: the other platforms' own.
    "platforms": {
        "qoffscreen",
        "qminimal",
        "qxcb",
        "qwayland",
        "qcocoa",
        "qwindows",
    },
    # The application icon is an SVG; PNG is built into QtGui.
    "imageformats": {"qsvg", "qico"},
    "iconengines": {"qsvgicon"},
    # The xcb platform's OpenGL glue (GLX, EGL), which it probes when it starts.
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    # Native file dialogs and colours on GNOME/KDE (xdg-desktop-portal) and GTK.
    # (not qgtk3: it would load the system's GTK against the bundled GLib.)
    "platformthemes": {"qxdgdesktopportal"},
    # Compose keys and input methods: accents typed the usual way on Linux.
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # The native look on Windows (11, then 10) and macOS; Fusion is built into QtWidgets.
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
}

# Qt translations kept (PyInstaller collects every language): the ones Amicale speaks.
QT_TRANSLATION_LANGUAGES = {"en", "fr"}


def keep_qt_plugin(dest: str) -> bool:
    """True unless ``dest`` (a path inside the bundle) is a Qt plugin Amicale does not need."""
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return True
    at = len(parts) - 1 - parts[::-1].index("plugins")
    # PySide6/Qt/plugins/… on Linux and macOS, PySide6/plugins/… on Windows
    if at == 0 or parts[at - 1] not in ("Qt", "PySide6") or len(parts) < at + 3:
        return True
    folder = "/".join(parts[at + 1 : -1])
    stem = parts[-1]
    for suffix in (".so", ".dylib", ".dll"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    if stem.startswith("lib"):
        stem = stem[3:]
    return stem in QT_PLUGINS_KEPT.get(folder, set())


def keep_qt_translation(dest: str) -> bool:
    """True unless ``dest`` is a Qt translation in a language Amicale does not offer."""
    parts = dest.replace("\\", "/").split("/")
    if len(parts) < 2 or parts[-2] != "translations" or not parts[-1].endswith(".qm"):
        return True
    if "resources" in parts:  # Amicale's own
        return True
    language = parts[-1][: -len(".qm")].split("_", 1)[-1]
    return language.split("_")[0] in QT_TRANSLATION_LANGUAGES


def _name(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def is_shared_library(dest: str) -> bool:
    """A library loaded through the dynamic linker, not a Python extension or a Qt plugin."""
    name = _name(dest)
    in_plugins = "/plugins/" in "/" + dest.replace("\\", "/")
    extension = ".cpython-" in name or (name.endswith(".abi3.so") and not name.startswith("lib"))
    return name.startswith("lib") and ".so" in name and not in_plugins and not extension


def unneeded_libraries(
    binaries: list[tuple[str, str]], needs_of: Callable[[str], set[str]]
) -> set[str]:
    """Shared libraries (bundle paths) that no kept extension module or Qt plugin loads.

    ``binaries`` are (bundle path, source path) pairs once the plugins and the system libraries
    are taken out; ``needs_of(source)`` gives the file names a binary links directly
    (DT_NEEDED). Starting from the extension modules, the Qt plugins and libpython, the
    libraries reached through bundled libraries stay; the others only served what was dropped
    (GTK for the GTK3 theme, EGLFS, QtNetwork…, and what the system libraries themselves
    link: libsystemd and libgcrypt behind libdbus…). PyInstaller resolves the dependencies of
    every plugin before the spec can drop any, hence this second pass. Linux only: elsewhere a
    library may be loaded in ways the import table does not show.
    """
    libraries: dict[str, str] = {}
    for dest, source in binaries:
        if is_shared_library(dest):
            libraries.setdefault(_name(dest), source)
    queue = [
        source
        for dest, source in binaries
        if not is_shared_library(dest) or _name(dest).startswith("libpython")
    ]
    reached: set[str] = set()
    while queue:
        for name in needs_of(queue.pop()):
            if name in libraries and name not in reached:
                reached.add(name)
                queue.append(libraries[name])
    return {
        dest
        for dest, _ in binaries
        if is_shared_library(dest)
        and _name(dest) not in reached
        and not _name(dest).startswith("libpython")
    }


# Linux: libraries taken from the system rather than copied from the build machine; the .deb
# depends on their packages (packaging/linux/depends). Each reads system files whose format
# follows its own version (fontconfig's configuration, xkb's keyboard data, the D-Bus
# daemon), or belongs to the X11 stack of the machine the window is shown on; copies from the
# build machine can clash with a newer system (a newer fonts.conf an old libfontconfig does
# not read). PyInstaller already leaves out libc, libGL/libEGL and libxcb itself.
SYSTEM_LIBRARIES = {
    "libdbus-1",
    "libfontconfig",
    "libfreetype",
    "libglib-2.0",
    "libgthread-2.0",
    "libX11",
    "libX11-xcb",
    "libXau",
    "libXdmcp",
    "libxkbcommon",
    "libxkbcommon-x11",
}


def is_system_library(dest: str) -> bool:
    """True for a library the Linux bundle takes from the system (see SYSTEM_LIBRARIES)."""
    name = _name(dest)
    stem = name.split(".so", 1)[0]
    return ".so" in name and (stem in SYSTEM_LIBRARIES or stem.startswith("libxcb-"))

"""Packaging without building: portable mode, and what packaging/amicale.spec puts in the bundle.

The frozen program itself is checked by packaging/smoke after packaging/build (.ci/run).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app import cli, paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(path: Path, name: str) -> ModuleType:
    # packaging/ is not a Python package (the name would shadow PyPI's `packaging`).
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    return _load(PACKAGING / "bundle.py", "amicale_bundle")


# --- portable mode ----------------------------------------------------------------------------


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake frozen program in tmp_path/usb/Amicale, with no environment override."""
    folder = tmp_path / "usb" / "Amicale"
    folder.mkdir(parents=True)
    program = folder / ("amicale.exe" if os.name == "nt" else "amicale")
    program.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.delenv("AMICALE_DB", raising=False)
    monkeypatch.delenv("AMICALE_CONFIG_DIR", raising=False)
    return program


def test_portable_file_keeps_store_config_and_logs_beside_the_program(
    frozen_program: Path,
) -> None:
    folder = frozen_program.parent
    (folder / "portable").write_text("")
    data = folder.resolve() / "data"
    assert paths.portable_dir() == data
    assert paths.default_db_path() == data / "amicale.sqlite3"
    assert paths.config_dir() == data
    assert paths.log_dir() == data / "logs"


def test_without_the_portable_file_the_user_folders_are_used(frozen_program: Path) -> None:
    assert paths.portable_dir() is None
    assert frozen_program.parent not in paths.default_db_path().parents
    assert frozen_program.parent not in paths.config_dir().parents
    assert paths.default_db_path().name == "amicale.sqlite3"


def test_portable_file_means_nothing_when_not_frozen(
    frozen_program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_program.parent / "portable").write_text("")
    monkeypatch.delattr(sys, "frozen")
    assert paths.portable_dir() is None
    assert frozen_program.parent not in paths.default_db_path().parents


def test_environment_still_wins_over_portable_mode(
    frozen_program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_program.parent / "portable").write_text("")
    monkeypatch.setenv("AMICALE_DB", str(tmp_path / "elsewhere.sqlite3"))
    monkeypatch.setenv("AMICALE_CONFIG_DIR", str(tmp_path / "prefs"))
    assert paths.default_db_path() == tmp_path / "elsewhere.sqlite3"
    assert paths.config_dir() == tmp_path / "prefs"


def test_command_line_uses_the_portable_store_and_db_still_wins(
    frozen_program: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (frozen_program.parent / "portable").write_text("")
    assert cli.main(["count"]) == 0
    assert capsys.readouterr().out.strip() == "0"
    assert (frozen_program.parent / "data" / "amicale.sqlite3").is_file()

    chosen = tmp_path / "chosen.sqlite3"
    assert cli.main(["--db", str(chosen), "count"]) == 0
    assert chosen.is_file()


# --- what the spec bundles --------------------------------------------------------------------


def test_every_listed_data_file_exists_and_mirrors_the_source_layout(bundle: ModuleType) -> None:
    files = bundle.data_files()  # raises on a listed file or pattern that matches nothing
    assert files
    for source, dest in files:
        assert (ROOT / source).is_file(), source
        # The code finds these files relative to its own modules: same folders in the bundle.
        assert Path(source).parent.as_posix() == dest, (source, dest)


def test_every_migration_file_is_listed(bundle: ModuleType) -> None:
    listed = {source for source, _ in bundle.data_files()}
    on_disk = bundle.migration_sources()
    assert "app/store/migrations/env.py" in on_disk
    assert "app/store/migrations/script.py.mako" in on_disk
    assert any(s.startswith("app/store/migrations/versions/") for s in on_disk)
    missing = sorted(set(on_disk) - listed)
    assert not missing, f"add to MIGRATIONS in packaging/bundle.py: {missing}"


def test_alembic_folder_in_the_bundle_is_where_the_code_looks(bundle: ModuleType) -> None:
    from app.store import migrations

    where = migrations.HERE.relative_to(ROOT).as_posix()
    dests = {dest for source, dest in bundle.data_files() if source.endswith(("env.py", ".mako"))}
    assert dests == {where}


def test_translations_and_window_icon_are_listed(bundle: ModuleType) -> None:
    from ui.resources import icon_path, translations_dir

    listed = {ROOT / source for source, _ in bundle.data_files()}
    assert set(translations_dir().glob("*.qm")) <= listed
    assert {p for p in icon_path("amicale.svg").parent.iterdir() if p.is_file()} <= listed
    assert icon_path("amicale.svg") in listed


def test_hidden_imports_exist(bundle: ModuleType) -> None:
    imports = bundle.HIDDEN_IMPORTS + bundle.migration_imports()
    # What the migration files import is found by reading them, not by hand.
    assert {"alembic.op", "alembic.context", "app.store.schema"} <= set(imports)
    for name in imports:
        assert importlib.util.find_spec(name) is not None, name


def test_qt_plugins_trimmed_to_what_amicale_uses(bundle: ModuleType) -> None:
    keep = bundle.keep_qt_plugin
    for path in (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqminimal.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libpython3.11.so.1.0",
    ):
        assert keep(path), path
    for path in (
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
        "PySide6\\plugins\\tls\\qschannelbackend.dll",
    ):
        assert not keep(path), path


def test_qt_translations_only_in_amicale_languages(bundle: ModuleType) -> None:
    keep = bundle.keep_qt_translation
    assert keep("PySide6/Qt/translations/qtbase_fr.qm")
    assert keep("PySide6/Qt/translations/qt_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/qtbase_zh_TW.qm")
    assert keep("resources/translations/amicale_fr.qm")


def test_libraries_only_dropped_plugins_needed_are_dropped(bundle: ModuleType) -> None:
    # What is left once the plugins (libqgtk3) and system libraries (libdbus) are taken out.
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6"),
        ("PySide6/Qt/lib/libQt6DBus.so.6", "/src/libQt6DBus.so.6"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0"),
        ("libsystemd.so.0", "/usr/lib/libsystemd.so.0"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0"),
        ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "/src/_ssl.so"),
        ("libssl.so.3", "/usr/lib/libssl.so.3"),
        ("libcrypto.so.3", "/usr/lib/libcrypto.so.3"),
    ]
    links = {  # direct dependencies only
        "/src/QtGui.abi3.so": {"libQt6Gui.so.6", "libc.so.6"},
        "/src/libqxcb.so": {"libQt6XcbQpa.so.6"},
        "/src/libQt6XcbQpa.so.6": {"libQt6Gui.so.6", "libxcb.so.1"},
        "/src/libQt6Gui.so.6": {"libQt6DBus.so.6"},
        "/src/libQt6DBus.so.6": {"libdbus-1.so.3"},  # from the system: libsystemd goes
        "/src/libgtk-3.so.0": {"libsystemd.so.0"},
        "/src/_ssl.so": {"libssl.so.3"},
        "/usr/lib/libssl.so.3": {"libcrypto.so.3"},  # reached through a kept library
    }
    dropped = bundle.unneeded_libraries(binaries, lambda source: links.get(source, set()))
    assert dropped == {
        "PySide6/Qt/lib/libQt6Network.so.6",
        "libgtk-3.so.0",
        "libsystemd.so.0",
    }


def test_system_libraries_are_left_to_the_system(bundle: ModuleType) -> None:
    for name in ("libdbus-1.so.3", "libfontconfig.so.1", "libX11.so.6", "libxcb-cursor.so.0"):
        assert bundle.is_system_library(name), name
    for name in ("libX11-xcb.so.1", "libxkbcommon-x11.so.0", "libglib-2.0.so.0"):
        assert bundle.is_system_library(name), name
    for name in ("libQt6Gui.so.6", "libpython3.11.so.1.0", "libz.so.1", "libicudata.so.73"):
        assert not bundle.is_system_library(name), name
    depends = (PACKAGING / "linux" / "depends").read_text(encoding="utf-8")
    for package in ("libdbus-1-3", "libfontconfig1", "libx11-6", "libxkbcommon0", "libglib2.0-0"):
        assert f"\n{package}\n" in depends, package


def test_spec_is_valid_python_and_reads_the_bundle_lists() -> None:
    source = (PACKAGING / "amicale.spec").read_text(encoding="utf-8")
    ast.parse(source, filename="amicale.spec")
    for name in ("bundle.data_files()", "bundle.HIDDEN_IMPORTS", "bundle.EXCLUDED_MODULES"):
        assert name in source, name
    assert "from app import APP_ID, APP_NAME, __version__" in source


def test_packaging_scripts_are_executable() -> None:
    if os.name == "nt":
        pytest.skip("no executable bit on Windows")
    for name in (
        "build",
        "smoke",
        "linux/make-deb",
        "linux/check-deb",
        "windows/make-installer",
        "windows/check-nsis",
        "macos/make-dmg",
    ):
        assert os.access(PACKAGING / name, os.X_OK), f"chmod +x packaging/{name}"


# --- icons and version resource ---------------------------------------------------------------


def test_icons_rendered_from_the_svg(qapp: object, tmp_path: Path) -> None:
    assets = _load(PACKAGING / "assets.py", "amicale_assets")
    assert assets.main([str(tmp_path)]) == 0
    for size in assets.HICOLOR_SIZES:
        png = (tmp_path / f"amicale-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    ico = (tmp_path / "amicale.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(assets.ICO_SIZES))
    icns = (tmp_path / "amicale.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_windows_version_resource_is_what_pyinstaller_reads(tmp_path: Path) -> None:
    assets = _load(PACKAGING / "assets.py", "amicale_assets")
    text = assets.version_info("1.2.3", "Amicale")

    def record(kind: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    # PyInstaller eval()s this text with its classes of these names (utils/win32/versioninfo).
    info = eval(text, {name: record(name) for name in names})
    assert info[0] == "VSVersionInfo"
    assert info[2]["ffi"][2]["filevers"] == (1, 2, 3, 0)


def test_deb_recommends_a_colour_emoji_font() -> None:
    """Issue 17, point 16: emoji in the post editor are empty boxes on a bare Debian."""
    recommends = (PACKAGING / "linux" / "recommends").read_text(encoding="utf-8")
    assert "\nfonts-noto-color-emoji\n" in recommends
    make_deb = (PACKAGING / "linux" / "make-deb").read_text(encoding="utf-8")
    assert "Recommends: $RECOMMENDS" in make_deb and '"$HERE/recommends"' in make_deb
    assert "recommends" in (PACKAGING / "linux" / "check-deb").read_text(encoding="utf-8")
    dev = (PACKAGING.parent / "dev").read_text(encoding="utf-8")
    apt = dev[dev.index("APT_PACKAGES=(") : dev.index(")", dev.index("APT_PACKAGES=("))]
    assert "fonts-noto-color-emoji" in apt.split()

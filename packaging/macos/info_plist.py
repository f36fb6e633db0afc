"""The Info.plist entries of Amicale.app, merged by PyInstaller's BUNDLE over its defaults.

PyInstaller already writes CFBundleName, CFBundleDisplayName, CFBundleIdentifier,
CFBundleExecutable, CFBundleIconFile, CFBundlePackageType and CFBundleShortVersionString
(building/osx.py); amicale.spec passes the bundle identifier and the version.

No CFBundleDocumentTypes: macOS hands a double-clicked document to the running program as an
Apple Event, not as an argument, and Amicale does not handle that event yet, so declaring
.amicale files would open an empty window. (Windows has the association: it passes --db.)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle  # noqa: E402  (packaging/bundle.py)

BUNDLE_ID = bundle.REVERSE_DNS_ID
# When the Qt wheels do not say (see minimum_macos()).
FALLBACK_MINIMUM_MACOS = "12.0"


def minimum_macos() -> str:
    """The oldest macOS the bundled Qt runs on: the tag of the PySide6 wheel installed."""
    try:
        from importlib.metadata import distribution

        for name in ("PySide6_Essentials", "PySide6"):
            wheel = distribution(name).read_text("WHEEL") or ""
            for line in wheel.splitlines():
                # Tag: cp39-abi3-macosx_13_0_universal2
                if line.startswith("Tag:") and "macosx_" in line:
                    major, minor = line.split("macosx_", 1)[1].split("_")[:2]
                    return f"{int(major)}.{int(minor)}"
    except Exception:  # no wheel metadata: building from a source install
        pass
    return FALLBACK_MINIMUM_MACOS


def info_plist(version: str) -> dict[str, object]:
    return {
        "CFBundleVersion": version,
        "CFBundleShortVersionString": version,
        "CFBundleDevelopmentRegion": "en",
        # The languages Amicale speaks: macOS then offers French menus and dialogs to a
        # French user, and Qt's QLocale::uiLanguages() sees French first.
        "CFBundleLocalizations": ["en", "fr"],
        "CFBundleAllowMixedLocalizations": True,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": minimum_macos(),
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        # Follow the system's light or dark appearance.
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": "GPL-3.0-or-later, the Amicale contributors",
    }

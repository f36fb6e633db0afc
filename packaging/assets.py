"""Icons and version resources made at build time from resources/icons/amicale.svg.

    python packaging/assets.py [FOLDER]        (default: build/assets)

Writes into FOLDER: amicale-N.png for the hicolor sizes and the macOS ones, amicale.ico
(Windows executables and installer), amicale.icns (macOS bundle), version_info.txt (the
Windows version resource of the executables). Rasterised with Qt's own SVG renderer on the
offscreen platform, so it runs the same on Linux, Windows and macOS with no display.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "amicale.svg"
HICOLOR_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entries holding PNG data: (type, pixel size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter  # noqa: TID251 (a build tool, not app/)
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"assets: cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon whose images are PNG (understood since Windows Vista, and by NSIS 3)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        edge = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def version_info(version: str, name: str) -> str:
    """The text PyInstaller's `version=` option reads for the Windows executables."""
    numbers = [int(part) for part in version.split(".")[:3] if part.isdigit()]
    four = tuple(numbers + [0] * (4 - len(numbers)))
    strings = {
        "CompanyName": name,
        "FileDescription": f"{name}: the alumni association's directory, offline",
        "FileVersion": version,
        "InternalName": "amicale",
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": "amicale.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    lines = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{lines}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "build" / "assets"
    target.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication  # noqa: TID251 (a build tool, not app/)

    from app import APP_NAME, __version__

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render_png(size) for size in sizes}
    for size in HICOLOR_SIZES:
        (target / f"amicale-{size}.png").write_bytes(pngs[size])
    (target / "amicale.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (target / "amicale.icns").write_bytes(icns(pngs))
    (target / "version_info.txt").write_text(version_info(__version__, APP_NAME), "utf-8")
    print(f"assets: icons and version resource in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

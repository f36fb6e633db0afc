"""HTML documents of the privacy duties (the access letter, the register) as PDF files.

QTextDocument lays the HTML out and paginates it into a QPdfWriter (A4). `export_html_pdf`
is what `amicale privacy access|register -o FILE.pdf` calls, without a window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app import files
from app.errors import AmicaleError

DPI = 96


def translate(text: str, n: int = -1) -> str:
    """app.privacy.documents' texts in the interface's language (the "Privacy" context).

    They are marked with QT_TRANSLATE_NOOP, which has no plural forms: a "%n" is filled in
    after the lookup (Qt would look for a plural message and not find it)."""
    found = QCoreApplication.translate("Privacy", text)
    return found.replace("%n", QLocale().toString(n)) if n >= 0 else found


def write_html_pdf(page: str, path: Path, store: Path | None = None) -> Path:
    """Paint ``page`` into ``path``, written beside it first (never half a file). Needs a
    QGuiApplication."""
    with files.atomic_output(path, store=store) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setCreator("Amicale")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(20, 20, 20, 20),
                QPageLayout.Unit.Millimeter,
            )
        )
        document = QTextDocument()
        font = QFont()
        font.setPointSizeF(10.5)
        document.setDefaultFont(font)
        document.setHtml(page)
        writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        rect = writer.pageLayout().paintRectPixels(DPI)
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer  # the file is complete once the writer is gone
        if tmp.stat().st_size == 0:
            raise AmicaleError(f"cannot write {path}")
    return path


def export_html_pdf(page: str, path: Path) -> Path:
    """`amicale privacy … -o FILE.pdf`: the QGuiApplication painting needs, then the PDF."""
    from ui.report_pdf import gui_application

    gui_application()
    return write_html_pdf(page, path)

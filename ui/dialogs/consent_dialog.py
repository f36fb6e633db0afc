"""The member's consent, purpose by purpose: the answer, where it came from, the wording."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.clock import to_local
from app.privacy import consent
from app.privacy.documents import source_text
from ui.labels import moment_text
from ui.privacy_pdf import translate
from ui.widgets import plain_label

NOT_ASKED, GIVEN, REFUSED = 0, 1, 2


def purpose_title(key: str) -> str:
    return translate(consent.BY_KEY[key].title)


class ConsentDialog(QDialog):
    """Edits the answers; `changes()` gives what to record (only the purposes changed)."""

    def __init__(
        self,
        name: str,
        answers: dict[str, consent.Answer],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent of %1").replace("%1", name))
        self._answers = answers
        self.choices: dict[str, QComboBox] = {}
        self.wordings: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        intro = plain_label(
            self.tr(
                "Record each answer as the person gave it, with the words they were shown. "
                "Directory and invitations rest on the association's legitimate interest: "
                "only an objection leaves someone out. Newsletter and sharing need a consent."
            ),
            wrap=True,
        )
        layout.addWidget(intro)
        for p in consent.PURPOSES:
            box = QGroupBox(purpose_title(p.key))
            form = QFormLayout(box)
            choice = QComboBox()
            choice.setObjectName(f"consent_{p.key}")
            choice.addItem(self.tr("Never asked"), None)
            choice.addItem(self.tr("Given"), True)
            choice.addItem(self.tr("Refused or withdrawn"), False)
            found = answers.get(p.key)
            choice.setCurrentIndex(
                NOT_ASKED if found is None else GIVEN if found.granted else REFUSED
            )
            wording = QLineEdit(found.wording if found and found.wording else translate(p.wording))
            wording.setObjectName(f"wording_{p.key}")
            wording.setCursorPosition(0)
            form.addRow(self.tr("Answer"), choice)
            form.addRow(self.tr("Wording shown"), wording)
            if found is not None:
                moment = to_local(found.at)
                when = moment_text(moment) if moment else found.at[:10]
                said = plain_label(
                    self.tr("Recorded on %1, source: %2")
                    .replace("%1", when)
                    .replace("%2", source_text(found.source, translate))
                )
                form.addRow("", said)
            self.choices[p.key] = choice
            self.wordings[p.key] = wording
            layout.addWidget(box)
        self.source = QLineEdit()
        self.source.setObjectName("consent_source")
        self.source.setPlaceholderText(
            QCoreApplication.translate("Privacy", consent.SOURCES["card"])
        )
        source_form = QFormLayout()
        source_form.addRow(self.tr("Source of the new answers"), self.source)
        layout.addLayout(source_form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            Qt.Orientation.Horizontal,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        """The arguments of the `member.consent` operation (empty ``given``: nothing)."""
        given: dict[str, bool | None] = {}
        wording: dict[str, str] = {}
        for key, choice in self.choices.items():
            value = choice.currentData()
            before = self._answers.get(key)
            text = self.wordings[key].text().strip()
            reworded = before is not None and value is not None and text != (before.wording or "")
            if value != (before.granted if before else None) or reworded:
                given[key] = value
                wording[key] = text
        return {
            "given": given,
            "source": self.source.text().strip() or "card",
            "wording": wording,
        }

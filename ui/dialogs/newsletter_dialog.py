"""Send newsletter…: a segment or a search, a subject and a text, a test, then the send.

Everything that talks to the store or the mail server runs in a worker (`ui.workers`): the
recipients' count and the first recipient (for the preview) while the CM types the search,
the test message, the send with its progress and Cancel, the resume of an interrupted send.

The Send button stays disabled until a test of the current subject and text has reached the
CM's own address: the seed's advice ("a test send to the CM first") made a rule.

Opened from a calendar post (``post_id``), the send records that post: once finished, it
marks the post's newsletter version published (`newsletter.publish_post_of_send`).
"""

from __future__ import annotations

import ssl
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import segments
from app.errors import AmicaleError, Cancelled, ValidationError
from app.members.search import QuerySyntaxError
from app.messages import Message
from app.operations import Changes
from app.posts import newsletter
from app.posts.smtp import (
    VAULT,
    AuthenticationFailed,
    PasswordVault,
    SmtpSettings,
    load_settings,
)
from app.store import Store
from ui.dialogs.smtp_settings import SmtpSettingsDialog
from ui.labels import message_text
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import Job, LatestOnly

DEFAULT_SUBJECT = "{association}\u00a0: les nouvelles"
DEFAULT_BODY = "Bonjour {prénom},\n\n\n\nÀ bientôt,\n{association}"
# The search box waits for a pause in typing before counting.
COUNT_DELAY_MS = 250
SECURITY_NAMES = {"starttls": "STARTTLS", "tls": "TLS", "none": "—"}


class NewsletterDialog(QDialog):
    # A send finished, was cancelled or stopped: its SendSummary.
    sendEnded = Signal(object)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        query: str = "",
        subject: str = DEFAULT_SUBJECT,
        body: str = DEFAULT_BODY,
        post_id: int | None = None,
        vault: PasswordVault = VAULT,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newsletterDialog")
        self.setWindowTitle(self.tr("Send newsletter"))
        self.setMinimumSize(720, 640)
        self.store = store
        self.post_id = post_id
        self.vault = vault
        self.ssl_context = ssl_context
        self.settings = load_settings(store)
        self.association = newsletter.association_name(store)
        self.audience: newsletter.Audience | None = None
        self.job: Job | None = None
        self.running = ""  # "test", "send" or "resume" while a job runs
        # (subject, body, settings) of the last test that went out, and of the one running.
        self._tested: tuple[str, str, SmtpSettings] | None = None
        self._testing: tuple[str, str, SmtpSettings] | None = None
        self._close_requested = False
        self._resumable: newsletter.SendSummary | None = None

        # Who: a segment or a typed search.
        who = QGroupBox(self.tr("Recipients"))
        who_form = QFormLayout(who)
        self.segment_combo = QComboBox()
        self.segment_combo.setObjectName("segmentCombo")
        self.segment_combo.addItem(self.tr("Typed search"), None)
        for found in segments.list_segments(store):
            self.segment_combo.addItem(message_text(found.name), found.query)
        self.segment_combo.activated.connect(self._on_segment)
        who_form.addRow(self.tr("Segment"), self.segment_combo)
        self.query_edit = QLineEdit(query)
        self.query_edit.setObjectName("queryEdit")
        self.query_edit.setPlaceholderText(self.tr("all members, or a search such as tag:lyon"))
        self.query_edit.textChanged.connect(self._on_query_edited)
        who_form.addRow(self.tr("Search"), self.query_edit)
        self.count_label = plain_label(wrap=True)
        self.count_label.setObjectName("countLabel")
        who_form.addRow(self.count_label)

        # What: subject, text, the preview for the first recipient.
        what = QGroupBox(self.tr("Message"))
        what_layout = QVBoxLayout(what)
        self.subject_edit = QLineEdit(subject)
        self.subject_edit.setObjectName("subjectEdit")
        self.subject_edit.textChanged.connect(self._on_text_edited)
        subject_row = QFormLayout()
        subject_row.addRow(self.tr("Subject"), self.subject_edit)
        what_layout.addLayout(subject_row)
        texts = QHBoxLayout()
        self.body_edit = QPlainTextEdit(body)
        self.body_edit.setObjectName("bodyEdit")
        self.body_edit.textChanged.connect(self._on_text_edited)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("previewText")
        self.preview.setReadOnly(True)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.body_edit)
        hint = plain_label(
            self.tr("Fields: {prénom} {nom} {promo} {association}"),
            wrap=True,
        )
        left.addWidget(hint)
        self.preview_title = plain_label(wrap=True)
        self.preview_title.setObjectName("previewTitle")
        right.addWidget(self.preview_title)
        right.addWidget(self.preview)
        texts.addLayout(left, 1)
        texts.addLayout(right, 1)
        what_layout.addLayout(texts, 1)
        self.template_error = plain_label(wrap=True)
        self.template_error.setObjectName("templateError")
        self.template_error.setStyleSheet(ERROR_STYLE)
        what_layout.addWidget(self.template_error)

        # How: the server.
        server_row = QHBoxLayout()
        self.server_label = plain_label(wrap=True)
        self.server_label.setObjectName("serverLabel")
        self.server_button = QPushButton(self.tr("Mail server…"))
        self.server_button.setObjectName("serverButton")
        self.server_button.clicked.connect(self._on_server_settings)
        server_row.addWidget(self.server_label, 1)
        server_row.addWidget(self.server_button)

        # An interrupted send, to resume.
        resume_row = QHBoxLayout()
        self.resume_label = plain_label(wrap=True)
        self.resume_label.setObjectName("resumeLabel")
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setObjectName("resumeButton")
        self.resume_button.clicked.connect(self._on_resume)
        resume_row.addWidget(self.resume_label, 1)
        resume_row.addWidget(self.resume_button)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.hide()
        self.status_label = plain_label(wrap=True)
        self.status_label.setObjectName("statusLabel")
        self.error_label = plain_label(wrap=True)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)

        self.test_button = QPushButton(self.tr("Send test to me"))
        self.test_button.setObjectName("testButton")
        self.test_button.clicked.connect(self._on_test)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(self._on_send)
        self.cancel_button = QPushButton(self.tr("Cancel sending"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._on_cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        self.test_hint = plain_label(self.tr("Send a test to yourself first."))
        self.test_hint.setObjectName("testHint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.test_hint)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        if post_id is not None:
            self.post_label = plain_label(
                self.tr(
                    "This is a post of the calendar: once the send is over, it is marked published."
                ),
                wrap=True,
            )
            self.post_label.setObjectName("postLabel")
            layout.addWidget(self.post_label)
        layout.addWidget(who)
        layout.addWidget(what, 1)
        layout.addLayout(server_row)
        layout.addLayout(resume_row)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.counter = LatestOnly(self)
        self.counter.finished.connect(self._on_counted)
        self.counter.failed.connect(self._on_count_failed)
        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(COUNT_DELAY_MS)
        self.count_timer.timeout.connect(self._count)

        self._show_server()
        self._load_resumable()
        self._select_segment_of(query)
        self._count()
        self._on_text_edited()

    # --- state -----------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self.query_edit.text().strip()

    @property
    def subject(self) -> str:
        return self.subject_edit.text()

    @property
    def body(self) -> str:
        return self.body_edit.toPlainText()

    @property
    def tested(self) -> bool:
        """A test of exactly this subject and text went out through these settings."""
        return self._tested == (self.subject, self.body, self.settings)

    @property
    def busy(self) -> bool:
        return self.job is not None or self.counter.busy

    def _template_problems(self) -> list[str]:
        problems = [message_text(p) for p in newsletter.check_template(self.subject)]
        problems += [message_text(p) for p in newsletter.check_template(self.body)]
        return problems

    def _update_buttons(self) -> None:
        running = self.job is not None
        count = self.audience.count if self.audience is not None else 0
        text_ok = bool(self.subject.strip() and self.body.strip()) and not self._template_problems()
        ready = self.settings.configured and text_ok and not running
        self.test_button.setEnabled(ready)
        self.send_button.setEnabled(ready and count > 0 and self.tested)
        self.send_button.setText(
            self.tr("Send to %n member(s)", "", count) if count else self.tr("Send")
        )
        self.test_hint.setVisible(ready and count > 0 and not self.tested)
        self.resume_button.setEnabled(
            not running and self._resumable is not None and self.settings.configured
        )
        for widget in (self.segment_combo, self.query_edit, self.subject_edit, self.body_edit):
            widget.setEnabled(not running)
        self.server_button.setEnabled(not running)

    def _show_server(self) -> None:
        s = self.settings
        if not s.configured:
            text = self.tr("No mail server is set up yet.")
        else:
            text = (
                self.tr("Sent through %1:%2 (%3) from %4")
                .replace("%1", s.host)
                .replace("%2", str(s.port))
                .replace("%3", SECURITY_NAMES.get(s.security, s.security))
                .replace("%4", s.from_address)
            )
            if s.per_minute:
                text += " — " + self.tr("at most %n message(s) a minute", "", s.per_minute)
        self.server_label.setText(text)

    def _load_resumable(self) -> None:
        unfinished = newsletter.list_sends(self.store, unfinished_only=True)
        self._resumable = unfinished[0] if unfinished else None
        found = self._resumable
        if found is None:
            self.resume_label.hide()
            self.resume_button.hide()
        else:
            self.resume_label.setText(
                self.tr("An interrupted send “%1”: %2 of %3 sent, %4 still to send.")
                .replace("%1", found.subject)
                .replace("%2", str(found.sent))
                .replace("%3", str(found.total))
                .replace("%4", str(found.pending))
            )
            self.resume_label.show()
            self.resume_button.show()
        self._update_buttons()

    # --- recipients ------------------------------------------------------------------------

    def _select_segment_of(self, query: str) -> None:
        index = self.segment_combo.findData(query.strip()) if query.strip() else -1
        self.segment_combo.setCurrentIndex(max(0, index))

    @Slot(int)
    def _on_segment(self, index: int) -> None:
        query = self.segment_combo.itemData(index)
        if query is not None:
            self.query_edit.setText(str(query))

    @Slot(str)
    def _on_query_edited(self, text: str) -> None:
        chosen = self.segment_combo.currentData()
        if chosen is not None and str(chosen) != text.strip():
            self.segment_combo.setCurrentIndex(0)
        self.count_label.setText(self.tr("Counting…"))
        self.count_timer.start()

    @Slot()
    def _count(self) -> None:
        self.counter.start(newsletter.audience, self.store, self.query)

    @Slot(object)
    def _on_counted(self, found: newsletter.Audience) -> None:
        if found.query != self.query:
            return  # typed on since: a newer count is on its way
        self.audience = found
        self.count_label.setText(
            self.tr(
                "%n member(s) with an email address and the newsletter consent", "", found.count
            )
        )
        self._show_preview()
        self._update_buttons()

    @Slot(object)
    def _on_count_failed(self, error: BaseException) -> None:
        self.audience = None
        if isinstance(error, QuerySyntaxError):
            text = (
                self.tr("Search error at character %1: %2")
                .replace("%1", str(error.position + 1))
                .replace("%2", message_text(error.message))
            )
        else:
            text = self._error_text(error)
        self.count_label.setText(text)
        self._show_preview()
        self._update_buttons()

    # --- text and preview ------------------------------------------------------------------

    @Slot()
    def _on_text_edited(self) -> None:
        self.template_error.setText("\n".join(self._template_problems()))
        self._show_preview()
        self._update_buttons()

    def _show_preview(self) -> None:
        first = self.audience.first if self.audience is not None else None
        if first is None:
            self.preview_title.setText(self.tr("Preview (nobody to send to yet)"))
            self.preview.setPlainText("")
            return
        values = newsletter.values_for(first, self.association)
        self.preview_title.setText(
            self.tr("Preview for %1 <%2>")
            .replace("%1", first.display_name or first.email)
            .replace("%2", first.email)
        )
        subject = newsletter.render(self.subject, values)
        body = newsletter.render(self.body, values)
        self.preview.setPlainText(self.tr("Subject: %1").replace("%1", subject) + "\n\n" + body)

    # --- server ----------------------------------------------------------------------------

    @Slot()
    def _on_server_settings(self) -> None:
        dialog = SmtpSettingsDialog(self.store, self.settings, self.vault, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings = dialog.settings
            self._show_server()
            self._update_buttons()

    def _password(self) -> tuple[bool, str | None]:
        """(go on?, password): asks once per run when neither keyring nor memory has it."""
        if not self.settings.user:
            return True, None
        account = self.settings.keyring_account
        known = self.vault.get(account)
        if known is not None:
            return True, known
        typed, ok = QInputDialog.getText(
            self,
            self.tr("Mail server password"),
            self.tr("Password for %1 on %2:")
            .replace("%1", self.settings.user)
            .replace("%2", self.settings.host),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False, None
        self.vault.set(account, typed)
        return True, typed

    # --- jobs ------------------------------------------------------------------------------

    def _start(self, kind: str, fn: Any, *args: Any, **kwargs: Any) -> Job | None:
        go_on, password = self._password()
        if not go_on:
            return None
        self.error_label.clear()
        self.status_label.clear()
        self.running = kind
        self.job = Job(fn, *args, password, ssl_context=self.ssl_context, **kwargs)
        self.job.signals.finished.connect(self._on_finished)
        self.job.signals.failed.connect(self._on_failed)
        if kind != "test":
            self.job.signals.progress.connect(self._on_progress)
            self.progress_bar.setRange(0, 0)
            self.progress_bar.show()
            self.cancel_button.show()
            self.cancel_button.setEnabled(True)
            self.close_button.hide()
        else:
            self.status_label.setText(
                self.tr("Sending a test to %1…").replace("%1", self.settings.test_recipient)
            )
        self._update_buttons()
        return self.job.start()

    def send_test(self) -> Job | None:
        """What "Send test to me" does."""
        self._testing = (self.subject, self.body, self.settings)
        return self._start(
            "test",
            newsletter.send_test,
            self.store,
            self.settings,
            subject=self.subject,
            body=self.body,
            query=self.query,
        )

    def send(self) -> Job | None:
        """What "Send to N members" does."""
        return self._start(
            "send",
            newsletter.send_newsletter,
            self.store,
            self.query,
            self.subject,
            self.body,
            self.settings,
            post_id=self.post_id,
        )

    def resume(self) -> Job | None:
        if self._resumable is None:
            return None
        return self._start(
            "resume", newsletter.run_send, self.store, self._resumable.id, self.settings
        )

    @Slot()
    def _on_test(self) -> None:
        self.send_test()

    @Slot()
    def _on_send(self) -> None:
        self.send()

    @Slot()
    def _on_resume(self) -> None:
        self.resume()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
            self.status_label.setText(
                self.tr("%1 of %2 handled…").replace("%1", str(done)).replace("%2", str(total))
            )

    def _done(self) -> None:
        self.job = None
        self.running = ""
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self._load_resumable()
        if self._close_requested:
            super().reject()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        kind = self.running
        if kind == "test":
            self._tested = self._testing
            self.status_label.setText(
                self.tr("Test sent to %1. Check it, then send.").replace("%1", str(result))
            )
            self._done()
            return
        assert isinstance(result, newsletter.SendReport)
        state = result.summary
        text = self.tr("Newsletter sent to %n member(s).", "", state.sent)
        if state.failed:
            text += " " + self.tr("%n address(es) refused by the server.", "", state.failed)
        self.status_label.setText(text)
        self._done()
        self._announce_send()
        self.sendEnded.emit(state)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        kind = self.running
        if isinstance(error, AuthenticationFailed):
            # The kept password is wrong: ask again next time rather than retry it.
            self.vault.forget(self.settings.keyring_account)
        if isinstance(error, Cancelled):
            self.status_label.setText(
                self.tr("Sending paused. Resume it any time: nobody will receive it twice.")
            )
        elif kind == "test":
            self.error_label.setText(
                self.tr("The test was not sent: %1").replace("%1", self._error_text(error))
            )
        else:
            self.error_label.setText(self._error_text(error))
        self._done()
        if kind != "test" and self._resumable is not None:
            self._announce_send()
            self.sendEnded.emit(self._resumable)

    def _announce_send(self) -> None:
        # A send of a post's newsletter version publishes it once finished: the calendar (and
        # its due list) hear it wherever the dialog was opened from. A send with no post
        # changes nothing a panel lists (an empty announcement is not sent).
        OperationRunner.for_store(self.store).announce(Changes(posts=self.post_id is not None))

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, ValidationError):
            return "\n".join(message_text(p) for p in error.problems.values())
        if isinstance(error, AmicaleError):
            first = error.args[0] if error.args else ""
            return message_text(first) if isinstance(first, Message) else str(error)
        return f"{type(error).__name__}: {error}"  # a bug: one line, never a traceback

    @Slot()
    def _on_cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Stopping after the current message…"))

    def reject(self) -> None:
        # While sending, stop first; the dialog closes when the job reports back.
        if self.job is not None:
            self._close_requested = True
            self._on_cancel()
            return
        self.count_timer.stop()
        super().reject()

    def keyPressEvent(self, event: Any) -> None:
        # Enter in the subject line must not send anything.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

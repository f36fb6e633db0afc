"""The newsletter: one email per member of a segment, sent through the association's server.

Who receives it: the members matching the query (a segment's or one typed) who have an
email address AND gave their newsletter consent; an address shared by two members (a couple)
receives one message. The list is fixed when the send starts (`start_send`) and written to
the send log, one ``newsletter_recipient`` row each.

Sending (`run_send`) goes through the log's pending rows over one SMTP connection. As soon as
the server has accepted a message its row is marked ``sent`` in its own committed
transaction, before the next message starts; so a send interrupted in any way (Cancel, a
server that stops answering, the app closed) is resumed by running it again, and nobody who
was marked sent is written to twice. The one message that can go twice is the one whose
acceptance was never heard (the connection dropped while the server answered): it stays
pending, since a lost reply cannot tell "sent" from "not sent" and a missed member is worse
for a newsletter than a repeated one. Members erased or who withdrew their consent since the
start are not written to (their row is marked failed with the reason).

A refusal of one recipient (a 5xx reply: unknown mailbox) marks that row ``failed`` and the
send goes on; anything that concerns every message (4xx "try later", a refused sender, a
lost connection) stops the send, which stays resumable (state ``interrupted``).

Placeholders, in the subject and the body: ``{prénom}`` ``{nom}`` ``{promo}``
``{association}`` and their English names ``{first_name}`` ``{last_name}`` ``{class_year}``;
case and accents do not matter. ``{{`` and ``}}`` write a brace. An unknown placeholder stays
as typed (`check_template` names it before sending).
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from email import message_from_bytes
from email import policy as email_policy
from email.header import Header
from email.message import EmailMessage
from email.quoprimime import body_encode
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

import sqlalchemy as sa

from app import audit, clock
from app.association import NAME_KEY, get_setting
from app.clock import now_iso
from app.errors import AmicaleError, Cancelled, NotFoundError, ValidationError
from app.members.query import condition_for
from app.messages import QT_TRANSLATE_NOOP, Message
from app.posts.smtp import SmtpSettings, connect, smtp_reply
from app.posts.store import get_post, mark_published
from app.store import Store
from app.store.cancel import CancelToken, interruptible
from app.store.schema import channel, member, newsletter_recipient, newsletter_send
from app.text import fold

Progress = Callable[[int, int], object]

# Placeholder names, folded (so {Prénom}, {prenom} and {PRÉNOM} all work) → value.
PLACEHOLDERS = {
    "prenom": "first_name",
    "first_name": "first_name",
    "firstname": "first_name",
    "nom": "last_name",
    "last_name": "last_name",
    "lastname": "last_name",
    "promo": "promo",
    "class_year": "promo",
    "association": "association",
}
PLACEHOLDER_NAMES = {
    "fr": ("{prénom}", "{nom}", "{promo}", "{association}"),
    "en": ("{first_name}", "{last_name}", "{class_year}", "{association}"),
}
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
# Seconds between two looks at the cancel token while throttling.
_WAKE = 0.05


@dataclass(frozen=True)
class Recipient:
    member_id: int
    email: str
    first_name: str
    last_name: str
    promo: int | None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class SendSummary:
    id: int
    subject: str
    query: str
    started_at: str
    finished_at: str | None
    state: str
    total: int
    sent: int
    failed: int

    @property
    def pending(self) -> int:
        return self.total - self.sent - self.failed

    @property
    def resumable(self) -> bool:
        return self.state != "finished" and self.pending > 0


@dataclass(frozen=True)
class SendReport:
    send_id: int
    sent: int  # by this run
    failed: int  # by this run
    summary: SendSummary
    seconds: float


# --- placeholders ---------------------------------------------------------------------------


def _placeholder(name: str) -> str | None:
    return PLACEHOLDERS.get(fold(name.strip()).replace(" ", "_"))


def check_template(text: str, language: str = "fr") -> list[Message]:
    """The placeholders of ``text`` nobody knows (empty when it is fine)."""
    unknown = []
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        if name is not None and _placeholder(name) is None and match.group(0) not in unknown:
            unknown.append(match.group(0))
    if not unknown:
        return []
    names = PLACEHOLDER_NAMES.get(language, PLACEHOLDER_NAMES["fr"])
    return [
        Message(
            QT_TRANSLATE_NOOP("Messages", "not a known field: {0}. Fields you can use: {1}"),
            ", ".join(unknown),
            ", ".join(names),
        )
    ]


def values_for(recipient: Recipient, association: str) -> dict[str, str]:
    return {
        "first_name": recipient.first_name,
        "last_name": recipient.last_name,
        "promo": "" if recipient.promo is None else str(recipient.promo),
        "association": association,
    }


def render(template: str, values: Mapping[str, str]) -> str:
    """``template`` filled in; an unknown placeholder stays as typed, ``{{``/``}}`` are braces."""

    def token(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(0)[0]
        name = _placeholder(match.group(1))
        return match.group(0) if name is None else values.get(name, "")

    return _TOKEN.sub(token, template)


# --- recipients -----------------------------------------------------------------------------


_EMAIL = sa.func.trim(member.c.email)
# Letters folded as SQLite's lower() folds them (ASCII only), so counting distinct addresses
# in SQL and keeping one message per address in Python agree.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _reachable(query: str) -> sa.ColumnElement[bool]:
    """Members matching ``query`` with an address and the consent.

    Raises QuerySyntaxError (an AmicaleError with the position) on a malformed query.
    """
    return sa.and_(
        condition_for(query),
        member.c.consent.is_(True),
        member.c.email.is_not(None),
        _EMAIL != "",
    )


def _recipients_statement(query: str) -> sa.Select[Any]:
    """Reachable members in name order (the order of the send)."""
    return (
        sa.select(member.c.id, _EMAIL, member.c.first_name, member.c.last_name, member.c.promo)
        .where(_reachable(query))
        .order_by(member.c.sort_name, member.c.id)
    )


def _unique_by_address(rows: Iterable[Any]) -> list[Recipient]:
    seen: set[str] = set()
    out: list[Recipient] = []
    for member_id, email, first, last, promo in rows:
        key = email.translate(_ASCII_LOWER)
        if key in seen:
            continue  # one message per address
        seen.add(key)
        out.append(Recipient(member_id, email, (first or "").strip(), (last or "").strip(), promo))
    return out


def recipients(store: Store, query: str, cancel: CancelToken | None = None) -> list[Recipient]:
    """Who would receive a newsletter sent to ``query`` now."""
    stmt = _recipients_statement(query)
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            return _unique_by_address(conn.execute(stmt))


@dataclass(frozen=True)
class Audience:
    """What the newsletter window shows about a query: how many, and who comes first."""

    query: str
    count: int
    first: Recipient | None


def audience(store: Store, query: str, cancel: CancelToken | None = None) -> Audience:
    """The count (one per address) and the first recipient, without listing everyone: the
    window asks at every pause in typing, on stores of a million members."""
    where = _reachable(query)
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            count = conn.execute(
                sa.select(sa.func.count(sa.distinct(sa.func.lower(_EMAIL)))).where(where)
            ).scalar_one()
            first = _unique_by_address(conn.execute(_recipients_statement(query).limit(1)))
    return Audience(query, int(count), first[0] if first else None)


def association_name(store: Store) -> str:
    with store.read() as conn:
        return (get_setting(conn, NAME_KEY) or "").strip()


# --- the message ----------------------------------------------------------------------------


class MessageMaker:
    """Builds the messages of one send: plain text, UTF-8, quoted-printable (7-bit safe on any
    server), with Date, Message-ID, and List-Unsubscribe when an address is configured.

    The headers that are the same for every recipient are encoded once; per recipient only
    To, Subject, Date, Message-ID and the body are, with the email package's own encoders
    (RFC 2047 words for accented names, folding, quoted-printable). Building a message
    through `EmailMessage` costs about five times more, most of a send's time at 10,000
    recipients; tests check both give the same message.
    """

    def __init__(self, settings: SmtpSettings, association: str) -> None:
        self.sender = settings.from_address
        self.domain = settings.from_address.rpartition("@")[2] or "localhost"
        name = _one_line(settings.from_name or association)
        fixed = [f"From: {_address(name, settings.from_address)}"]
        if settings.unsubscribe:
            fixed.append(f"List-Unsubscribe: <mailto:{settings.unsubscribe}?subject=unsubscribe>")
        fixed += [
            # Tell auto-responders this is bulk mail (RFC 3834, and the usual Precedence).
            "Auto-Submitted: auto-generated",
            "Precedence: bulk",
            "MIME-Version: 1.0",
            'Content-Type: text/plain; charset="utf-8"',
            "Content-Transfer-Encoding: quoted-printable",
        ]
        self._fixed = "\r\n".join(fixed)

    def make(
        self,
        to_address: str,
        to_name: str,
        subject: str,
        body: str,
        *,
        now: datetime | None = None,
    ) -> bytes:
        subject_header = Header(
            _one_line(subject),
            "us-ascii" if subject.isascii() else "utf-8",
            header_name="Subject",
        ).encode(linesep="\r\n")
        head = "\r\n".join(
            (
                f"To: {_address(_one_line(to_name), to_address)}",
                f"Subject: {subject_header}",
                f"Date: {format_datetime(now or clock.now())}",
                f"Message-ID: {make_msgid(domain=self.domain)}",
                self._fixed,
            )
        )
        text = body.replace("\r\n", "\n").replace("\r", "\n")
        if not text.endswith("\n"):
            text += "\n"
        encoded = body_encode(text.encode("utf-8").decode("latin-1"), 76, eol="\r\n")
        return (head + "\r\n\r\n" + encoded).encode("ascii")


def _one_line(text: str) -> str:
    return " ".join(text.split())  # no header injection through a line break


def _address(name: str, address: str) -> str:
    return formataddr((name, address), charset="utf-8")


def build_message(
    settings: SmtpSettings,
    association: str,
    to_address: str,
    to_name: str,
    subject: str,
    body: str,
    *,
    now: datetime | None = None,
) -> EmailMessage:
    """One message as an `EmailMessage` (for a look at it; sending uses the bytes)."""
    data = MessageMaker(settings, association).make(to_address, to_name, subject, body, now=now)
    parsed = message_from_bytes(data, policy=email_policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _checked_text(subject: str, body: str) -> None:
    problems: dict[str, str] = {}
    if not subject.strip():
        problems["subject"] = Message(QT_TRANSLATE_NOOP("Messages", "the subject is empty"))
    if not body.strip():
        problems["body"] = Message(QT_TRANSLATE_NOOP("Messages", "the message is empty"))
    for field, text in (("subject", subject), ("body", body)):
        found = check_template(text)
        if found and field not in problems:
            problems[field] = found[0]
    if problems:
        raise ValidationError(problems)


def send_test(
    store: Store,
    settings: SmtpSettings,
    password: str | None,
    subject: str,
    body: str,
    query: str = "",
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> str:
    """Send the newsletter to the CM's own address, filled in for the first recipient.

    Nothing is logged: a test is not a send. Returns the address it went to.
    """
    _checked_text(subject, body)
    to = settings.test_recipient
    if not to:
        raise AmicaleError(
            Message(QT_TRANSLATE_NOOP("Messages", "give your own address to send the test to"))
        )
    association = association_name(store)
    found = recipients(store, query) if query.strip() else []
    sample = found[0] if found else Recipient(0, to, "Camille", "Martin", 2010)
    values = values_for(sample, association)
    data = MessageMaker(settings, association).make(
        to,
        sample.display_name,
        "[Test] " + render(subject, values),
        render(body, values),
    )
    client = connect(settings, password, ssl_context=ssl_context)
    try:
        client.sendmail(settings.from_address, [to], data)
    except smtplib.SMTPResponseException as exc:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "the mail server refused the test message: {0}"),
                smtp_reply(exc),
            )
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        reply = next(iter(exc.recipients.values()), (0, b""))
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "the mail server refused the address {0}: {1}"),
                to,
                f"{reply[0]} {reply[1].decode('utf-8', 'replace')}",
            )
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "the test message was not sent: {0}"),
                str(exc) or type(exc).__name__,
            )
        ) from None
    finally:
        _quit(client)
    return to


# --- the send log ---------------------------------------------------------------------------


def start_send(
    store: Store,
    query: str,
    subject: str,
    body: str,
    *,
    post_id: int | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Record a new send and its recipients (all pending); returns its id.

    Raises ValidationError for an empty subject or body or an unknown placeholder,
    AmicaleError when nobody would receive it.
    """
    _checked_text(subject, body)
    # One row per address: the member first in name order gets it (as `recipients` says).
    ranked = (
        sa.select(
            member.c.id,
            _EMAIL.label("email"),
            sa.func.row_number()
            .over(partition_by=sa.func.lower(_EMAIL), order_by=(member.c.sort_name, member.c.id))
            .label("rank"),
        )
        .where(_reachable(query))  # a malformed query fails here, before any write
        .subquery()
    )
    with store.write() as conn:
        result = conn.execute(
            newsletter_send.insert().values(
                post_id=post_id,
                subject=subject,
                body=body,
                query=query,
                started_at=now_iso(),
                state="sending",
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        send_id = int(key[0])
        # The list is copied in SQL: a segment of 300,000 never sits in memory.
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            count = conn.execute(
                newsletter_recipient.insert().from_select(
                    ["send_id", "member_id", "email"],
                    sa.select(sa.literal(send_id), ranked.c.id, ranked.c.email).where(
                        ranked.c.rank == 1
                    ),
                )
            ).rowcount
        if not count:  # raising rolls the send back: nothing is left behind
            raise AmicaleError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "nobody to send to: no member of this search has an email address "
                        "and the newsletter consent",
                    )
                )
            )
        audit.record(
            conn,
            "newsletter",
            "newsletter_send",
            send_id,
            {"query": query or None, "subject": subject, "recipients": count},
        )
    return send_id


def send_newsletter(
    store: Store,
    query: str,
    subject: str,
    body: str,
    settings: SmtpSettings,
    password: str | None,
    *,
    post_id: int | None = None,
    ssl_context: ssl.SSLContext | None = None,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> SendReport:
    """Start a send and run it (`start_send` then `run_send`).

    A send that stops before its first message (wrong password, server unreachable,
    cancelled at once) is forgotten: there is nothing to resume, and the CM may well change
    the text before trying again.
    """
    send_id = start_send(store, query, subject, body, post_id=post_id, cancel=cancel)
    try:
        return run_send(
            store,
            send_id,
            settings,
            password,
            ssl_context=ssl_context,
            cancel=cancel,
            progress=progress,
        )
    except AmicaleError:
        _discard_if_untouched(store, send_id)
        raise


def _discard_if_untouched(store: Store, send_id: int) -> None:
    with store.write() as conn:
        handled = conn.execute(
            sa.select(sa.func.count())
            .select_from(newsletter_recipient)
            .where(
                newsletter_recipient.c.send_id == send_id,
                newsletter_recipient.c.state != "pending",
            )
        ).scalar_one()
        if handled == 0:
            conn.execute(
                newsletter_recipient.delete().where(newsletter_recipient.c.send_id == send_id)
            )
            conn.execute(newsletter_send.delete().where(newsletter_send.c.id == send_id))


def summary(store: Store, send_id: int) -> SendSummary:
    with store.read() as conn:
        found = _summaries(conn, newsletter_send.c.id == send_id)
    if not found:
        raise NotFoundError(f"newsletter send {send_id} does not exist")
    return found[0]


def list_sends(store: Store, *, unfinished_only: bool = False) -> list[SendSummary]:
    """The sends, newest first; with ``unfinished_only``, those that can be resumed."""
    condition = newsletter_send.c.state != "finished" if unfinished_only else sa.true()
    with store.read() as conn:
        found = _summaries(conn, condition)
    return [s for s in found if s.resumable] if unfinished_only else found


def _summaries(conn: sa.Connection, condition: sa.ColumnElement[bool]) -> list[SendSummary]:
    r = newsletter_recipient
    counts = (
        sa.select(
            r.c.send_id,
            sa.func.count().label("total"),
            sa.func.sum(sa.case((r.c.state == "sent", 1), else_=0)).label("sent"),
            sa.func.sum(sa.case((r.c.state == "failed", 1), else_=0)).label("failed"),
        )
        # Only the sends asked about: the log of past sends can hold millions of rows.
        .where(r.c.send_id.in_(sa.select(newsletter_send.c.id).where(condition)))
        .group_by(r.c.send_id)
        .subquery()
    )
    s = newsletter_send
    stmt = (
        sa.select(
            s.c.id, s.c.subject, s.c.query, s.c.started_at, s.c.finished_at, s.c.state,
            sa.func.coalesce(counts.c.total, 0),
            sa.func.coalesce(counts.c.sent, 0),
            sa.func.coalesce(counts.c.failed, 0),
        )
        .select_from(s.outerjoin(counts, counts.c.send_id == s.c.id))
        .where(condition)
        .order_by(s.c.id.desc())
    )  # fmt: skip
    return [SendSummary(*row) for row in conn.execute(stmt)]


def retry_failed(store: Store, send_id: int) -> int:
    """Put the failed recipients of a send back in the queue; returns how many."""
    with store.write() as conn:
        changed = conn.execute(
            newsletter_recipient.update()
            .where(
                newsletter_recipient.c.send_id == send_id,
                newsletter_recipient.c.state == "failed",
            )
            .values(state="pending", error=None)
        ).rowcount
        if changed:
            conn.execute(
                newsletter_send.update()
                .where(newsletter_send.c.id == send_id)
                .values(state="interrupted", finished_at=None)
            )
    return int(changed)


# --- sending --------------------------------------------------------------------------------


class _Stop(Exception):
    """Something that concerns every remaining message: stop, stay resumable."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run_send(
    store: Store,
    send_id: int,
    settings: SmtpSettings,
    password: str | None,
    *,
    ssl_context: ssl.SSLContext | None = None,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> SendReport:
    """Send (or resume) ``send_id``: every pending recipient, one message each.

    ``progress(done, total)`` counts recipients handled (sent or failed) out of all of the
    send's. Cancel stops between two messages (raises Cancelled); a failure that concerns
    every message raises AmicaleError saying how far it got. Either way the send stays
    resumable: run it again.
    """
    with _running_lock:
        if send_id in _running:
            raise AmicaleError(
                Message(QT_TRANSLATE_NOOP("Messages", "this newsletter is already being sent"))
            )
        _running.add(send_id)
    try:
        return _run_send(store, send_id, settings, password, ssl_context, cancel, progress)
    finally:
        with _running_lock:
            _running.discard(send_id)


# Sends running in this process: running one twice at once would write to people twice.
_running: set[int] = set()
_running_lock = threading.Lock()


def _run_send(
    store: Store,
    send_id: int,
    settings: SmtpSettings,
    password: str | None,
    ssl_context: ssl.SSLContext | None,
    cancel: CancelToken | None,
    progress: Progress | None,
) -> SendReport:
    started = time.perf_counter()
    with store.read() as conn:
        row = conn.execute(
            sa.select(newsletter_send.c.subject, newsletter_send.c.body).where(
                newsletter_send.c.id == send_id
            )
        ).first()
        if row is None:
            raise NotFoundError(f"newsletter send {send_id} does not exist")
        subject, body = row
        association = (get_setting(conn, NAME_KEY) or "").strip()
        pending = conn.execute(
            sa.select(newsletter_recipient.c.member_id, newsletter_recipient.c.email)
            .where(
                newsletter_recipient.c.send_id == send_id,
                newsletter_recipient.c.state == "pending",
            )
            .order_by(newsletter_recipient.c.member_id)
        ).all()
    before = summary(store, send_id)
    total, done = before.total, before.sent + before.failed
    sent = failed = 0
    if progress is not None:
        progress(done, total)
    if not pending:
        _set_state(store, send_id, "finished")
        publish_post_of_send(store, send_id)
        return SendReport(send_id, 0, 0, summary(store, send_id), time.perf_counter() - started)
    _check(cancel)
    _set_state(store, send_id, "sending")

    client: smtplib.SMTP | None = None
    maker = MessageMaker(settings, association)
    next_at = 0.0
    try:
        client = connect(settings, password, ssl_context=ssl_context)
        for start in range(0, len(pending), 500):
            batch = pending[start : start + 500]
            people = _current_members(store, [member_id for member_id, _ in batch])
            for member_id, email in batch:
                _check(cancel)
                person = people.get(member_id)
                if person is None or not person[3]:
                    reason = "member erased" if person is None else "consent withdrawn"
                    _mark(store, send_id, member_id, "failed", reason)
                    failed += 1
                else:
                    _wait_until(next_at, cancel)
                    next_at = time.monotonic() + settings.interval
                    first, last, promo, _consent = person
                    recipient = Recipient(member_id, email, first or "", last or "", promo)
                    values = values_for(recipient, association)
                    data = maker.make(
                        email,
                        recipient.display_name,
                        render(subject, values),
                        render(body, values),
                    )
                    refusal = _deliver(client, settings.from_address, email, data)
                    if refusal is None:
                        _mark(store, send_id, member_id, "sent", None)
                        sent += 1
                    else:
                        _mark(store, send_id, member_id, "failed", refusal)
                        failed += 1
                done += 1
                if progress is not None:
                    progress(done, total)
    except Cancelled:
        _set_state(store, send_id, "interrupted")
        raise
    except _Stop as stop:
        _set_state(store, send_id, "interrupted")
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "sending stopped after {0} of {1} messages: {2}. "
                    "Resume the send to go on; nobody will receive it twice.",
                ),
                done,
                total,
                stop.reason,
            )
        ) from None
    except BaseException:
        _set_state(store, send_id, "interrupted")
        raise
    finally:
        _quit(client)
    _set_state(store, send_id, "finished")
    publish_post_of_send(store, send_id)
    return SendReport(send_id, sent, failed, summary(store, send_id), time.perf_counter() - started)


def send_message_id(send_id: int) -> str:
    """What a calendar post published by a send records as its message id."""
    return f"newsletter-send-{send_id}"


def publish_post_of_send(store: Store, send_id: int) -> int | None:
    """A finished send that reached someone publishes its calendar post's newsletter version
    (the first one not yet published, in channel order). Returns that version's id.

    Only called once the send is finished: an interrupted or failed send leaves the post as
    it was, so a post is never shown as published unless it went out.
    """
    done = summary(store, send_id)
    if done.state != "finished" or done.sent == 0:
        return None
    with store.read() as conn:
        post_id = conn.execute(
            sa.select(newsletter_send.c.post_id).where(newsletter_send.c.id == send_id)
        ).scalar()
        kinds = {row.id: row.kind for row in conn.execute(sa.select(channel.c.id, channel.c.kind))}
    if post_id is None:
        return None
    try:
        item = get_post(store, post_id)
    except NotFoundError:  # deleted while sending: the send log keeps what went out
        return None
    version = next(
        (
            v
            for v in item.versions
            if kinds.get(v.channel_id) == "newsletter" and v.state != "published"
        ),
        None,
    )
    if version is None or item.state == "cancelled":
        return None
    mark_published(store, version.id, message_id=send_message_id(send_id))
    return version.id


def _deliver(client: smtplib.SMTP, sender: str, to: str, data: bytes) -> str | None:
    """Hand one message to the server: None when accepted, the refusal when this recipient
    alone was refused. Raises _Stop when the problem is not about this recipient."""
    try:
        client.sendmail(sender, [to], data)
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = exc.recipients.get(to, (550, b"refused"))
        reply = f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
        if code >= 500:
            return reply
        raise _Stop(reply) from None
    except smtplib.SMTPSenderRefused as exc:
        _reset(client)
        raise _Stop(smtp_reply(exc)) from None
    except smtplib.SMTPResponseException as exc:  # DATA refused
        if exc.smtp_code >= 500:
            _reset(client)
            return smtp_reply(exc)
        raise _Stop(smtp_reply(exc)) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise _Stop(str(exc) or type(exc).__name__) from None
    return None


def _reset(client: smtplib.SMTP) -> None:
    # If even RSET fails, the next message will tell whether the connection still works.
    with contextlib.suppress(smtplib.SMTPException, OSError):
        client.rset()


def _current_members(store: Store, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """first name, last name, class year and consent of each member still there."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(
                member.c.id, member.c.first_name, member.c.last_name, member.c.promo,
                member.c.consent,
            ).where(member.c.id.in_(ids))
        )  # fmt: skip
        return {row[0]: tuple(row[1:]) for row in rows}


# Built once: this runs after every message, and building the statement each time cost
# as much as running it.
_MARK = (
    newsletter_recipient.update()
    .where(
        newsletter_recipient.c.send_id == sa.bindparam("send"),
        newsletter_recipient.c.member_id == sa.bindparam("member"),
    )
    .values(state=sa.bindparam("state"), sent_at=sa.bindparam("at"), error=sa.bindparam("why"))
)


def _mark(store: Store, send_id: int, member_id: int, state: str, error: str | None) -> None:
    # Its own committed transaction: once the server has the message, the log says so.
    at = now_iso() if state == "sent" else None
    with store.write() as conn:
        conn.execute(
            _MARK, {"send": send_id, "member": member_id, "state": state, "at": at, "why": error}
        )


def _set_state(store: Store, send_id: int, state: str) -> None:
    with store.write() as conn:
        conn.execute(
            newsletter_send.update()
            .where(newsletter_send.c.id == send_id)
            .values(state=state, finished_at=now_iso() if state == "finished" else None)
        )


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise Cancelled()


def _wait_until(moment: float, cancel: CancelToken | None) -> None:
    """Throttling: sleep until ``moment`` (time.monotonic), waking up to notice Cancel."""
    while True:
        _check(cancel)
        left = moment - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, _WAKE))


def _quit(client: smtplib.SMTP | None) -> None:
    if client is None:
        return
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()

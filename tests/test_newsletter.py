"""The newsletter against a real SMTP server (aiosmtpd on 127.0.0.1, started by the tests)."""

from __future__ import annotations

import ssl
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from keyring.backend import KeyringBackend

from app import association
from app.errors import AmicaleError, Cancelled, ValidationError
from app.members.service import MemberDirectory
from app.posts import newsletter
from app.posts.smtp import PasswordVault, SmtpSettings, load_settings, save_settings
from app.store import Store
from app.store.cancel import CancelToken
from app.store.schema import newsletter_recipient
from tests.smtp_server import Collector, make_certificate, smtp_server

BODY = "Bonjour {prénom} {NOM},\n\nLa promo {promo} et toute l'{association} vous saluent. {{ok}}"


@pytest.fixture
def named(store: Store) -> Store:
    association.save(store, association.Association("Amicale des Chimistes", ""))
    return store


@pytest.fixture
def server() -> Iterator[tuple[Collector, SmtpSettings]]:
    handler = Collector()
    with smtp_server(handler) as controller:
        settings = SmtpSettings(
            host="127.0.0.1",
            port=controller.port,
            security="none",
            from_address="bureau@amicale.example",
            test_address="cm@amicale.example",
            unsubscribe="desinscription@amicale.example",
        )
        yield handler, settings


def add_members(store: Store, count: int, *, consent: bool = True) -> list[int]:
    directory = MemberDirectory(store)
    return [
        directory.create(
            {
                "first_name": f"Membre{i:02d}",
                "last_name": "Test",
                "email": f"membre{i:02d}@example.org",
                "promo": 2000 + i,
                "consent": consent,
            },
            ["Envoi"],
        )
        for i in range(count)
    ]


def test_recipients_are_members_with_an_address_and_consent(
    named: Store, people: dict[str, int]
) -> None:
    everyone = newsletter.recipients(named, "")
    # Martin and Ärger have an address but no consent; Dupuis and Le Goff have no address.
    assert [r.member_id for r in everyone] == [people["Dupont"], people["Lefèvre"]]
    assert [r.email for r in newsletter.recipients(named, "tag:chimie")] == [
        "emilie.dupont@example.org"
    ]
    assert newsletter.recipients(named, "city:lyon") == []


def test_a_shared_address_receives_one_message(named: Store, people: dict[str, int]) -> None:
    MemberDirectory(named).create(
        {
            "first_name": "Paul",
            "last_name": "Dupont",
            "email": "Emilie.Dupont@example.org",
            "consent": True,
        }
    )
    found = newsletter.recipients(named, "")
    emails = [r.email.lower() for r in found]
    assert emails.count("emilie.dupont@example.org") == 1
    # The send log holds exactly these recipients (it is filled in SQL).
    send_id = newsletter.start_send(named, "", "S", "B")
    with named.read() as conn:
        logged = conn.execute(
            sa.select(newsletter_recipient.c.member_id, newsletter_recipient.c.email).where(
                newsletter_recipient.c.send_id == send_id
            )
        ).all()
    assert sorted(logged) == sorted((r.member_id, r.email) for r in found)


def test_placeholders_in_french_and_english() -> None:
    values = {"first_name": "Émilie", "last_name": "Dupont", "promo": "2005", "association": "AC"}
    assert newsletter.render("{prénom} {Prenom} {first_name} {nom} {last_name}", values) == (
        "Émilie Émilie Émilie Dupont Dupont"
    )
    assert newsletter.render("{promo}/{class_year} {association}", values) == "2005/2005 AC"
    assert newsletter.render("{{x}} {inconnu} {", values) == "{x} {inconnu} {"
    assert newsletter.check_template("Salut {prénom}") == []
    problem = newsletter.check_template("Salut {prenon} {âge}")
    assert problem and "{prenon}, {âge}" in problem[0] and "{prénom}" in problem[0]


def test_send_fills_in_each_message_and_logs_it(
    named: Store, people: dict[str, int], server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    send_id = newsletter.start_send(named, "", "Nouvelles pour {prénom}", BODY)
    seen: list[tuple[int, int]] = []
    report = newsletter.run_send(
        named, send_id, settings, None, progress=lambda d, t: seen.append((d, t))
    )
    assert (report.sent, report.failed) == (2, 0)
    assert report.summary.state == "finished" and report.summary.finished_at
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    by_address = {m.recipients[0]: m.message for m in handler.received}
    assert set(by_address) == {"emilie.dupont@example.org", "francois@example.org"}
    emilie = by_address["emilie.dupont@example.org"]
    assert emilie["Subject"] == "Nouvelles pour Émilie"
    assert emilie["To"].addresses[0].display_name == "Émilie Dupont"
    assert emilie["From"].addresses[0].addr_spec == "bureau@amicale.example"
    assert emilie["From"].addresses[0].display_name == "Amicale des Chimistes"
    assert emilie["Date"] and emilie["Message-ID"].endswith("@amicale.example>")
    assert emilie["List-Unsubscribe"] == (
        "<mailto:desinscription@amicale.example?subject=unsubscribe>"
    )
    assert emilie.get_content_type() == "text/plain"
    assert emilie.get_content_charset() == "utf-8"
    assert emilie.get_content().replace("\r\n", "\n") == (
        "Bonjour Émilie Dupont,\n\nLa promo 2005 et toute l'Amicale des Chimistes vous "
        "saluent. {ok}\n"
    )
    francois = by_address["francois@example.org"]
    assert "Bonjour François Lefèvre" in francois.get_content()
    assert all(m.sender == "bureau@amicale.example" for m in handler.received)
    # Running it again sends nothing more.
    again = newsletter.run_send(named, send_id, settings, None)
    assert (again.sent, len(handler.received)) == (0, 2)


def test_test_send_goes_to_the_cm_only_and_is_not_logged(
    named: Store, people: dict[str, int], server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    to = newsletter.send_test(named, settings, None, "Pour {prénom}", BODY, "tag:chimie")
    assert to == "cm@amicale.example"
    assert handler.recipients() == ["cm@amicale.example"]
    message = handler.received[0].message
    assert message["Subject"] == "[Test] Pour Émilie"  # the first recipient's values
    assert newsletter.list_sends(named) == []
    with pytest.raises(ValidationError, match="subject"):
        newsletter.send_test(named, settings, None, "  ", BODY)


def test_throttling_spaces_the_messages(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    add_members(named, 4)
    settings = replace(settings, per_minute=600)  # one every 0.1 s
    send_id = newsletter.start_send(named, "", "S", "B")
    started = time.monotonic()
    newsletter.run_send(named, send_id, settings, None)
    elapsed = time.monotonic() - started
    assert len(handler.received) == 4
    assert elapsed >= 3 * 0.1 - 0.01  # three gaps between four messages


def test_cancel_mid_send_then_resume_sends_nobody_twice(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    add_members(named, 7)
    send_id = newsletter.start_send(named, "tag:envoi", "S {prénom}", "B")
    token = CancelToken()

    def cancel_after_three(done: int, total: int) -> None:
        if done == 3:
            token.cancel()

    with pytest.raises(Cancelled):
        newsletter.run_send(
            named, send_id, settings, None, cancel=token, progress=cancel_after_three
        )
    state = newsletter.summary(named, send_id)
    assert (state.state, state.sent, state.pending) == ("interrupted", 3, 4)
    assert len(handler.received) == 3
    assert [s.id for s in newsletter.list_sends(named, unfinished_only=True)] == [send_id]

    report = newsletter.run_send(named, send_id, settings, None)
    assert report.sent == 4 and report.summary.state == "finished"
    counts = Counter(handler.recipients())
    assert len(counts) == 7 and set(counts.values()) == {1}
    assert newsletter.list_sends(named, unfinished_only=True) == []


def test_server_failing_on_the_nth_message_then_resume(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    add_members(named, 6)
    handler.fail_at = 4  # "451 try again later" to the fourth message
    send_id = newsletter.start_send(named, "", "S", "B")
    with pytest.raises(AmicaleError) as failure:
        newsletter.run_send(named, send_id, settings, None)
    text = str(failure.value)
    assert "stopped after 3 of 6" in text and "451" in text and "\n" not in text
    assert newsletter.summary(named, send_id).state == "interrupted"
    assert len(handler.received) == 3

    report = newsletter.run_send(named, send_id, settings, None)
    assert report.sent == 3
    counts = Counter(handler.recipients())
    assert len(counts) == 6 and set(counts.values()) == {1}


def test_the_server_going_away_interrupts_the_send(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    _handler, settings = server
    add_members(named, 2)
    send_id = newsletter.start_send(named, "", "S", "B")
    dead = replace(settings, port=1)  # nothing listens there
    with pytest.raises(AmicaleError, match=r"cannot reach the mail server 127\.0\.0\.1:1"):
        newsletter.run_send(named, send_id, dead, None)
    assert newsletter.summary(named, send_id).resumable


def test_a_refused_address_fails_alone_and_can_be_retried(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    add_members(named, 3)
    handler.refuse = {"membre01@example.org"}
    send_id = newsletter.start_send(named, "", "S", "B")
    report = newsletter.run_send(named, send_id, settings, None)
    assert (report.sent, report.failed) == (2, 1)
    assert report.summary.state == "finished"
    assert sorted(handler.recipients()) == ["membre00@example.org", "membre02@example.org"]

    handler.refuse = set()
    assert newsletter.retry_failed(named, send_id) == 1
    newsletter.run_send(named, send_id, settings, None)
    counts = Counter(handler.recipients())
    assert len(counts) == 3 and set(counts.values()) == {1}


def test_withdrawn_consent_or_erased_member_is_not_written_to(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    ids = add_members(named, 3)
    send_id = newsletter.start_send(named, "", "S", "B")
    directory = MemberDirectory(named)
    directory.update(ids[0], {"consent": False})
    directory.delete([ids[1]])
    report = newsletter.run_send(named, send_id, settings, None)
    assert (report.sent, report.failed) == (1, 2)
    assert handler.recipients() == ["membre02@example.org"]


def test_nobody_to_send_to_is_explained(named: Store, people: dict[str, int]) -> None:
    with pytest.raises(AmicaleError, match="nobody to send to"):
        newsletter.start_send(named, "city:lyon", "S", "B")
    assert newsletter.list_sends(named) == []  # nothing left behind
    with pytest.raises(ValidationError, match="not a known field"):
        newsletter.start_send(named, "", "S", "Bonjour {prenon}")


def test_bad_credentials_give_a_clear_message(named: Store, people: dict[str, int]) -> None:
    handler = Collector()
    with smtp_server(handler, login=("cm", "s3cret")) as controller:
        settings = SmtpSettings(
            host="127.0.0.1",
            port=controller.port,
            security="none",
            user="cm",
            from_address="bureau@amicale.example",
        )
        send_id = newsletter.start_send(named, "", "S", "B")
        with pytest.raises(AmicaleError) as failure:
            newsletter.run_send(named, send_id, settings, "wrong")
        text = str(failure.value)
        assert text.startswith("the mail server 127.0.0.1 refused the user name or password")
        assert "535" in text and "\n" not in text
        assert handler.received == []
        with pytest.raises(AmicaleError, match=r"password for cm on 127\.0\.0\.1 is needed"):
            newsletter.run_send(named, send_id, settings, None)
        report = newsletter.run_send(named, send_id, settings, "s3cret")
        assert report.sent == 2


def test_no_password_in_clear_to_another_computer(named: Store, people: dict[str, int]) -> None:
    settings = SmtpSettings(
        host="smtp.example.org", port=25, security="none", user="cm", from_address="a@b.example"
    )
    with pytest.raises(AmicaleError, match="refusing to send the password in clear"):
        newsletter.send_test(named, settings, "secret", "S", "B")


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    made = make_certificate(tmp_path)
    if made is None:
        pytest.skip("the openssl tool is needed to make a test certificate")
    return made


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_starttls_and_implicit_tls_with_a_login(
    named: Store, people: dict[str, int], certificate: tuple[Path, Path], security: str
) -> None:
    cert, key = certificate
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    client_context = ssl.create_default_context(cafile=str(cert))
    handler = Collector()
    tls: dict[str, Any] = (
        {"starttls": server_context} if security == "starttls" else {"implicit_tls": server_context}
    )
    with smtp_server(handler, login=("cm", "s3cret"), **tls) as controller:
        settings = SmtpSettings(
            host="127.0.0.1",
            port=controller.port,
            security=security,
            user="cm",
            from_address="bureau@amicale.example",
            test_address="cm@amicale.example",
        )
        newsletter.send_test(named, settings, "s3cret", "S", "B", ssl_context=client_context)
        assert handler.recipients() == ["cm@amicale.example"]
        # Without trusting the self-signed certificate, the connection is refused.
        with pytest.raises(AmicaleError, match=r"secure connection to 127\.0\.0\.1 failed"):
            newsletter.send_test(named, settings, "s3cret", "S", "B")
        assert len(handler.received) == 1


def test_settings_round_trip_and_checks(store: Store) -> None:
    assert not load_settings(store).configured
    saved = save_settings(
        store,
        SmtpSettings(
            host=" smtp.example.org ", port=465, security="tls", user="cm",
            from_address="bureau@amicale.example", per_minute=30,
        ),
    )  # fmt: skip
    loaded = load_settings(store)
    assert loaded == saved and loaded.host == "smtp.example.org" and loaded.interval == 2.0
    assert loaded.keyring_account == "cm@smtp.example.org:465"
    with pytest.raises(ValidationError) as problems:
        save_settings(store, replace(saved, security="ssl3", port=0, from_address="nope"))
    assert set(problems.value.problems) == {"security", "port", "from_address"}


class MemoryKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's clear-text file keyring: must never be used."""


class BrokenKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("the keyring is locked")


def test_password_goes_to_a_usable_keyring() -> None:
    backend = MemoryKeyring()
    vault = PasswordVault(backend)
    assert vault.persistent
    assert vault.set("cm@smtp:587", "s3cret") is True
    assert list(backend.saved.values()) == ["s3cret"]
    assert PasswordVault(backend).get("cm@smtp:587") == "s3cret"  # a later run finds it
    vault.forget("cm@smtp:587")
    assert backend.saved == {} and vault.get("cm@smtp:587") is None


@pytest.mark.parametrize("backend", [PlaintextKeyring(), None], ids=["plaintext", "none"])
def test_without_a_safe_keyring_the_password_stays_in_memory(backend: Any) -> None:
    vault = PasswordVault(backend, use_system=False)
    assert not vault.persistent
    assert vault.set("cm@smtp:587", "s3cret") is False
    assert vault.get("cm@smtp:587") == "s3cret"
    if backend is not None:
        assert backend.saved == {}  # never written in clear
    assert PasswordVault(backend, use_system=False).get("cm@smtp:587") is None  # next run


def test_a_failing_keyring_falls_back_to_memory() -> None:
    vault = PasswordVault(BrokenKeyring())
    assert vault.set("cm@smtp:587", "s3cret") is False
    assert vault.get("cm@smtp:587") == "s3cret"
    assert not vault.persistent


def test_a_send_that_never_started_is_not_left_to_resume(
    named: Store, people: dict[str, int], server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    with pytest.raises(AmicaleError, match="cannot reach"):
        newsletter.send_newsletter(named, "", "S", "B", replace(settings, port=1), None)
    assert newsletter.list_sends(named) == []
    report = newsletter.send_newsletter(named, "", "S", "B", settings, None)
    assert report.sent == 2 and [s.id for s in newsletter.list_sends(named)] == [report.send_id]
    assert len(handler.received) == 2


@pytest.mark.parametrize(
    ("name", "subject", "body"),
    [
        ("Émilie Dupont", "Nouvelles pour Émilie", "Bonjour Émilie,\n\nÀ bientôt\n"),
        ("Dupont, Jean (promo 99)", 'Subject "quoted" ; with: specials', "Plain ASCII."),
        ("Zoë", "Très " * 40 + "long", ("ligne très longue " * 30) + "\r\n.\r\nFrom here\n"),
        ("", "=?utf-8?q?not_a_word?= \t tab", "=3D and = signs, trailing space \n"),
        ("Łukasz 日本", "Emoji 🎉 and 日本語", "🎉\n\n" + "x" * 2000),
    ],
)
def test_messages_match_what_the_email_package_builds(name: str, subject: str, body: str) -> None:
    from email import message_from_bytes, policy
    from email.headerregistry import Address
    from email.message import EmailMessage

    settings = SmtpSettings(
        host="h", from_address="bureau@amicale.example", unsubscribe="stop@amicale.example"
    )
    data = newsletter.MessageMaker(settings, "Amicale des Chimistes").make(
        "someone@example.org", name, subject, body
    )
    assert data.isascii() and all(len(line) <= 998 for line in data.split(b"\r\n"))
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    ours = message_from_bytes(data, policy=policy.default)

    expected = EmailMessage()
    expected["From"] = Address("Amicale des Chimistes", addr_spec="bureau@amicale.example")
    expected["To"] = Address(name, addr_spec="someone@example.org")
    expected["Subject"] = " ".join(subject.split())
    expected.set_content(body.replace("\r\n", "\n"), charset="utf-8")
    reference = message_from_bytes(expected.as_bytes(policy=policy.SMTP), policy=policy.default)

    for header in ("From", "To", "Subject"):
        assert str(ours[header]) == str(reference[header]), header
    assert ours["To"].addresses[0].display_name == name
    assert ours["To"].addresses[0].addr_spec == "someone@example.org"
    assert ours.get_content_type() == "text/plain" and ours.get_content_charset() == "utf-8"
    assert ours["Content-Transfer-Encoding"] == "quoted-printable"
    normal = body.replace("\r\n", "\n")
    assert ours.get_content().replace("\r\n", "\n") == (
        normal if normal.endswith("\n") else normal + "\n"
    )
    assert reference.get_content().replace("\r\n", "\n") == ours.get_content().replace("\r\n", "\n")
    assert ours["Message-ID"].endswith("@amicale.example>") and ours["Date"].datetime.tzinfo
    assert ours["List-Unsubscribe"] == "<mailto:stop@amicale.example?subject=unsubscribe>"


def test_one_send_cannot_run_twice_at_once(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    add_members(named, 3)
    send_id = newsletter.start_send(named, "", "S", "B")
    second: list[BaseException] = []

    def try_again(done: int, total: int) -> None:
        if done == 1 and not second:
            try:
                newsletter.run_send(named, send_id, settings, None)
            except AmicaleError as exc:
                second.append(exc)

    newsletter.run_send(named, send_id, settings, None, progress=try_again)
    assert "already being sent" in str(second[0])
    assert Counter(handler.recipients()) == Counter(
        {f"membre{i:02d}@example.org": 1 for i in range(3)}
    )


def test_audience_counts_one_per_address_like_the_send(
    named: Store, people: dict[str, int]
) -> None:
    MemberDirectory(named).create(
        {
            "first_name": "Paul",
            "last_name": "Zeta",
            "email": " FRANCOIS@example.org ",
            "consent": True,
        }
    )
    found = newsletter.audience(named, "")
    assert found.count == len(newsletter.recipients(named, "")) == 2
    assert found.first is not None and found.first.member_id == people["Dupont"]
    assert newsletter.audience(named, "city:lyon") == newsletter.Audience("city:lyon", 0, None)


def test_gdpr_export_lists_newsletters_and_erasure_removes_the_address(
    named: Store, people: dict[str, int], server: tuple[Collector, SmtpSettings]
) -> None:
    from app.members import gdpr

    _handler, settings = server
    newsletter.send_newsletter(named, "", "Gala", "B", settings, None)
    data = gdpr.export_member_data(named, people["Dupont"])
    [sent] = data["newsletters"]
    assert (sent["subject"], sent["email"], sent["state"]) == (
        "Gala",
        "emilie.dupont@example.org",
        "sent",
    )
    gdpr.erase_member(named, people["Dupont"])
    with named.read() as conn:
        emails = conn.execute(sa.select(newsletter_recipient.c.email)).scalars().all()
    assert emails == ["francois@example.org"]

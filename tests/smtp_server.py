"""A real SMTP server on 127.0.0.1 for the tests and the benchmark (aiosmtpd in a thread).

The handler keeps every message it accepted; it can refuse an address (550), answer
"try later" (451) to the Nth message, and check a login.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Collector:
    """aiosmtpd handler: keeps what it accepts; misbehaves on request."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  # addresses answered 550 at RCPT
    fail_at: int | None = None  # the Nth DATA (1-based) is answered 451, once
    keep: bool = True  # False: only count (the benchmark)
    count: int = 0
    _data_seen: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self._data_seen += 1
            if self.fail_at is not None and self._data_seen == self.fail_at:
                self.fail_at = None
                return "451 4.3.0 temporary failure, try again later"
            self.count += 1
            if self.keep:
                self.received.append(
                    Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
                )
        return "250 OK queued"

    def recipients(self) -> list[str]:
        with self.lock:
            return [r for m in self.received for r in m.recipients]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _authenticator(user: str, password: str) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == user
            and data.password.decode() == password
        )
        return AuthResult(success=ok, handled=False)

    return check


@contextlib.contextmanager
def smtp_server(
    handler: Collector,
    *,
    login: tuple[str, str] | None = None,
    starttls: ssl.SSLContext | None = None,
    implicit_tls: ssl.SSLContext | None = None,
) -> Iterator[Controller]:
    """A running server on 127.0.0.1 (its port is ``.port``), stopped on exit."""
    kwargs: dict[str, Any] = {}
    if login is not None:
        kwargs["authenticator"] = _authenticator(*login)
        # aiosmtpd only knows about TLS started with STARTTLS; implicit TLS is TLS all along.
        kwargs["auth_require_tls"] = starttls is not None
        kwargs["auth_exclude_mechanism"] = ["CRAM-MD5"]
    if starttls is not None:
        kwargs["tls_context"] = starttls
        kwargs["require_starttls"] = True
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        ssl_context=implicit_tls,
        server_hostname="localhost",
        **kwargs,
    )
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


def make_certificate(folder: Path) -> tuple[Path, Path] | None:
    """A self-signed certificate for 127.0.0.1/localhost (None without the openssl tool)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", str(key), "-out", str(cert), "-days", "2",
                "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    return cert, key

"""The association's outgoing mail server: its settings, its password, a connection.

Settings live in the store's ``setting`` table (``smtp.*`` keys); the password never does.
It goes to the operating system's keyring (`keyring`), and when no usable keyring exists
(a bare Linux session, a frozen build without a backend) it is kept in memory for the run of
the app only, so the CM types it once per run. A keyring that would write it in clear
(keyrings.alt's plaintext file) does not count as usable.

Security choices:
- ``starttls`` (port 587) and ``tls`` (implicit TLS, port 465) verify the server's
  certificate with the system's trust store.
- ``none`` sends everything in clear. It exists for a relay on this machine (a local test
  server, a corporate relay on localhost); a password is refused over it unless the server
  is on the loopback interface.
"""

from __future__ import annotations

import contextlib
import ipaddress
import smtplib
import ssl
import threading
from dataclasses import dataclass, replace
from typing import Any

from app.association import get_setting, put_setting
from app.errors import AmicaleError, ValidationError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.schema import setting

SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
KEYRING_SERVICE = "Amicale SMTP"
TIMEOUT = 30.0  # seconds for connecting and for each SMTP reply

_KEYS = {
    "host": "smtp.host",
    "port": "smtp.port",
    "security": "smtp.security",
    "user": "smtp.user",
    "from_address": "smtp.from_address",
    "from_name": "smtp.from_name",
    "test_address": "newsletter.test_address",
    "unsubscribe": "newsletter.unsubscribe",
    "per_minute": "newsletter.per_minute",
}


class AuthenticationFailed(AmicaleError):
    """The server refused the user name or password (the kept password is wrong)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str = ""  # empty: the server takes mail without logging in
    from_address: str = ""
    from_name: str = ""  # empty: the association's name
    # Where "Send test to me" goes; empty: the from address.
    test_address: str = ""
    # An address members write to to unsubscribe (the List-Unsubscribe header); optional.
    unsubscribe: str = ""
    # Throttling: at most this many messages a minute (0: as fast as the server takes them).
    # Many providers cap a mailbox at a few hundred messages an hour.
    per_minute: int = 0

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_address)

    @property
    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}"

    @property
    def interval(self) -> float:
        """Seconds to leave between two messages."""
        return 60.0 / self.per_minute if self.per_minute > 0 else 0.0

    @property
    def test_recipient(self) -> str:
        return self.test_address or self.from_address


def load_settings(store: Store) -> SmtpSettings:
    with store.read() as conn:
        raw = {field: get_setting(conn, key) for field, key in _KEYS.items()}
    defaults = SmtpSettings()
    values: dict[str, Any] = {}
    for field, text in raw.items():
        if text is None:
            continue
        if field in ("port", "per_minute"):
            try:
                values[field] = int(text)
            except ValueError:
                continue  # a damaged value: the default is safer than a crash
        else:
            values[field] = text
    return replace(defaults, **values)


def check_settings(settings: SmtpSettings) -> SmtpSettings:
    """``settings`` cleaned up; raises ValidationError naming the field that is wrong."""
    cleaned = replace(
        settings,
        host=settings.host.strip(),
        user=settings.user.strip(),
        from_address=settings.from_address.strip(),
        from_name=settings.from_name.strip(),
        test_address=settings.test_address.strip(),
        unsubscribe=settings.unsubscribe.strip(),
    )
    problems: dict[str, str] = {}
    if cleaned.security not in SECURITY:
        problems["security"] = Message(
            QT_TRANSLATE_NOOP("Messages", "unknown security '{0}' (known: {1})"),
            cleaned.security,
            ", ".join(SECURITY),
        )
    if not 0 < cleaned.port < 65536:
        problems["port"] = Message(QT_TRANSLATE_NOOP("Messages", "a port is between 1 and 65535"))
    if cleaned.per_minute < 0:
        problems["per_minute"] = Message(
            QT_TRANSLATE_NOOP("Messages", "messages per minute cannot be negative")
        )
    for field in ("from_address", "test_address", "unsubscribe"):
        value = getattr(cleaned, field)
        if value and not looks_like_address(value):
            problems[field] = Message(
                QT_TRANSLATE_NOOP("Messages", "'{0}' is not an email address"), value
            )
    if any(c in cleaned.host for c in " /\\@"):
        problems["host"] = Message(
            QT_TRANSLATE_NOOP("Messages", "'{0}' is not a server name"), cleaned.host
        )
    if problems:
        raise ValidationError(problems)
    return cleaned


def save_settings(store: Store, settings: SmtpSettings) -> SmtpSettings:
    cleaned = check_settings(settings)
    with store.write() as conn:
        for field, key in _KEYS.items():
            value = getattr(cleaned, field)
            if value in ("", None):
                conn.execute(setting.delete().where(setting.c.key == key))
            else:
                put_setting(conn, key, str(value))
    return cleaned


def looks_like_address(text: str) -> bool:
    """A plausible single address: something@domain.tld, no spaces or header breakers."""
    local, at, domain = text.rpartition("@")
    return bool(
        at and local and "." in domain.strip(".") and not any(c in text for c in ' \t\r\n,;<>"()')
    )


# --- the password --------------------------------------------------------------------------


class PasswordVault:
    """The SMTP password: in the OS keyring when there is a usable one, else in memory.

    ``backend`` is a keyring backend (tests pass their own); None asks `keyring` for the
    system's. An error from the keyring at any time (locked, D-Bus gone) falls back to memory
    for the rest of the run rather than losing the password.
    """

    def __init__(self, backend: Any | None = None, *, use_system: bool = True) -> None:
        self._backend = backend
        self._use_system = use_system and backend is None
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self._broken = False

    def _keyring(self) -> Any | None:
        if self._broken:
            return None
        if self._backend is None and self._use_system:
            try:
                import keyring

                self._backend = keyring.get_keyring()
            except Exception:  # an unusable keyring configuration: memory it is
                self._broken = True
                return None
            self._use_system = False
        if self._backend is None or not _is_safe_backend(self._backend):
            return None
        return self._backend

    @property
    def persistent(self) -> bool:
        """True when a password saved now will still be there at the next start."""
        return self._keyring() is not None

    def get(self, account: str) -> str | None:
        with self._lock:
            if account in self._memory:
                return self._memory[account]
            backend = self._keyring()
            if backend is None:
                return None
            try:
                found = backend.get_password(KEYRING_SERVICE, account)
            except Exception:
                self._broken = True
                return None
            return None if found is None else str(found)

    def set(self, account: str, password: str) -> bool:
        """Keep ``password``; True when it went to the keyring, False when only in memory."""
        with self._lock:
            backend = self._keyring()
            if backend is not None:
                try:
                    backend.set_password(KEYRING_SERVICE, account, password)
                except Exception:
                    self._broken = True
                else:
                    self._memory.pop(account, None)
                    return True
            self._memory[account] = password
            return False

    def forget(self, account: str) -> None:
        with self._lock:
            self._memory.pop(account, None)
            backend = self._keyring()
            if backend is not None:
                # Nothing stored, or the keyring refuses: nothing more to do either way.
                with contextlib.suppress(Exception):
                    backend.delete_password(KEYRING_SERVICE, account)


def _is_safe_backend(backend: Any) -> bool:
    """A keyring that stores secrets encrypted or in an OS vault (not the fail/null ones,
    not a plaintext file)."""
    inner = getattr(backend, "backends", None)
    if inner is not None:  # keyring's chainer: safe when one of its backends is
        return any(_is_safe_backend(b) for b in inner)
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if "plaintext" in name or name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    try:
        return float(backend.priority) >= 1
    except Exception:
        return False


# The app's one vault: the password typed in the window is kept for the whole run.
VAULT = PasswordVault()


# --- connecting ----------------------------------------------------------------------------

_CANNOT_REACH = QT_TRANSLATE_NOOP("Messages", "cannot reach the mail server {0}:{1}: {2}")
_BAD_LOGIN = QT_TRANSLATE_NOOP(
    "Messages", "the mail server {0} refused the user name or password: {1}"
)
_NO_STARTTLS = QT_TRANSLATE_NOOP(
    "Messages", "the mail server {0} does not offer STARTTLS: choose TLS or another port"
)
_TLS_FAILED = QT_TRANSLATE_NOOP("Messages", "secure connection to {0} failed: {1}")
_NO_PASSWORD_IN_CLEAR = QT_TRANSLATE_NOOP(
    "Messages",
    "refusing to send the password in clear to {0}: choose STARTTLS or TLS "
    "(unencrypted is only for a server on this computer)",
)
_NO_AUTH = QT_TRANSLATE_NOOP("Messages", "the mail server {0} does not accept a login here: {1}")
_NOT_CONFIGURED = QT_TRANSLATE_NOOP(
    "Messages", "the mail server is not set up: give its name and the sender's address"
)
_NEED_PASSWORD = QT_TRANSLATE_NOOP("Messages", "the password for {0} on {1} is needed")


def smtp_reply(exc: smtplib.SMTPResponseException) -> str:
    """The server's reply in one line, e.g. "535 5.7.8 Authentication credentials invalid"."""
    text = exc.smtp_error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{exc.smtp_code} {' '.join(str(text).split())}".strip()


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def connect(
    settings: SmtpSettings,
    password: str | None,
    *,
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> smtplib.SMTP:
    """An open, logged-in SMTP connection; AmicaleError with a one-line reason otherwise.

    ``ssl_context`` defaults to the system's trust store with host name checks; tests pass
    one that trusts their own certificate.
    """
    if not settings.configured:
        raise AmicaleError(Message(_NOT_CONFIGURED))
    host, port = settings.host, settings.port
    if settings.user and password is None:
        raise AmicaleError(Message(_NEED_PASSWORD, settings.user, host))
    if settings.user and settings.security == "none" and not _is_loopback(host):
        raise AmicaleError(Message(_NO_PASSWORD_IN_CLEAR, host))
    context = ssl_context or ssl.create_default_context()
    client: smtplib.SMTP | None = None
    try:
        if settings.security == "tls":
            client = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise AmicaleError(Message(_NO_STARTTLS, host))
            client.starttls(context=context)
            client.ehlo()
        if settings.user:
            client.login(settings.user, password or "")
    except AmicaleError:
        _close(client)
        raise
    except smtplib.SMTPAuthenticationError as exc:
        _close(client)
        raise AuthenticationFailed(Message(_BAD_LOGIN, host, smtp_reply(exc))) from None
    except smtplib.SMTPNotSupportedError as exc:
        _close(client)
        raise AmicaleError(Message(_NO_AUTH, host, str(exc) or "AUTH")) from None
    except smtplib.SMTPException as exc:
        _close(client)
        detail = smtp_reply(exc) if isinstance(exc, smtplib.SMTPResponseException) else str(exc)
        raise AmicaleError(Message(_CANNOT_REACH, host, port, detail)) from None
    except ssl.SSLError as exc:
        _close(client)
        raise AmicaleError(Message(_TLS_FAILED, host, exc.reason or str(exc))) from None
    except OSError as exc:  # refused, unknown host, timeout
        _close(client)
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise AmicaleError(Message(_CANNOT_REACH, host, port, reason)) from None
    return client


def _close(client: smtplib.SMTP | None) -> None:
    if client is None:
        return
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()

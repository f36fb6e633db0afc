"""The documents of the privacy duties: the access letter and the register of processing.

Both are built here as text and HTML, in the window's language: the caller hands in its
``translate`` (Qt's, in the "Privacy" context; the command line's is English). PDFs are
painted from the same HTML by the window's libraries (``ui/privacy_pdf.py``).

The register ("registre des traitements", GDPR art. 30) is generated from what Amicale
actually keeps — the fields registry, the purposes and their legal basis, the retention rules
— and the CM may rewrite it: the edited text is kept in the store and exported as it is. Its
light markup: a line "# Title" or "## Section" is a heading, "- item" a list item, a blank
line ends a paragraph.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any, Protocol

from app import association, audit
from app.members import fields
from app.messages import QT_TRANSLATE_NOOP
from app.privacy import consent, retention
from app.store import Store


class Translate(Protocol):
    """Qt's translate in the "Privacy" context; ``n`` picks a plural form for "%n"."""

    def __call__(self, text: str, n: int = -1) -> str: ...


REGISTER_KEY = "privacy.register"
MAX_REGISTER = 200_000

T_LETTER_TITLE = QT_TRANSLATE_NOOP("Privacy", "Your personal data held by %1")
T_LETTER_INTRO = QT_TRANSLATE_NOOP(
    "Privacy",
    "In answer to your request, here is all the information %1 holds about you, as of %2. "
    "You may ask us to correct it, to stop using it for any of the purposes below, or to "
    "erase it.",
)
T_FILE = QT_TRANSLATE_NOOP("Privacy", "Your file")
T_TAGS = QT_TRANSLATE_NOOP("Privacy", "Tags")
T_COMMUNITIES = QT_TRANSLATE_NOOP("Privacy", "Groups and communities")
T_CONSENTS = QT_TRANSLATE_NOOP("Privacy", "Your choices, purpose by purpose")
T_GIVEN = QT_TRANSLATE_NOOP("Privacy", "given")
T_REFUSED = QT_TRANSLATE_NOOP("Privacy", "refused")
T_NOT_ASKED = QT_TRANSLATE_NOOP("Privacy", "never asked")
T_ON_FROM = QT_TRANSLATE_NOOP("Privacy", "%1 on %2 (source: %3)")
T_HISTORY = QT_TRANSLATE_NOOP("Privacy", "History of your file")
T_NEWSLETTERS = QT_TRANSLATE_NOOP("Privacy", "Newsletters sent to you")
T_WISHES = QT_TRANSLATE_NOOP("Privacy", "Birthday wishes")
T_REQUESTS = QT_TRANSLATE_NOOP("Privacy", "Your requests")
T_NONE = QT_TRANSLATE_NOOP("Privacy", "None.")
T_YES = QT_TRANSLATE_NOOP("Privacy", "yes")
T_NO = QT_TRANSLATE_NOOP("Privacy", "no")
T_SIGNED = QT_TRANSLATE_NOOP("Privacy", "For %1,")

T_REGISTER = QT_TRANSLATE_NOOP("Privacy", "Register of processing — %1")
T_REGISTER_INTRO = QT_TRANSLATE_NOOP(
    "Privacy",
    "Processing: the directory of the association's graduates, kept with Amicale on the "
    "community managers' computers. Controller: %1. Generated on %2; edit it to match how "
    "the association really works.",
)
T_DATA = QT_TRANSLATE_NOOP("Privacy", "Data kept about each member")
T_DATA_OTHER = QT_TRANSLATE_NOOP(
    "Privacy",
    "Also: tags, groups and communities, the history of changes (who changed what, when), "
    "newsletters sent, birthday wishes, join requests and their moderation.",
)
T_PURPOSES = QT_TRANSLATE_NOOP("Privacy", "Purposes and legal basis")
T_BASIS_CONSENT = QT_TRANSLATE_NOOP(
    "Privacy", "%1: on the member's consent, recorded with its date, source and wording."
)
T_BASIS_INTEREST = QT_TRANSLATE_NOOP(
    "Privacy",
    "%1: on the association's legitimate interest; a member who objects is left out.",
)
T_RETENTION = QT_TRANSLATE_NOOP("Privacy", "How long data is kept")
T_RETENTION_RULE = QT_TRANSLATE_NOOP(
    "Privacy",
    "%1: %n years without news, then the member is proposed for erasure (never erased "
    "without a decision).",
)
T_RETENTION_NONE = QT_TRANSLATE_NOOP(
    "Privacy", "No retention rule is set: members are kept until they ask to be erased."
)
T_RECIPIENTS = QT_TRANSLATE_NOOP("Privacy", "Who receives the data")
T_RECIPIENTS_TEXT = QT_TRANSLATE_NOOP(
    "Privacy",
    "The association's community managers. Exports for a purpose leave out the members it "
    "does not allow; each export is logged. Nothing is sent elsewhere unless a CM exports it.",
)
T_SECURITY = QT_TRANSLATE_NOOP("Privacy", "Security")
T_SECURITY_TEXT = QT_TRANSLATE_NOOP(
    "Privacy",
    "The data file is readable by its owner only; erasure overwrites the deleted data; "
    "backups are verified copies, listed for replacement after an erasure.",
)
T_RIGHTS = QT_TRANSLATE_NOOP("Privacy", "Rights of the people")
T_RIGHTS_TEXT = QT_TRANSLATE_NOOP(
    "Privacy",
    "Access, rectification, objection and erasure requests are logged with the date "
    "received and answered; they are answered within one month.",
)

STATUS_TITLES = {
    "member": QT_TRANSLATE_NOOP("Privacy", "Members"),
    "former": QT_TRANSLATE_NOOP("Privacy", "Former members"),
    "lost": QT_TRANSLATE_NOOP("Privacy", "Lost touch"),
}


def _english(text: str, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


# --- the access letter -----------------------------------------------------------------------


def access_letter_html(
    data: dict[str, Any],
    association_name: str,
    translate: Translate = _english,
    field_title: Callable[[str], str] | None = None,
) -> str:
    """A readable letter of everything ``data`` (`gdpr.export_member_data`) holds."""
    t = translate
    title_of = field_title or (
        lambda key: fields.BY_NAME[key].title if key in fields.BY_NAME else key
    )
    e = html.escape
    org = association_name or "the association"
    values = data["member"]
    name = " ".join(str(values.get(k) or "") for k in ("first_name", "last_name")).strip()
    out = [
        "<html><head><meta charset='utf-8'>",
        f"<title>{e(t(T_LETTER_TITLE).replace('%1', org))}</title></head><body>",
        f"<h1>{e(t(T_LETTER_TITLE).replace('%1', org))}</h1>",
        f"<p>{e(name)}</p>",
        f"<p>{e(t(T_LETTER_INTRO).replace('%1', org).replace('%2', data['exported_at'][:10]))}</p>",
        f"<h2>{e(t(T_FILE))}</h2>",
        "<table border='1' cellspacing='0' cellpadding='4'>",
    ]
    for key, value in values.items():
        if key == "id" or value is None or value == "":
            continue
        shown = t(T_YES if value else T_NO) if isinstance(value, bool) else str(value)
        out.append(f"<tr><th align='left'>{e(title_of(key))}</th><td>{e(shown)}</td></tr>")
    out.append("</table>")
    out.append(f"<h2>{e(t(T_TAGS))}</h2>" + _items(data["tags"], t))
    communities = [f"{c['name']} ({c['role']})" for c in data["communities"]]
    out.append(f"<h2>{e(t(T_COMMUNITIES))}</h2>" + _items(communities, t))
    given = {c["purpose"]: c for c in data.get("consents", [])}
    lines = []
    for p in consent.PURPOSES:
        found = given.get(p.key)
        if found is None:
            lines.append(f"{t(p.title)}: {t(T_NOT_ASKED)}")
        else:
            answer = t(T_GIVEN if found["given"] else T_REFUSED)
            said = (
                t(T_ON_FROM)
                .replace("%1", answer)
                .replace("%2", str(found["at"])[:10])
                .replace("%3", source_text(found["source"], t))
            )
            wording = f" — « {found['wording']} »" if found.get("wording") else ""
            lines.append(f"{t(p.title)}: {said}{wording}")
    out.append(f"<h2>{e(t(T_CONSENTS))}</h2>" + _items(lines, t))
    history = [
        f"{h['at'][:10]} {h['action']}"
        + (
            f" ({', '.join(h['detail'].get('fields', []))})"
            if isinstance(h.get("detail"), dict) and h["detail"].get("fields")
            else ""
        )
        for h in data["history"]
    ]
    out.append(f"<h2>{e(t(T_HISTORY))}</h2>" + _items(history, t))
    sent = [
        f"{(n['sent_at'] or '')[:10]} {n['subject']} → {n['email']}" for n in data["newsletters"]
    ]
    out.append(f"<h2>{e(t(T_NEWSLETTERS))}</h2>" + _items(sent, t))
    wishes = [f"{w['year']} ({w['channel']})" for w in data["birthday_wishes"]]
    out.append(f"<h2>{e(t(T_WISHES))}</h2>" + _items(wishes, t))
    asked = [
        f"{r['kind']}: {r['received_on']}" + (f" → {r['answered_on']}" if r["answered_on"] else "")
        for r in data.get("requests", [])
    ]
    out.append(f"<h2>{e(t(T_REQUESTS))}</h2>" + _items(asked, t))
    out.append(f"<p>{e(t(T_SIGNED).replace('%1', org))}</p></body></html>")
    return "\n".join(out)


def _items(items: list[str], t: Translate) -> str:
    if not items:
        return f"<p>{html.escape(t(T_NONE))}</p>"
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


def source_text(source: str, translate: Translate = _english) -> str:
    """A consent's source as the user reads it: the program's codes in words."""
    code, _, detail = source.partition(":")
    if code in consent.SOURCES:
        words = translate(consent.SOURCES[code])
        return f"{words} ({detail})" if detail else words
    return source


# --- the register of processing ------------------------------------------------------------


def generated_register(
    store: Store,
    translate: Translate = _english,
    day: str = "",
    field_title: Callable[[str], str] | None = None,
) -> str:
    """The register as Amicale knows it now (fields, purposes, retention rules);
    ``field_title`` names the fields in the window's language."""
    t = translate
    title_of = field_title or (lambda key: fields.BY_NAME[key].title)
    found = association.load(store)
    org = found.name if found else "—"
    lines = [
        "# " + t(T_REGISTER).replace("%1", org),
        "",
        t(T_REGISTER_INTRO).replace("%1", org).replace("%2", day),
        "",
        "## " + t(T_DATA),
        "",
    ]
    lines += [f"- {title_of(f.name)}" for f in fields.FIELDS if f.stored and f.editable]
    lines += ["", t(T_DATA_OTHER), "", "## " + t(T_PURPOSES), ""]
    for p in consent.PURPOSES:
        template = T_BASIS_CONSENT if p.basis == "consent" else T_BASIS_INTEREST
        lines.append("- " + t(template).replace("%1", t(p.title)))
    lines += ["", "## " + t(T_RETENTION), ""]
    rules = retention.rules(store)
    if rules:
        for status in retention.STATUSES:
            if status in rules:
                text = t(T_RETENTION_RULE, rules[status])
                lines.append("- " + text.replace("%1", t(STATUS_TITLES[status])))
    else:
        lines.append(t(T_RETENTION_NONE))
    for heading, text in (
        (T_RECIPIENTS, T_RECIPIENTS_TEXT),
        (T_SECURITY, T_SECURITY_TEXT),
        (T_RIGHTS, T_RIGHTS_TEXT),
    ):
        lines += ["", "## " + t(heading), "", t(text)]
    return "\n".join(lines) + "\n"


def saved_register(store: Store) -> str | None:
    """The CM's own version of the register, if they edited it."""
    with store.read() as conn:
        return association.get_setting(conn, REGISTER_KEY)


def save_register(store: Store, text: str | None) -> None:
    """Keep the CM's text (None: back to the generated one)."""
    from app.store.schema import setting

    if text is not None and len(text) > MAX_REGISTER:
        text = text[:MAX_REGISTER]
    with store.write() as conn:
        if text is None or not text.strip():
            conn.execute(setting.delete().where(setting.c.key == REGISTER_KEY))
        else:
            association.put_setting(conn, REGISTER_KEY, text)
        audit.record(conn, "register-edited", "setting", None, {"kept": text is not None})


def register_text(store: Store, translate: Translate = _english, day: str = "") -> str:
    """The register to show or export: the CM's, else the generated one."""
    return saved_register(store) or generated_register(store, translate, day)


def register_html(text: str) -> str:
    """The register's light markup as a small HTML document."""
    e = html.escape
    out = ["<html><head><meta charset='utf-8'></head><body>"]
    paragraph: list[str] = []
    in_list = False

    def flush() -> None:
        nonlocal in_list
        if paragraph:
            out.append(f"<p>{e(' '.join(paragraph))}</p>")
            paragraph.clear()
        if in_list:
            out.append("</ul>")
            in_list = False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            out.append(f"<h2>{e(line[3:])}</h2>")
        elif line.startswith("# "):
            flush()
            out.append(f"<h1>{e(line[2:])}</h1>")
        elif line.startswith("- "):
            if paragraph:
                out.append(f"<p>{e(' '.join(paragraph))}</p>")
                paragraph.clear()
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{e(line[2:])}</li>")
        else:
            if in_list:
                out.append("</ul>")
                in_list = False
            paragraph.append(line)
    flush()
    out.append("</body></html>")
    return "\n".join(out)


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)

"""The moderation settings the CM edits: keyword and domain lists, replies, templates, rules.

Stored as JSON in ``moderation_setting``; a key never written holds its default, so new
defaults reach existing stores. Keywords are matched folded (accents and case ignored), as
whole words; a trailing ``*`` matches any ending ("recrut*": recrute, recrutons, recrutement).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from app.store import Store
from app.store.schema import moderation_setting

DEFAULTS: dict[str, Any] = {
    "keywords.recruiting": [
        "recrut*",
        "cdi",
        "cdd",
        "offre d'emploi",
        "offres d'emploi",
        "poste a pourvoir",
        "postes a pourvoir",
        "envoyez votre cv",
        "envoyez vos cv",
        "cv a",
        "tjm",
        "freelance",
        "mission freelance",
        "chasseur de tetes",
        "cabinet de recrutement",
        "rejoignez notre equipe",
        "candidature*",
        "salaire",
        "hiring",
        "we are hiring",
        "we're hiring",
        "job offer",
        "job opening",
        "apply now",
        "recruiter",
        "full-time",
        "open position*",
        "send your cv",
        "send your resume",
        "join our team",
    ],
    "keywords.commercial": [
        "formation cpf",
        "cpf",
        "code promo",
        "promo code",
        "reduction",
        "offre speciale",
        "offre exclusive",
        "opportunite unique",
        "gagnez",
        "devis gratuit",
        "achetez",
        "soldes",
        "prix imbattable*",
        "webinaire gratuit",
        "appel decouverte",
        "places limitees",
        "discount",
        "limited offer",
        "buy now",
        "free trial",
        "special offer",
        "sign up now",
        "best price",
        "unique opportunity",
        "free webinar",
        "coaching",
    ],
    "keywords.spam": [
        "whatsapp",
        "telegram",
        "crypto*",
        "bitcoin",
        "forex",
        "trading",
        "investissement garanti",
        "revenus passifs",
        "argent facile",
        "dm me",
        "dm moi",
        "mp moi",
        "ecrivez-moi en prive",
        "passive income",
        "make money",
        "click here",
        "cliquez ici",
        "100% garanti",
        "guaranteed returns",
    ],
    "domains.shorteners": [
        "bit.ly",
        "tinyurl.com",
        "t.co",
        "goo.gl",
        "ow.ly",
        "is.gd",
        "buff.ly",
        "cutt.ly",
        "rebrand.ly",
        "shorturl.at",
        "t.ly",
        "tiny.cc",
        "rb.gy",
        "lnkd.in",
        "s.id",
    ],
    "domains.blocked": ["wa.me", "t.me", "chat.whatsapp.com", "binance.com"],
    # The association's own sites: their links are never held against a post.
    "domains.allowed": [],
    # The replies to a rejection, by what is rejected: a join request, or a post (or
    # comment) by its strongest signal (app.moderation.queue.reply_choices picks them).
    "replies.reject": [
        "Bonjour, ce groupe est réservé aux diplômés de l'école ; nous n'avons pas pu vérifier "
        "votre diplôme. N'hésitez pas à nous écrire avec votre promotion.",
        "Hello, this group is for the school's graduates only; we could not confirm your "
        "degree. Feel free to write to us with your class year.",
    ],
    "replies.reject.commercial": [
        "Bonjour, les offres commerciales ne sont pas publiées dans ce groupe. Merci de votre "
        "compréhension.",
        "Hello, commercial offers are not published in this group. Thank you for your "
        "understanding.",
    ],
    "replies.reject.recruiting": [
        "Bonjour, les annonces de recrutement ne sont pas publiées dans ce groupe ; vous "
        "pouvez les proposer à l'association pour sa lettre d'offres. Merci de votre "
        "compréhension.",
        "Hello, job offers are not published in this group; you can send them to the "
        "association for its jobs newsletter. Thank you for your understanding.",
    ],
    "replies.reject.spam": [
        "Bonjour, votre message a été retiré : il ressemble à un message indésirable "
        "(liens, messagerie privée, argent facile).",
        "Hello, your message was removed: it looks like spam (links, private messaging, easy "
        "money).",
    ],
    "replies.reject.post": [
        "Bonjour, votre message n'a pas été publié : il ne correspond pas à l'objet de ce "
        "groupe. Merci de votre compréhension.",
        "Hello, your message was not published: it is not what this group is for. Thank you "
        "for your understanding.",
    ],
    "template.info": (
        "Bonjour {name}, merci pour votre demande. Pourriez-vous nous indiquer votre promotion "
        "et votre filière à l'école, afin que nous puissions la vérifier ?"
    ),
    # Suggest "reject" from this score on (see app.moderation.checks).
    "reject_score": 4,
    # Rules, off until the CM turns them on.
    "rules.auto_approve_known": False,
    "rules.auto_reject": False,
    "rules.auto_reject_score": 6,
}

KEYWORD_LISTS = ("keywords.recruiting", "keywords.commercial", "keywords.spam")
# The lists of rejection replies: join requests, then posts by signal, then other posts.
REPLY_LISTS = (
    "replies.reject",
    "replies.reject.commercial",
    "replies.reject.recruiting",
    "replies.reject.spam",
    "replies.reject.post",
)
DOMAIN_LISTS = ("domains.shorteners", "domains.blocked", "domains.allowed")


def read_all(conn: sa.Connection) -> dict[str, Any]:
    values = dict(DEFAULTS)
    for key, raw in conn.execute(sa.select(moderation_setting.c.key, moderation_setting.c.value)):
        try:
            values[key] = json.loads(raw)
        except ValueError:
            continue  # a hand-edited value that no longer parses: the default stands
    return values


def load(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        return read_all(conn)


def write(conn: sa.Connection, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"unknown moderation setting {key!r}")
    raw = json.dumps(value, ensure_ascii=False)
    existing = conn.execute(
        sa.select(moderation_setting.c.key).where(moderation_setting.c.key == key)
    ).first()
    if existing is None:
        conn.execute(moderation_setting.insert().values(key=key, value=raw))
    else:
        conn.execute(
            moderation_setting.update().where(moderation_setting.c.key == key).values(value=raw)
        )


def save(store: Store, **values: Any) -> None:
    """Save settings by key, dots written as double underscores: ``rules__auto_reject=True``."""
    with store.write() as conn:
        for name, value in values.items():
            write(conn, name.replace("__", "."), value)


def save_many(store: Store, values: dict[str, Any]) -> None:
    with store.write() as conn:
        for key, value in values.items():
            write(conn, key, value)

"""The demo store's editorial calendar: a few weeks of posts around ``today`` on several
channels — published ones in the past (fictional history), a due one, a failed one, drafts,
a monthly newsletter and an event with its announcement, reminder and thanks."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from app.clock import now_iso
from app.posts import new_id
from app.posts.channels import list_channels
from app.posts.store import PostDraft, insert_post
from app.posts.timing import DEFAULT_TZ, format_utc, to_utc
from app.store.schema import event, post, post_version

_TOPICS = (
    ("Afterwork à Lyon", "Rendez-vous jeudi pour l’afterwork des anciens à Lyon 🍻"),
    ("Portrait d’alumni", "Portrait\u00a0: Camille, promo 2009, nous raconte son parcours."),
    ("Offre de stage", "Une entreprise partenaire recherche un·e stagiaire en chimie."),
    ("Cotisation", "Pensez à renouveler votre cotisation pour soutenir l’amicale\u00a0!"),
    ("Conférence", "Conférence sur la transition énergétique, ouverte à tous les diplômés."),
    ("Annuaire", "Mettez à jour votre fiche dans l’annuaire des anciens."),
    ("Mentorat", "Le programme de mentorat cherche des parrains et marraines."),
    ("Photos du gala", "Les photos du gala sont en ligne\u00a0! Merci aux photographes."),
)


def make_demo_posts(conn: sa.Connection, seed: int, today: date) -> int:
    """Insert the demo posts inside the caller's transaction; returns how many."""
    rng = random.Random(seed)
    chans = {c.kind: c for c in list_channels(conn)}
    social = [chans[k] for k in ("linkedin", "facebook", "x", "mastodon") if k in chans]
    count = 0
    failed = False
    for offset in range(-21, 29):
        day = today + timedelta(days=offset)
        for chan in social:
            slots = [t for d, t in chan.slots if d == day.weekday()]
            if not slots or rng.random() < 0.25:
                continue
            title, text = _TOPICS[rng.randrange(len(_TOPICS))]
            hour, minute = (int(x) for x in slots[0].split(":"))
            link = "https://amicale-exemple.fr/actualites" if rng.random() < 0.4 else None
            versions: dict[int, tuple[str | None, str | None]] = {chan.id: (None, None)}
            if chan.kind != "x" and "x" in chans and rng.random() < 0.3:
                versions[chans["x"].id] = (text[:200], None)
            post_id = insert_post(
                conn,
                PostDraft(
                    title=title,
                    text=text,
                    link=link,
                    local_time=datetime.combine(day, time(hour, minute)),
                    tz=DEFAULT_TZ,
                    versions=versions,
                    state="draft" if offset > 14 and rng.random() < 0.5 else "scheduled",
                ),
            )
            count += 1
            if offset < -1:
                _publish_history(conn, post_id, day)
            elif offset in (-2, -1) and not failed:
                _fail(conn, post_id, "the network refused the image (demo)")
                failed = True
    if "newsletter" in chans:
        first = today.replace(day=1) + timedelta(days=32)
        insert_post(
            conn,
            PostDraft(
                title="La lettre de l’amicale",
                text="Les nouvelles du mois\u00a0: événements, portraits, offres.",
                local_time=datetime.combine(first.replace(day=1), time(8, 0)),
                recurrence="monthly",
                versions={chans["newsletter"].id: (None, None)},
                state="scheduled",
            ),
        )
        count += 1
    gala = today + timedelta(days=24)
    event_id = new_id(
        conn.execute(
            event.insert().values(
                title="Gala des anciens",
                day=gala.isoformat(),
                time="19:30",
                place="Lyon",
                link="https://amicale-exemple.fr/gala",
                created_at=now_iso(),
            )
        )
    )
    for role, days, text in (
        ("announcement", -21, "📅 Gala des anciens le {0} à Lyon. Réservez la date\u00a0!"),
        ("reminder", -2, "⏰ J-2\u00a0: le gala des anciens, c’est le {0}\u00a0!"),
        ("thanks", 1, "🙏 Merci à toutes et à tous d’être venus au gala\u00a0!"),
    ):
        insert_post(
            conn,
            PostDraft(
                title=f"Gala ({role})",
                text=text.format(gala.strftime("%d/%m")),
                link="https://amicale-exemple.fr/gala",
                local_time=datetime.combine(gala + timedelta(days=days), time(9, 0)),
                versions={c.id: (None, None) for c in social[:2]},
                event_id=event_id,
                role=role,
            ),
        )
        count += 1
    return count


def _publish_history(conn: sa.Connection, post_id: int, day: date) -> None:
    at = to_utc(datetime.combine(day, time(9, 5)), DEFAULT_TZ)
    conn.execute(
        post_version.update()
        .where(post_version.c.post_id == post_id)
        .values(
            state="published",
            published_at=format_utc(at),
            published_url=f"https://amicale-exemple.fr/p/{post_id}",
        )
    )
    conn.execute(post.update().where(post.c.id == post_id).values(state="published"))


def _fail(conn: sa.Connection, post_id: int, reason: str) -> None:
    conn.execute(
        post_version.update()
        .where(post_version.c.post_id == post_id)
        .values(state="failed", failure_reason=reason)
    )
    conn.execute(post.update().where(post.c.id == post_id).values(state="failed"))

"""Sample queue items with their truth: the demo's queue and the quality fixture.

Each sample is a `NewItem` and a `Label` saying what it really is: a real graduate of the
store (with the ways people really type their names: typos, first and last names swapped,
accents dropped, the class year one off, a compound name without its hyphen, a maiden name),
an impostor, a recruiting, commercial or spam post, or an ordinary post. Deterministic for a
given `random.Random`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from app import clock
from app.demo.names import F_MIDDLE, F_YOUNG, LAST_NAMES, M_MIDDLE, M_YOUNG
from app.moderation.intake import NewItem
from app.store import Store
from app.store.schema import member
from app.text import fold


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    first_name: str
    last_name: str
    email: str | None
    promo: int | None


@dataclass(frozen=True, slots=True)
class Label:
    category: str
    graduate: bool  # the person is a member of the store (join requests)
    member_id: int | None
    should_reject: bool  # spam, commercial, recruiting


GRADUATE_VARIANTS = (
    "email", "exact", "typo", "swapped", "accents", "promo_off", "compound", "maiden",
    "typo_promo_off", "swapped_accents",
)  # fmt: skip
COMMUNITIES = (
    "Ingénieurs chimistes de Vallon-sur-Ill",
    "Amicale ENSCV – page Facebook",
    "ENSCV Alumni (Viadeo)",
)
# People nobody in a French chemistry alumni directory is called.
OUTSIDE_FIRST = (
    "Kevin", "Brandon", "Svetlana", "Hiroshi", "Priya", "Dmitri", "Tyler", "Ashley", "Olusegun",
    "Ingrid", "Björn", "Mei", "Rahul", "Chiara", "Sven", "Tatiana", "Jorge", "Wendy", "Kwame",
    "Agnieszka", "Haruto", "Chad", "Brittany", "Lars", "Aaliyah",
)  # fmt: skip
OUTSIDE_LAST = (
    "Smith", "Wallace", "Petrova", "Tanaka", "Sharma", "Volkov", "Johnson", "Okonkwo",
    "Lindqvist", "Zhang", "Gupta", "Esposito", "Andersson", "Kuznetsova", "Gonzalez", "Brooks",
    "Mensah", "Wiśniewska", "Sato", "Thompson", "Hansen", "Nakamura", "Oyelaran", "Fitzgerald",
    "Kowalczyk",
)  # fmt: skip
MAIDEN_LAST = ("Lemoine", "Castel", "Vautrin", "Morvan", "Delorme", "Pinault", "Rocher", "Sarrazin")

RECRUITING = (
    "Nous recrutons ! Poste d'ingénieur procédés en CDI à Lyon, salaire attractif. Envoyez "
    "votre CV à rh@talents-chimie.example",
    "Offre d'emploi : chef de projet R&D (CDI), rejoignez notre équipe ! Candidatures : "
    "https://jobs.talents-chimie.example/123",
    "Mission freelance TJM 650 € pour un consultant qualité pharma, démarrage ASAP. "
    "Écrivez-moi, cabinet de recrutement Alpha.",
    "We are hiring! Full-time process engineer in Basel, apply now: "
    "https://careers.example.com/job/42",
    "Job opening for a senior recruiter in our Paris office. Send your CV, join our team!",
    "Cabinet de recrutement spécialisé chimie : postes à pourvoir en CDI et CDD, envoyez vos CV !",
)
COMMERCIAL = (
    "Formation CPF 100 % financée : devenez chef de projet en 3 mois ! Places limitées, "
    "inscrivez-vous : https://bit.ly/formation-cpf",
    "Offre spéciale pour les diplômés : -50 % avec le code promo ALUMNI50 sur nos "
    "logiciels de laboratoire. Achetez maintenant !",
    "Opportunité unique : coaching de carrière, appel découverte offert. Gagnez en "
    "confiance ! https://coach.example.org",
    "Special offer for alumni: 50% discount on our lab software, buy now! Limited offer, "
    "free trial: https://tinyurl.com/labsoft",
    "Free webinar: unique opportunity to boost your career with our coaching programme. "
    "Sign up now!",
)
SPAM = (
    "GAGNEZ 5000 € PAR MOIS AVEC LA CRYPTO !!! Revenus passifs garantis, écrivez-moi sur "
    "WhatsApp +33 6 45 78 12 90",
    "Make money from home with Bitcoin trading, passive income guaranteed! DM me on "
    "Telegram https://t.me/richfast",
    "Investissement garanti forex, cliquez ici : https://bit.ly/argent-facile et mp moi",
    "Earn $$$ with crypto, click here https://cutt.ly/xyz https://rb.gy/abc https://bit.ly/q",
)
ORDINARY = (
    "Retour en images sur le gala annuel de l'Amicale : merci à tous les participants !",
    "Qui sera au forum entreprises de l'école le 12 mars ? Je cherche des anciens pour "
    "parler du métier d'ingénieur procédés aux élèves.",
    "Félicitations à notre camarade de la promo 2012 pour sa soutenance de thèse sur les "
    "polymères biosourcés.",
    "Petit rappel : la cotisation 2027 est ouverte sur le site de l'Amicale, "
    "https://amicale.enscv.example/cotisation",
    "Quelqu'un a-t-il des nouvelles du laboratoire de chimie organique ? J'y ai fait mon "
    "stage en 2004.",
    "Great evening at the Basel alumni meetup, thanks to everyone who came!",
    "Does anyone have the slides of last week's talk on green chemistry? Happy to share mine.",
    "Après quinze ans chez un industriel de la chimie, je lance une association de vulgarisation "
    "scientifique à Strasbourg. Des volontaires pour des ateliers au lycée ?",
    "Sortie randonnée des anciens dans les Vosges le 14 juin, covoiturage possible depuis "
    "Strasbourg et Colmar.",
    "Merci pour vos conseils lors de mon changement de poste l'an dernier, l'entraide de "
    "l'Amicale est précieuse.",
    "Reminder: the alumni directory update closes on Friday, check your details on the "
    "association's site.",
    "Souvenir de la promo 1985 : la photo de classe retrouvée dans un carton, qui se reconnaît ?",
)


def load_people(conn: sa.Connection, ids: Sequence[int]) -> list[Person]:
    stmt = sa.select(
        member.c.id, member.c.first_name, member.c.last_name, member.c.email, member.c.promo
    ).where(member.c.id.in_(list(ids)), member.c.first_name.is_not(None),
            member.c.last_name.is_not(None))  # fmt: skip
    return [Person(*row) for row in conn.execute(stmt.order_by(member.c.id))]


def _typo(rng: random.Random, word: str) -> str:
    """One keyboard slip inside a word (never its first letter)."""
    if len(word) < 5:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:  # swapped neighbours
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:  # a letter dropped
        return word[:i] + word[i + 1 :]
    letter = rng.choice("aeiournst".replace(word[i].lower(), ""))
    return word[:i] + letter + word[i + 1 :]


def _plain(text: str) -> str:
    return fold(text)


def graduate_request(rng: random.Random, person: Person, variant: str) -> NewItem:
    first, last, promo = person.first_name, person.last_name, person.promo
    email: str | None = None
    name = f"{first} {last}"
    if variant == "email":
        email = person.email
    elif variant == "typo":
        if len(last) >= len(first):
            name = f"{first} {_typo(rng, last)}"
        else:
            name = f"{_typo(rng, first)} {last}"
    elif variant == "swapped":
        name = f"{last.upper()} {first}" if rng.random() < 0.5 else f"{last} {first}"
    elif variant == "accents":
        name = _plain(name).title() if rng.random() < 0.5 else _plain(name).upper()
    elif variant in ("promo_off", "typo_promo_off") and promo is not None:
        promo += rng.choice((-1, 1))
        if variant == "typo_promo_off":
            name = f"{first} {_typo(rng, last)}"
    elif variant == "swapped_accents":
        name = _plain(f"{last} {first}")
    elif variant == "compound":
        if "-" in name:
            name = name.replace("-", " ")  # "Jean Pierre" for "Jean-Pierre"
        elif " " in last:
            name = f"{first} {last.replace(' ', '')}"  # "Legoff" for "Le Goff"
        else:
            name = _plain(name)
    elif variant == "maiden":
        name = f"{first} {rng.choice(MAIDEN_LAST)} née {last}"
    if not email and rng.random() < 0.5:
        email = f"{_plain(first)}.{rng.randrange(100, 999)}@gmail.example".replace(" ", "")
    return NewItem("join", name, email, None, "ENSCV", promo)


def impostor_request(
    rng: random.Random, taken: Callable[[str, str, int], bool] | None = None
) -> NewItem:
    """Someone not in the directory: an outside name, claiming any recent class."""
    # Half of them carry names that sound like the directory's (the hard case).
    local = rng.random() < 0.5
    while True:
        if local:
            first = rng.choice((*F_MIDDLE, *F_YOUNG, *M_MIDDLE, *M_YOUNG))
            last = rng.choice(LAST_NAMES)
        else:
            first, last = rng.choice(OUTSIDE_FIRST), rng.choice(OUTSIDE_LAST)
        promo = rng.randrange(1975, 2025)
        if taken is None or not taken(first, last, promo):
            break
    email = f"{_plain(first)}.{_plain(last)}{rng.randrange(10, 99)}@mail.example"
    return NewItem("join", f"{first} {last}", email if rng.random() < 0.7 else None, None,
                   rng.choice(("ENSCV", "École de chimie", None)), promo)  # fmt: skip


def post(rng: random.Random, category: str, author: str) -> NewItem:
    texts = {"recruiting": RECRUITING, "commercial": COMMERCIAL, "spam": SPAM,
             "ordinary": ORDINARY}[category]  # fmt: skip
    text = rng.choice(texts)
    if category == "ordinary":
        # People write their own posts: the same words twice would be a repeat signal.
        greeting = rng.choice(("", "Bonjour à tous, ", "Hello everyone! ", "Chers amis, "))
        text = f"{greeting}{text} {rng.choice(('—', '--', '~'))} {author.split()[0]}"
    return NewItem("post", author, None, None, None, None, None, text)


def samples(
    rng: random.Random,
    people: Sequence[Person],
    counts: dict[str, int],
    *,
    now: datetime | None = None,
    taken: Callable[[str, str, int], bool] | None = None,
    days: int = 10,
) -> list[tuple[NewItem, Label]]:
    """Labelled items: ``counts`` per category ("graduate", "impostor", "recruiting",
    "commercial", "spam", "ordinary"); graduates cycle through GRADUATE_VARIANTS."""
    now = now or clock.now()
    out: list[tuple[NewItem, Label]] = []
    pool = list(people)
    rng.shuffle(pool)
    for n in range(counts.get("graduate", 0)):
        person = pool[n % len(pool)]
        variant = GRADUATE_VARIANTS[n % len(GRADUATE_VARIANTS)]
        if variant == "email" and not person.email:
            variant = "exact"
        item = graduate_request(rng, person, variant)
        out.append((item, Label(f"graduate_{variant}", True, person.id, False)))
    for _ in range(counts.get("impostor", 0)):
        out.append((impostor_request(rng, taken), Label("impostor", False, None, False)))
    for category in ("recruiting", "commercial", "spam", "ordinary"):
        for _ in range(counts.get(category, 0)):
            if rng.random() < 0.5 and pool:
                person = rng.choice(pool)
                author = f"{person.first_name} {person.last_name}"
            else:
                author = f"{rng.choice(OUTSIDE_FIRST)} {rng.choice(OUTSIDE_LAST)}"
            out.append((post(rng, category, author), Label(category, False, None,
                                                           category != "ordinary")))  # fmt: skip
    rng.shuffle(out)
    for item, _ in out:
        item.community = rng.choice(COMMUNITIES)
        # Received over the last ``days`` days, so the queue shows every age badge.
        received = now - timedelta(minutes=rng.randrange(10, days * 24 * 60))
        item.received_at = received.isoformat(timespec="seconds")
    return out


DEMO_COUNTS = {"graduate": 14, "impostor": 6, "recruiting": 4, "commercial": 3, "spam": 3,
               "ordinary": 8}  # fmt: skip


def add_demo_queue(store: Store, seed: int = 1, now: datetime | None = None) -> int:
    """A few dozen queue items for the demo store, a few of them already decided."""
    from app.moderation import intake, queue

    rng = random.Random(seed * 7919 + 6)
    with store.read() as conn:
        total = conn.execute(sa.select(sa.func.max(member.c.id))).scalar() or 0
        if not total:
            return 0
        ids = sorted({rng.randrange(1, total + 1) for _ in range(60)})
        people = load_people(conn, ids)
    drawn = samples(rng, people, DEMO_COUNTS, now=now, days=4)
    report = intake.add_items(store, [item for item, _ in drawn], source="demo")
    # A little history, so the statistics and the decision log are not empty. Approvals go
    # to posts and known graduates only: approving an unknown person would add a member, and
    # `demo --members N` promises N members.
    wanted = ["approve", "reject", "approve", "info"]
    for item_id in reversed(report.item_ids):
        if not wanted:
            break
        found = queue.get_item(store, item_id)
        if found.status != "pending":
            continue
        action = wanted[0]
        if action == "approve" and not (found.kind != "join" or found.match == "known"):
            continue
        wanted.pop(0)
        reason = "Hors sujet pour ce groupe." if action == "reject" else None
        queue.decide(store, item_id, action, reason)
    return report.added


@dataclass(frozen=True, slots=True)
class Quality:
    """How the queue's checks did on labelled items."""

    graduate_precision: float
    graduate_recall: float
    reject_precision: float
    reject_recall: float
    ordinary_rejected: int
    # (category, name, what the checks said) of every mistake, for the report.
    mistakes: list[tuple[str, str, str]]


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def evaluate(store: Store, labelled: Sequence[tuple[NewItem, Label]]) -> Quality:
    """Queue the items (rules off), then compare match and suggestion with the labels.

    A graduate counts as found only when the right member is among the matched ones.
    """
    from app.moderation import intake, queue

    report = intake.add_items(store, [item for item, _ in labelled], source="fixture")
    if report.merged:
        raise ValueError(f"{report.merged} fixture items were merged as duplicates")
    by_id = {i.id: i for i in queue.list_items(store, include_sleeping=True)}
    found_ok = found = graduates = rejected_ok = rejected = should = ordinary = 0
    mistakes: list[tuple[str, str, str]] = []
    for item_id, (item, label) in zip(report.item_ids, labelled, strict=True):
        got = by_id[item_id]
        said = f"{got.match} {got.suggestion} " + "; ".join(str(s.message()) for s in got.signals)
        if item.kind == "join":
            positive = got.match in ("known", "probable")
            graduates += label.graduate
            found += positive
            right = positive and label.graduate and label.member_id in got.member_ids
            found_ok += right
            if positive != label.graduate or (positive and not right):
                mistakes.append((label.category, item.name, said))
        if got.suggestion == "reject":
            rejected += 1
            rejected_ok += label.should_reject
            ordinary += label.category == "ordinary"
        should += label.should_reject
        if label.should_reject and got.suggestion != "reject":
            mistakes.append((label.category, item.text[:60], said))
        elif got.suggestion == "reject" and not label.should_reject:
            mistakes.append((label.category, item.name, said))
    return Quality(
        _ratio(found_ok, found),
        _ratio(found_ok, graduates),
        _ratio(rejected_ok, rejected),
        _ratio(rejected_ok, should),
        ordinary,
        mistakes,
    )

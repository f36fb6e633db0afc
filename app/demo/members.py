"""A demo store: a fictional French engineering-school alumni association, built fast.

Everything is invented: the school (the ENSCV of Vallon-sur-Ill), its association and its
members. Some employers are real French companies so that the directory reads true; e-mail
addresses use reserved domains (RFC 2606, ``.example``) so no demo message can reach anyone.

The same seed on the same day gives byte-identical rows: one `random.Random(seed)` draws
everything in a fixed order, and dates hang off the day, not the second.

Speed (a million members in about half a minute on two cores) comes from doing the per-row
work once per name, city or job, inserting plain tuples through the driver's `executemany`,
dropping the full-text triggers and the secondary indexes during the load and building them
in bulk afterwards, and indexing the text of one chunk while Python draws the next. It all
happens in one transaction, so a cancel or a failure leaves the store exactly as it was.
"""

from __future__ import annotations

import contextlib
import logging
import random
import re
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from app import audit, clock
from app.association import NAME_KEY, SIGNATURE_KEY, get_setting, put_setting
from app.demo.names import (
    F_CLASSIC,
    F_MIDDLE,
    F_YOUNG,
    LAST_NAMES,
    M_CLASSIC,
    M_MIDDLE,
    M_YOUNG,
)
from app.errors import AmicaleError, Cancelled
from app.members.service import ensure_tag
from app.store import Store
from app.store.cancel import CancelToken, interruptible
from app.store.schema import (
    COMMUNITY_COUNT_TRIGGERS,
    COMMUNITY_RECOUNT,
    FTS_COLUMNS,
    community,
    member,
    member_consent,
)
from app.store.sqlite import FTS_TRIGGER_NAMES, FTS_TRIGGERS
from app.text import fold, sort_name

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoReport:
    members: int
    tags: int
    communities: int
    seconds: float


ASSOCIATION_NAME = "Amicale des ingénieurs chimistes de Vallon-sur-Ill"
ASSOCIATION_SIGNATURE = (
    "L'équipe de l'Amicale des ingénieurs chimistes de Vallon-sur-Ill\n"
    "ENSCV – École nationale supérieure de chimie de Vallon-sur-Ill"
)
SCHOOL = "ENSCV"
FIRST_PROMO = 1960
LAST_PROMO = 2025
HISTORY_DAYS = 8 * 365  # created_at spreads over the eight years before today

# fmt: off
# --- places ---------------------------------------------------------------------------------
# (city, region, country, weight). The school's town and Alsace lead: alumni stay near it.
CITIES: tuple[tuple[str, str, str, int], ...] = (
    ("Vallon-sur-Ill", "Grand Est", "France", 14), ("Strasbourg", "Grand Est", "France", 20),
    ("Mulhouse", "Grand Est", "France", 8), ("Colmar", "Grand Est", "France", 6),
    ("Metz", "Grand Est", "France", 6), ("Nancy", "Grand Est", "France", 7),
    ("Reims", "Grand Est", "France", 4),
    ("Paris", "Île-de-France", "France", 55),
    ("Boulogne-Billancourt", "Île-de-France", "France", 6),
    ("Versailles", "Île-de-France", "France", 5), ("Nanterre", "Île-de-France", "France", 4),
    ("Courbevoie", "Île-de-France", "France", 4), ("Massy", "Île-de-France", "France", 3),
    ("Créteil", "Île-de-France", "France", 3),
    ("Lyon", "Auvergne-Rhône-Alpes", "France", 25),
    ("Villeurbanne", "Auvergne-Rhône-Alpes", "France", 4),
    ("Grenoble", "Auvergne-Rhône-Alpes", "France", 8),
    ("Clermont-Ferrand", "Auvergne-Rhône-Alpes", "France", 6),
    ("Saint-Étienne", "Auvergne-Rhône-Alpes", "France", 4),
    ("Annecy", "Auvergne-Rhône-Alpes", "France", 4),
    ("Lille", "Hauts-de-France", "France", 12), ("Amiens", "Hauts-de-France", "France", 3),
    ("Dunkerque", "Hauts-de-France", "France", 2),
    ("Rouen", "Normandie", "France", 6), ("Caen", "Normandie", "France", 5),
    ("Le Havre", "Normandie", "France", 4),
    ("Rennes", "Bretagne", "France", 8), ("Brest", "Bretagne", "France", 4),
    ("Quimper", "Bretagne", "France", 2), ("Vannes", "Bretagne", "France", 2),
    ("Nantes", "Pays de la Loire", "France", 10), ("Angers", "Pays de la Loire", "France", 4),
    ("Le Mans", "Pays de la Loire", "France", 3),
    ("Orléans", "Centre-Val de Loire", "France", 4), ("Tours", "Centre-Val de Loire", "France", 4),
    ("Bourges", "Centre-Val de Loire", "France", 2),
    ("Dijon", "Bourgogne-Franche-Comté", "France", 5),
    ("Besançon", "Bourgogne-Franche-Comté", "France", 5),
    ("Belfort", "Bourgogne-Franche-Comté", "France", 2),
    ("Bordeaux", "Nouvelle-Aquitaine", "France", 12), ("Pau", "Nouvelle-Aquitaine", "France", 4),
    ("Limoges", "Nouvelle-Aquitaine", "France", 3), ("Poitiers", "Nouvelle-Aquitaine", "France", 3),
    ("La Rochelle", "Nouvelle-Aquitaine", "France", 3),
    ("Toulouse", "Occitanie", "France", 14), ("Montpellier", "Occitanie", "France", 9),
    ("Nîmes", "Occitanie", "France", 3), ("Perpignan", "Occitanie", "France", 2),
    ("Marseille", "Provence-Alpes-Côte d'Azur", "France", 12),
    ("Aix-en-Provence", "Provence-Alpes-Côte d'Azur", "France", 6),
    ("Nice", "Provence-Alpes-Côte d'Azur", "France", 6),
    ("Toulon", "Provence-Alpes-Côte d'Azur", "France", 3),
    ("Avignon", "Provence-Alpes-Côte d'Azur", "France", 3),
    ("Ajaccio", "Corse", "France", 1), ("Bastia", "Corse", "France", 1),
    ("Saint-Denis", "La Réunion", "France", 2), ("Pointe-à-Pitre", "Guadeloupe", "France", 1),
    ("Fort-de-France", "Martinique", "France", 1),
    ("Genève", "Genève", "Suisse", 5), ("Bâle", "Bâle-Ville", "Suisse", 4),
    ("Lausanne", "Vaud", "Suisse", 3), ("Bruxelles", "Bruxelles-Capitale", "Belgique", 4),
    ("Luxembourg", "Luxembourg", "Luxembourg", 2), ("Montréal", "Québec", "Canada", 3),
    ("Londres", "Angleterre", "Royaume-Uni", 3), ("Munich", "Bavière", "Allemagne", 2),
    ("Ludwigshafen", "Rhénanie-Palatinat", "Allemagne", 2), ("Francfort", "Hesse", "Allemagne", 2),
    ("Boston", "Massachusetts", "États-Unis", 2), ("Singapour", "Singapour", "Singapour", 1),
    ("Shanghai", "Shanghai", "Chine", 1), ("Casablanca", "Casablanca-Settat", "Maroc", 1),
    ("Dakar", "Dakar", "Sénégal", 1),
)
OVERSEAS = ("La Réunion", "Guadeloupe", "Martinique")

# --- careers --------------------------------------------------------------------------------
# A job: (title, feminine title, Métier tag).
Job = tuple[str, str, str]
_PROCEDES: Job = ("Ingénieur procédés", "Ingénieure procédés", "Production")
_PRODUCTION: Job = ("Ingénieur de production", "Ingénieure de production", "Production")
_RD: Job = ("Ingénieur R&D", "Ingénieure R&D", "R&D")
_RESP_RD: Job = ("Responsable R&D", "Responsable R&D", "R&D")
_PROJET: Job = ("Chef de projet", "Cheffe de projet", "Chimie")
_QUALITE: Job = ("Directeur qualité", "Directrice qualité", "Qualité")
_ING_QUALITE: Job = ("Ingénieur qualité", "Ingénieure qualité", "Qualité")
_HSE: Job = ("Responsable HSE", "Responsable HSE", "Environnement")
_USINE: Job = ("Directeur d'usine", "Directrice d'usine", "Direction")

# (weight, employers, jobs): real French companies mixed with invented ones.
SECTORS: tuple[tuple[int, tuple[str, ...], tuple[Job, ...]], ...] = (
    (22, ("Arkema", "Air Liquide", "Solvay", "Seqens", "Roquette", "Chimie du Vallon",
          "Polymères de l'Ill", "Synthèses Bellerive"),
     (_PROCEDES, _PRODUCTION, _RD, _RESP_RD, _PROJET, _QUALITE, _HSE, _USINE,
      ("Technico-commercial", "Technico-commerciale", "Chimie"),
      ("Chimiste analyste", "Chimiste analyste", "Chimie"))),
    (14, ("Sanofi", "Servier", "Pierre Fabre", "Ipsen", "Laboratoires Rosenthal",
          "Pharmalys Vallon"),
     (("Chargé d'affaires réglementaires", "Chargée d'affaires réglementaires", "Pharmacie"),
      ("Responsable assurance qualité", "Responsable assurance qualité", "Qualité"),
      ("Ingénieur validation", "Ingénieure validation", "Pharmacie"),
      ("Chef de projet R&D", "Cheffe de projet R&D", "R&D"), _PROCEDES, _QUALITE)),
    (8, ("L'Oréal", "Clarins", "Yves Rocher", "Cosmétiques Mirabelle", "Maison Lavandière"),
     (("Formulateur", "Formulatrice", "Cosmétique"),
      ("Chef de produit", "Cheffe de produit", "Cosmétique"), _RESP_RD, _QUALITE)),
    (10, ("TotalEnergies", "Veolia", "Suez", "EDF", "Hydro-Vallon", "Azur Procédés"),
     (("Ingénieur environnement", "Ingénieure environnement", "Environnement"),
      ("Chef de projet environnement", "Cheffe de projet environnement", "Environnement"),
      _PROCEDES, _HSE, ("Directeur de site", "Directrice de site", "Direction"))),
    (9, ("Saint-Gobain", "Michelin", "Safran", "Céramiques de l'Ill", "Composites Bellevue"),
     (("Ingénieur matériaux", "Ingénieure matériaux", "Matériaux"),
      ("Ingénieur méthodes", "Ingénieure méthodes", "Production"), _RD, _ING_QUALITE)),
    (6, ("Danone", "Lesaffre", "Bonduelle", "Fromageries du Vallon"),
     (_ING_QUALITE, ("Responsable de production", "Responsable de production", "Production"),
      _RD)),
    (10, ("Capgemini Engineering", "Alcimed", "Expleo", "Cabinet Lenoir & Associés",
          "Vallon Conseil"),
     (("Consultant", "Consultante", "Conseil"), ("Manager", "Manager", "Conseil"),
      ("Associé", "Associée", "Direction"), ("Chef de projet", "Cheffe de projet", "Conseil"))),
    (12, ("CNRS", "Université de Strasbourg", "INRAE", "CEA",
          "École de chimie de Vallon-sur-Ill", "Lycée Marie-Curie"),
     (("Enseignant-chercheur", "Enseignante-chercheuse", "Enseignement"),
      ("Maître de conférences", "Maîtresse de conférences", "Enseignement"),
      ("Chargé de recherche", "Chargée de recherche", "R&D"),
      ("Ingénieur de recherche", "Ingénieure de recherche", "R&D"),
      ("Professeur de physique-chimie", "Professeure de physique-chimie", "Enseignement"))),
    (6, ("Dassault Systèmes", "Sopra Steria", "Datalys", "Molécule Logiciel"),
     (("Data scientist", "Data scientist", "Informatique"),
      ("Développeur", "Développeuse", "Informatique"),
      ("Chef de projet informatique", "Cheffe de projet informatique", "Informatique"),
      ("Directeur technique", "Directrice technique", "Direction"))),
    (3, ("DREAL Grand Est", "ANSM", "Agence de l'eau Rhin-Meuse"),
     (("Inspecteur des installations classées", "Inspectrice des installations classées",
       "Environnement"),
      ("Chargé de mission", "Chargée de mission", "Environnement"))),
)
RETIRED = ("Retraité", "Retraitée")
PHD = ("Doctorant", "Doctorante", "R&D")
PHD_LABS = ("École de chimie de Vallon-sur-Ill", "CNRS", "Université de Strasbourg")

# (programme, first class year it exists for, weight)
PROGRAMMES = (
    ("Ingénieur chimiste", FIRST_PROMO, 10), ("Génie des procédés", 1975, 6),
    ("Matériaux et polymères", 1985, 4), ("Ingénieur par apprentissage", 1995, 4),
    ("Chimie et biotechnologies", 2000, 4), ("Mastère spécialisé Cosmétique", 2008, 2),
    ("Doctorat", FIRST_PROMO, 1),
)

# --- tags, communities, odds and ends ---------------------------------------------------------
CATEGORIES = ("Géographie", "Métier", "Loisirs", "Promo")
REGIONS = (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie",
    "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
)
GEO_TAGS = (*REGIONS, "Outre-mer", "International")
METIER_TAGS = (
    "Chimie", "Pharmacie", "R&D", "Qualité", "Production", "Conseil", "Enseignement",
    "Informatique", "Direction", "Environnement", "Matériaux", "Cosmétique",
)
LOISIRS_TAGS = (
    "Voile", "Randonnée", "Œnologie", "Musique", "Course à pied", "Photographie", "Ski",
    "Théâtre", "Cuisine", "Échecs",
)
PROMO_TAGS = tuple(f"Années {d}" for d in range(FIRST_PROMO // 10 * 10, LAST_PROMO + 1, 10))

# (name, network, url, weight among the members who follow at least one)
COMMUNITIES = (
    ("Ingénieurs chimistes de Vallon-sur-Ill", "linkedin",
     "https://www.linkedin.com/groups/9876543/", 40),
    ("Amicale ENSCV – page Facebook", "facebook", "https://www.facebook.com/amicale.enscv", 20),
    ("ENSCV Alumni (Viadeo)", "viadeo", "https://www.viadeo.com/fr/groups/enscv-alumni", 5),
    ("@AmicaleENSCV", "x", "https://x.com/AmicaleENSCV", 8),
    ("@amicale@social.enscv.example", "mastodon", "https://social.enscv.example/@amicale", 3),
    ("Liste amicale-info", "mailing-list", "mailto:amicale-info@enscv.example", 30),
    ("Site de l'Amicale", "website", "https://amicale.enscv.example", 12),
)
EMAIL_DOMAINS = (
    ("example.com", 30), ("example.org", 15), ("example.net", 15), ("courriel.example", 15),
    ("messagerie.example", 10), ("alumni.enscv.example", 15),
)
VERIFICATION_SOURCES = (
    "annuaire de l'école", "liste de promo", "LinkedIn", "appel téléphonique", "gala annuel",
)
NOTES = (
    "Ancien président de l'Amicale.",
    "Souhaite parrainer des élèves de première année.",
    "A déménagé, nouvelle adresse à confirmer.",
    "Rencontrée au gala, intéressée par le mentorat.",
    "Préfère être contacté par courriel plutôt que par téléphone.",
    "Intervenant au forum entreprises de l'école.",
    "Relais pour les offres de stage chez son employeur.",
    "Trésorier adjoint du groupe régional.",
    "Courriel revenu en erreur, à vérifier.",
    "Propose d'animer un atelier sur la reconversion.",
    "Délégué de promo.",
    "Ne souhaite pas apparaître dans l'annuaire imprimé.",
)

# Column order of the member tuples built by _Generator.batch.
COLUMNS = (
    "id", "first_name", "last_name", "sort_name", "email", "phone", "city", "region",
    "country", "company", "job_title", "school", "promo", "birthday", "linkedin_url",
    "dues_last_year", "status", "verification", "verification_source", "verified_at",
    "consent", "consent_at", "notes", "source", "created_at", "updated_at",
    "last_contacted_at", "linkedin_key",
)
# fmt: on

_LINKEDIN_PREFIX = "https://www.linkedin.com/in/"
_INSERT_MEMBER = (
    f"INSERT INTO member ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
)
_INSERT_TAG = "INSERT INTO member_tag (member_id, tag_id) VALUES (?, ?)"
_INSERT_COMMUNITY = "INSERT INTO member_community (member_id, community_id, role) VALUES (?, ?, ?)"
_INSERT_FTS = (
    f"INSERT INTO member_fts (rowid, {', '.join(FTS_COLUMNS)}) "
    f"SELECT id, {', '.join(FTS_COLUMNS)} FROM member WHERE id BETWEEN ? AND ?"
)

BATCH = 20_000  # members drawn and inserted at a time; progress and cancel between batches
# Secondary indexes built in one sorted pass after the load instead of row by row. Not
# member_tag's: its rows arrive grouped by member, each tag's run grows at its end only, and
# keeping it measured faster than building it afterwards (6.3 s against 7.6 s for 1M).
_BULK_TABLES = ("member", "member_community")
# FTS5 writes its pending terms out as a new segment every `hashsize` bytes (1 MB by default)
# and then merges segments: 64 MB halves the text indexing of 1M members (13 s → 6.5 s).
_FTS_HASHSIZE = 64 << 20
_FTS5_DEFAULT_HASHSIZE = 1 << 20
# Rows per text-indexing statement: FTS5 also writes a segment at the end of each statement,
# so small chunks cost merges (20k: 8.4 s, 100k: 7.1 s, all at once: 7.0 s for 1M).
_FTS_CHUNK = 100_000
_LOOKAHEAD = _FTS_CHUNK // BATCH  # batches Python may draw while SQLite indexes a chunk


def build_demo(
    store: Store,
    members: int = 2000,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
    *,
    today: date | None = None,
    moderation: bool = True,
) -> DemoReport:
    """Fill the empty ``store`` with ``members`` fictional members, their tags and communities.

    ``progress(done, members)`` is called after each batch; the indexes are built after the
    last call. ``today`` anchors every date (default: the current UTC day); ``moderation``
    adds a few dozen items to the moderation queue. Raises
    AmicaleError if the store already has members, Cancelled if ``cancel`` fires; either way
    nothing is written.
    """
    started = time.perf_counter()
    if members < 0:
        raise ValueError("members must be >= 0")
    today = today or clock.today()
    with store.write() as conn:
        if conn.execute(sa.select(member.c.id).limit(1)).first() is not None:
            raise AmicaleError("this store already has members; use a new data file for the demo")
        for key, value in ((NAME_KEY, ASSOCIATION_NAME), (SIGNATURE_KEY, ASSOCIATION_SIGNATURE)):
            if not get_setting(conn, key):
                put_setting(conn, key, value)
        tag_ids = _make_tags(conn)
        community_ids = _make_communities(conn)
        raw: Any = conn.connection.dbapi_connection
        if store.is_team:
            _load_server(raw, members, seed, today, tag_ids, community_ids, progress, cancel)
        else:
            _load_file(raw, members, seed, today, tag_ids, community_ids, progress, cancel)
        # The newsletter consents as answers recorded when the member was added.
        conn.execute(
            member_consent.insert().from_select(
                ["member_id", "purpose", "granted", "source", "at"],
                sa.select(
                    member.c.id,
                    sa.literal("newsletter"),
                    sa.true(),
                    sa.literal("demo"),
                    member.c.consent_at,
                ).where(member.c.consent.is_(True)),
            )
        )
        from app.demo.posts import make_demo_posts  # the editorial calendar (issue 5)

        make_demo_posts(conn, seed, today)
        audit.record(conn, "demo", "member", detail={"members": members, "seed": seed})
    _make_tag_rules(store, tag_ids)
    if members and moderation:  # a few dozen join requests and posts to moderate
        from app.demo.moderation import add_demo_queue

        add_demo_queue(store, seed)
    report = DemoReport(
        members=members,
        tags=len(tag_ids),
        communities=len(community_ids),
        seconds=time.perf_counter() - started,
    )
    log.info("demo store built: %s", report)
    return report


def _make_tags(conn: sa.Connection) -> dict[tuple[str, str], int]:
    """Tag id by (category, name); a new store gets the categories at positions 0..3."""
    ids: dict[tuple[str, str], int] = {}
    for category, names in zip(
        CATEGORIES, (GEO_TAGS, METIER_TAGS, LOISIRS_TAGS, PROMO_TAGS), strict=True
    ):
        for name in names:
            ids[category, name] = ensure_tag(conn, name, category)
    return ids


def _make_tag_rules(store: Store, tag_ids: dict[tuple[str, str], int]) -> None:
    """Two sample tagging rules on the demo's own tags (app/tag_rules.py)."""
    from app import tag_rules

    geo, promo = CATEGORIES[0], CATEGORIES[3]
    samples = (
        tag_rules.Rule(
            None,
            "city",
            tag_ids[geo, "Auvergne-Rhône-Alpes"],
            cities=("Lyon", "Villeurbanne", "Grenoble", "Saint-Étienne"),
        ),
        tag_rules.Rule(None, "promo", tag_ids[promo, "Années 2000"], year_from=2000, year_to=2009),
    )
    for rule in samples:
        tag_rules.save(store, rule)


def _make_communities(conn: sa.Connection) -> list[int]:
    ids: list[int] = []
    for name, network, url, _ in COMMUNITIES:
        key = fold(name).strip()
        found = conn.execute(sa.select(community.c.id).where(community.c.name_key == key))
        community_id = found.scalar()
        if community_id is None:
            insert = community.insert().values(name=name, name_key=key, network=network, url=url)
            community_id = conn.execute(insert.returning(community.c.id)).scalar_one()
        ids.append(int(community_id))
    return ids


def _load_file(
    raw: sqlite3.Connection,
    total: int,
    seed: int,
    today: date,
    tag_ids: dict[tuple[str, str], int],
    community_ids: list[int],
    progress: Callable[[int, int], None] | None,
    cancel: CancelToken | None,
) -> None:
    """The SQLite load (_load) with its connection's settings for it, put back after."""
    (cache_size,) = raw.execute("PRAGMA cache_size").fetchone()
    try:
        # A bigger page cache keeps the index builds and the FTS merges off the disk.
        raw.execute("PRAGMA cache_size = -262144")
        # The CHECK constraints (status, verification, role) cost 40% of the member
        # insert: SQLite evaluates each IN list through a small temporary table, per row.
        # These rows are valid by construction (fixed literals, checked by the tests),
        # and changing the flag expires compiled statements, so nothing else skips them.
        raw.execute("PRAGMA ignore_check_constraints = ON")
        _load(raw, total, seed, today, tag_ids, community_ids, progress, cancel)
    finally:
        raw.execute("PRAGMA ignore_check_constraints = OFF")
        raw.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _load_server(
    raw: Any,
    total: int,
    seed: int,
    today: date,
    tag_ids: dict[tuple[str, str], int],
    community_ids: list[int],
    progress: Callable[[int, int], None] | None,
    cancel: CancelToken | None,
) -> None:
    """The same rows onto a team server, each batch's members, tags and communities by
    COPY (app/store/bulk.py), in the caller's transaction. The server's triggers keep the
    counts (once a COPY); the search words too, unless the sample is large and the login
    owns the tables: then, as for a large import (bulk.ServerLoad), the search trigger, the
    trigram index and the links' foreign keys are put aside and built once at the end."""
    from app.store import bulk

    rows = _Generator(seed, today, tag_ids, community_ids)
    watch = _Stopwatch()
    load = bulk.ServerLoad(raw)
    load.defer_for(total)
    # The members' ids from the table's sequence (the other animators' members take theirs
    # from it too); on a new directory they are 1..total, as in a data file.
    offset = bulk.reserve_member_ids(raw, total)
    inserted = 0
    with interruptible(raw, cancel):
        for start in range(0, total, BATCH):
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            member_rows, tag_rows, community_rows = rows.batch(
                start, min(BATCH, total - start), total
            )
            if offset:
                member_rows = [(r[0] + offset, *r[1:]) for r in member_rows]
                tag_rows = [(m + offset, t) for m, t in tag_rows]
                community_rows = [(m + offset, c, r) for m, c, r in community_rows]
            bulk.copy_rows(raw, "member", COLUMNS, member_rows)
            bulk.copy_rows(raw, "member_tag", ("member_id", "tag_id"), tag_rows)
            bulk.copy_rows(
                raw, "member_community", ("member_id", "community_id", "role"), community_rows
            )
            inserted += len(member_rows)
            if progress is not None:
                progress(inserted, total)
        load.finish()
        bulk.analyze(raw, ("member", "member_tag", "member_community", "member_fts"))
    log.debug("demo: %d members drawn and copied to the server in %.1fs", total, watch.lap())


def _load(
    raw: sqlite3.Connection,
    total: int,
    seed: int,
    today: date,
    tag_ids: dict[tuple[str, str], int],
    community_ids: list[int],
    progress: Callable[[int, int], None] | None,
    cancel: CancelToken | None,
) -> None:
    """Draw and insert everything, then rebuild what was dropped; in the caller's transaction."""
    cursor = raw.cursor()
    fts_cursor = raw.cursor()
    indexes = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(_BULK_TABLES))}) ORDER BY name",
        _BULK_TABLES,
    ).fetchall()
    # The communities' counts (migration 0011) are counted once at the end, not per row.
    counting = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        f"AND name IN ({', '.join('?' * len(COMMUNITY_COUNT_TRIGGERS))}) ORDER BY name",
        COMMUNITY_COUNT_TRIGGERS,
    ).fetchall()
    for name in (*FTS_TRIGGER_NAMES, *(name for name, _ in counting)):
        cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    # The text index is rebuilt from scratch, as 'rebuild' would do, but chunk by chunk.
    cursor.execute("INSERT INTO member_fts (member_fts) VALUES ('delete-all')")

    rows = _Generator(seed, today, tag_ids, community_ids)
    watch = _Stopwatch()
    pending: deque[_Batch] = deque()  # drawn, not yet inserted
    inserted = indexed = 0

    def insert_pending() -> None:
        nonlocal inserted
        while pending:
            member_rows, tag_rows, community_rows = pending.popleft()
            cursor.executemany(_INSERT_MEMBER, member_rows)
            cursor.executemany(_INSERT_TAG, tag_rows)
            cursor.executemany(_INSERT_COMMUNITY, community_rows)
            inserted += len(member_rows)
            if progress is not None:
                progress(inserted, total)

    # Two cores: while SQLite indexes the text of the rows just inserted (one long statement,
    # run without the GIL), Python draws the next batches. Only one thread at a time uses the
    # connection: the main thread waits for the indexing to end before it inserts again.
    with (
        _fts_hashsize(cursor, _FTS_HASHSIZE),
        ThreadPoolExecutor(1, thread_name_prefix="amicale-demo") as worker,
    ):
        indexing: Future[Any] | None = None
        for start in range(0, total, BATCH):
            if cancel is not None and cancel.cancelled:
                raise Cancelled()  # leaving the executor waits for a running indexing
            pending.append(rows.batch(start, min(BATCH, total - start), total))
            if indexing is not None:
                if len(pending) < _LOOKAHEAD and not indexing.done():
                    continue
                indexing.result()
                indexing = None
            insert_pending()
            if inserted - indexed >= _FTS_CHUNK:
                indexing = worker.submit(fts_cursor.execute, _INSERT_FTS, (indexed + 1, inserted))
                indexed = inserted
        if indexing is not None:
            indexing.result()
        insert_pending()
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        with interruptible(raw, cancel):
            cursor.execute(_INSERT_FTS, (indexed + 1, inserted))
    log.debug("demo: %d members drawn, inserted and text-indexed in %.1fs", total, watch.lap())

    with interruptible(raw, cancel):
        # Recreate exactly what was dropped: the stored SQL is the migrations' own definition.
        for _, sql in indexes:
            cursor.execute(sql)
        for trigger in FTS_TRIGGERS:
            cursor.execute(trigger)
        for statement in COMMUNITY_RECOUNT:
            cursor.execute(statement)
        for _, sql in counting:
            cursor.execute(sql)
        log.debug("demo: indexes in %.1fs", watch.lap())
        # Sampled statistics: the query planner gets its numbers in a fraction of a second.
        (limit,) = cursor.execute("PRAGMA analysis_limit").fetchone()
        cursor.execute("PRAGMA analysis_limit = 1000")
        cursor.execute("ANALYZE")
        cursor.execute(f"PRAGMA analysis_limit = {int(limit)}")
        log.debug("demo: statistics in %.1fs", watch.lap())
    cursor.close()
    fts_cursor.close()


@contextlib.contextmanager
def _fts_hashsize(cursor: sqlite3.Cursor, size: int) -> Iterator[None]:
    """Raise FTS5's pending-terms buffer for a bulk load, then put the setting back.

    FTS5 keeps it in member_fts_config and uses its default when there is no row, so the
    file ends as it began. A SQLite without 'hashsize' just indexes more slowly.
    """
    before = cursor.execute("SELECT v FROM member_fts_config WHERE k = 'hashsize'").fetchone()
    special = "INSERT INTO member_fts (member_fts, rank) VALUES ('hashsize', ?)"
    try:
        cursor.execute(special, (size,))
    except sqlite3.OperationalError:
        yield
        return
    yield
    # Through FTS5 rather than the table, so that its in-memory copy is reset too.
    cursor.execute(special, (before[0] if before else _FTS5_DEFAULT_HASHSIZE,))
    if before is None:
        cursor.execute("DELETE FROM member_fts_config WHERE k = 'hashsize'")


class _Stopwatch:
    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self) -> float:
        now = time.perf_counter()
        elapsed, self.last = now - self.last, now
        return elapsed


def _table(weights: Sequence[float], size: int) -> list[int]:
    """Indices repeated in proportion to ``weights``: one lookup replaces a bisect per row."""
    total = float(sum(weights))
    out: list[int] = []
    for index, weight in enumerate(weights):
        if weight > 0:
            out.extend([index] * max(1, round(weight / total * size)))
    return out


def _slug(text: str, sep: str) -> str:
    """ASCII, lower case, other runs as ``sep``: ('de La Fontaine', '-') → 'de-la-fontaine'."""
    return re.sub(r"[^a-z0-9]+", sep, fold(text)).strip(sep)


# Per class year: female and male first-name pools, P(female), Promo tag id, P(verified),
# school/programme table, P(retired), P(PhD student), first day index a member may be added.
_PromoInfo = tuple[list[int], list[int], float, int, float, list[str], float, float, int]
_Batch = tuple[list[tuple[Any, ...]], list[tuple[int, int]], list[tuple[int, int, str]]]


class _Generator:
    """Draws members from one seeded Random; everything per name, city or job is precomputed."""

    def __init__(
        self,
        seed: int,
        today: date,
        tag_ids: dict[tuple[str, str], int],
        community_ids: list[int],
    ) -> None:
        self.rng = random.Random(seed)
        self.year = today.year
        # Dates as strings, by day index: created_at and friends are two list lookups.
        self.first_day = today - timedelta(days=HISTORY_DAYS)
        self.days = [(self.first_day + timedelta(days=d)).isoformat() for d in range(HISTORY_DAYS)]
        self.times = [f"T{h:02d}:{m:02d}:00+00:00" for h in range(7, 19) for m in range(60)]
        self.month_days = [(date(2001, 1, 1) + timedelta(days=d)).strftime("-%m-%d")
                           for d in range(365)]  # fmt: skip
        self.two_digits = [f"{i:02d}" for i in range(100)]
        # Born 22 to 25 years before graduating, mostly 23.
        self.birth_offsets = [(22, 23, 24, 25)[i] for i in _table((20, 45, 25, 10), 100)]

        # First names: one list; per generation and gender, indices into it.
        self.first: list[str] = []
        pools: dict[str, list[int]] = {}
        for label, names in (
            ("f0", F_CLASSIC), ("f1", F_MIDDLE), ("f2", F_YOUNG),
            ("m0", M_CLASSIC), ("m1", M_MIDDLE), ("m2", M_YOUNG),
        ):  # fmt: skip
            for name in names:
                if name not in self.first:
                    self.first.append(name)
            pools[label] = [self.first.index(name) for name in names]
        self.last = LAST_NAMES
        self.last_table = _table([1 / (rank + 10) for rank in range(len(self.last))], 8192)
        # E-mail stems keyed by slug: 'Lefèvre' and 'Lefebvre' count apart, 'Muller' and
        # 'Müller' together (same address). Particles are glued: 'delafontaine', 'ndiaye'.
        first_slugs = [_slug(n, "-") for n in self.first]
        last_slugs = [_slug(n, "" if " " in n or "'" in n else "-") for n in self.last]
        slug_ids: dict[str, int] = {}
        self.first_slug_id = [slug_ids.setdefault(s, len(slug_ids)) for s in first_slugs]
        self.last_slug_id = [slug_ids.setdefault(s, len(slug_ids)) for s in last_slugs]
        self.slug_count = len(slug_ids)
        self.first_slugs, self.last_slugs = first_slugs, last_slugs
        self.first_link = first_slugs
        self.last_link = [_slug(n, "-") for n in self.last]
        # Per (first, last) pair, filled on first use: sort key, e-mail stem, LinkedIn stem,
        # e-mail counter key.
        self.pairs: list[tuple[str, str, str, int] | None] = [None] * (
            len(self.first) * len(self.last)
        )
        self.domains = [d for d, _ in EMAIL_DOMAINS]
        self.domain_table = _table([w for _, w in EMAIL_DOMAINS], 1024)
        # How many times each address was drawn: one byte per (slugs, domain), then a dict.
        self.email_counts = bytearray(self.slug_count**2 * len(self.domains))
        self.email_big: dict[int, int] = {}

        def geo_tag(region: str, country: str) -> int:
            if country != "France":
                return tag_ids["Géographie", "International"]
            return tag_ids["Géographie", "Outre-mer" if region in OVERSEAS else region]

        self.cities = [(c, r, k, geo_tag(r, k)) for c, r, k, _ in CITIES]
        self.city_table = _table([w for *_, w in CITIES], 8192)
        self.sectors = [
            (companies, [(m, f, tag_ids["Métier", t]) for m, f, t in jobs])
            for _, companies, jobs in SECTORS
        ]
        self.sector_table = _table([w for w, *_ in SECTORS], 1024)
        self.phd_tag = tag_ids["Métier", PHD[2]]
        self.loisirs = [tag_ids["Loisirs", name] for name in LOISIRS_TAGS]
        self.community_ids = community_ids
        self.community_table = _table([w for *_, w in COMMUNITIES], 1024)

        # Class years: each one about 3% larger than the year before.
        years = range(FIRST_PROMO, LAST_PROMO + 1)
        self.promo_table = [years[i] for i in _table([1.03**i for i in range(len(years))], 8192)]
        self.promo_info = {y: self._promo_info(y, pools, tag_ids) for y in years}

    def _promo_info(
        self, year: int, pools: dict[str, list[int]], tag_ids: dict[tuple[str, str], int]
    ) -> _PromoInfo:
        # Which generations' first names, by class year (weights out of 20).
        mix = (17, 3, 0) if year < 1988 else (2, 16, 2) if year < 2008 else (0, 5, 15)
        female = [i for g, w in enumerate(mix) for i in pools[f"f{g}"] * w]
        male = [i for g, w in enumerate(mix) for i in pools[f"m{g}"] * w]
        # Chemistry classes went from about 10% to 50% women.
        p_female = 0.1 + 0.4 * (year - FIRST_PROMO) / (LAST_PROMO - FIRST_PROMO)
        age = self.year - year  # years since graduation
        p_verified = 0.85 if age > 25 else 0.65 if age > 8 else 0.45
        programmes = [p for p in PROGRAMMES if p[1] <= year]
        schools = [
            f"{SCHOOL} – {programmes[i][0]}" for i in _table([p[2] for p in programmes], 256)
        ]
        # Nobody is in the directory before the September of their final year.
        joinable = (date(year - 1, 9, 1) - self.first_day).days
        return (
            female,
            male,
            p_female,
            tag_ids["Promo", f"Années {year // 10 * 10}"],
            p_verified,
            schools,
            0.8 if age > 40 else 0.0,
            0.3 if age <= 3 else 0.0,
            min(max(joinable, 0), HISTORY_DAYS - 1),
        )

    def _pair(self, fi: int, li: int) -> tuple[str, str, str, int]:
        key = self.first_slug_id[fi] * self.slug_count + self.last_slug_id[li]
        info = (
            sort_name(self.first[fi], self.last[li]),
            f"{self.first_slugs[fi]}.{self.last_slugs[li]}",
            f"{_LINKEDIN_PREFIX}{self.first_link[fi]}-{self.last_link[li]}-",
            key * len(self.domains),
        )
        self.pairs[fi * len(self.last) + li] = info
        return info

    def _email_suffix(self, key: int) -> str:
        """'' the first time an address is drawn, then '2', '3'… (deterministic)."""
        n = self.email_counts[key]
        if n < 255:
            self.email_counts[key] = n + 1
            return str(n + 1) if n else ""
        n = self.email_big.get(key, 255) + 1
        self.email_big[key] = n
        return str(n)

    def batch(self, start: int, count: int, total: int) -> _Batch:
        """Members ``start + 1 .. start + count`` of ``total``, with their tags and communities.

        The hot loop: every lookup is hoisted into a local, every choice is a table lookup.
        """
        rnd = self.rng.random
        bits = self.rng.getrandbits
        year = self.year
        first, last, pairs, n_last = self.first, self.last, self.pairs, len(self.last)
        last_table, n_last_table = self.last_table, len(self.last_table)
        promo_table, n_promo = self.promo_table, len(self.promo_table)
        promo_info = self.promo_info
        cities, city_table, n_city = self.cities, self.city_table, len(self.city_table)
        sectors, sector_table, n_sector = self.sectors, self.sector_table, len(self.sector_table)
        domains, domain_table, n_domain = self.domains, self.domain_table, len(self.domain_table)
        birth_offsets, month_days = self.birth_offsets, self.month_days
        days, times, n_times = self.days, self.times, len(self.times)
        n_days = len(days)
        two = self.two_digits
        loisirs, n_loisirs = self.loisirs, len(self.loisirs)
        community_ids, community_table = self.community_ids, self.community_table
        n_comm = len(community_table)
        phd_tag = self.phd_tag
        email_suffix, make_pair = self._email_suffix, self._pair
        n_sources, n_notes = len(VERIFICATION_SOURCES), len(NOTES)

        member_rows: list[tuple[Any, ...]] = []
        tag_rows: list[tuple[int, int]] = []
        community_rows: list[tuple[int, int, str]] = []
        add_member, add_tag = member_rows.append, tag_rows.append
        add_community = community_rows.append
        for i in range(start, start + count):
            member_id = i + 1
            promo = promo_table[int(rnd() * n_promo)]
            (female_pool, male_pool, p_female, promo_tag, p_verified, schools, p_retired,
             p_phd, joinable) = promo_info[promo]  # fmt: skip
            female = rnd() < p_female
            pool = female_pool if female else male_pool
            fi = pool[int(rnd() * len(pool))]
            li = last_table[int(rnd() * n_last_table)]
            pair = pairs[fi * n_last + li] or make_pair(fi, li)

            s = rnd()
            status = "lost" if s < 0.05 else "former" if s < 0.17 else "member"
            lost = s < 0.05  # lost touch: mostly without a working address or number

            email: str | None = None
            if rnd() < (0.3 if lost else 0.93):
                d = domain_table[int(rnd() * n_domain)]
                email = f"{pair[1]}{email_suffix(pair[3] + d)}@{domains[d]}"
            phone: str | None = None
            if rnd() < (0.2 if lost else 0.63):
                n = int(rnd() * 200_000_000)  # 06 or 07, then four pairs
                phone = (
                    f"0{6 + n // 100_000_000} {two[n // 1_000_000 % 100]} "
                    f"{two[n // 10_000 % 100]} {two[n // 100 % 100]} {two[n % 100]}"
                )
            linkedin = f"{pair[2]}{bits(32):08x}" if rnd() < (0.3 if lost else 0.51) else None

            city: str | None = None
            region: str | None = None
            country: str | None = None
            geo_tag = 0
            if rnd() < 0.93:
                city, region, country, geo_tag = cities[city_table[int(rnd() * n_city)]]
            companies, jobs = sectors[sector_table[int(rnd() * n_sector)]]
            job_m, job_f, metier_tag = jobs[int(rnd() * len(jobs))]
            company: str | None = companies[int(rnd() * len(companies))]
            job_title: str | None = job_f if female else job_m
            r = rnd()
            if r < p_retired:  # keeps the Métier of their career
                job_title, company = RETIRED[female], None
            elif r < p_phd:
                job_title, company = PHD[female], PHD_LABS[int(rnd() * len(PHD_LABS))]
                metier_tag = phd_tag
            elif r > 0.94:  # between jobs, or never said
                job_title = company = None
            elif r > 0.9:
                company = None
            school = schools[int(rnd() * len(schools))] if rnd() < 0.96 else None
            birthday = None
            if rnd() < 0.9:
                born = promo - birth_offsets[int(rnd() * 100)]
                birthday = f"{born}{month_days[int(rnd() * 365)]}"

            r = rnd()
            dues: int | None = None
            if r < (0.15 if lost else 0.41):
                dues = year
            elif r < 0.76 and promo < year:
                dues = year - 1 - int(rnd() * min(10, year - promo))

            # Added over eight years in id order, during office hours; never before the
            # class's final year (a recent class arrives in one go, the September list).
            day = max(i * n_days // total, joinable)
            created = days[day] + times[int(rnd() * n_times)]
            updated = created
            if day + 1 < n_days and rnd() < 0.55:
                later = day + 1 + int(rnd() * (n_days - day - 1))
                updated = days[later] + times[int(rnd() * n_times)]
            r = rnd()
            verification = (
                "verified" if r < p_verified else "rejected" if r < p_verified + 0.02
                else "unverified"
            )  # fmt: skip
            verification_source = verified_at = None
            if verification != "unverified":
                verification_source = VERIFICATION_SOURCES[int(rnd() * n_sources)]
                verified_at = updated
            consent = rnd() < 0.7
            notes = NOTES[int(rnd() * n_notes)] if rnd() < 0.015 else None
            contacted = updated if rnd() < 0.25 else None

            add_member((
                member_id, first[fi], last[li], pair[0], email, phone, city, region, country,
                company, job_title, school, promo, birthday, linkedin, dues, status,
                verification, verification_source, verified_at, consent,
                created if consent else None, notes, "demo", created, updated, contacted,
                # app.text.linkedin_key of the address built above, without the regex.
                "linkedin.com/in/" + linkedin[len(_LINKEDIN_PREFIX):] if linkedin else None,
            ))  # fmt: skip

            # One tag per category, except Loisirs (two distinct at most): no duplicate rows.
            if geo_tag and rnd() < 0.75:
                add_tag((member_id, geo_tag))
            if rnd() < 0.6:
                add_tag((member_id, metier_tag))
            r = rnd()
            if r > 0.45:
                a = int(rnd() * n_loisirs)
                add_tag((member_id, loisirs[a]))
                if r > 0.8:
                    b = (a + 1 + int(rnd() * (n_loisirs - 1))) % n_loisirs
                    add_tag((member_id, loisirs[b]))
            add_tag((member_id, promo_tag))

            r = rnd()
            if r < 0.5:
                a = community_table[int(rnd() * n_comm)]
                role = "moderator" if r < 0.004 else "animator" if r < 0.008 else "member"
                add_community((member_id, community_ids[a], role))
                if r > 0.35:
                    b = community_table[int(rnd() * n_comm)]
                    if b != a:
                        add_community((member_id, community_ids[b], "member"))
        return member_rows, tag_rows, community_rows

"""One description of a member's fields, read by everything that lists them.

After calibre's ``field_metadata``: each field of the member file is one `Field` line below,
saying what kind of value it holds, how validation checks it, how the search and the sort
read it, whether and under which header it is exported, which file headers the importer
takes for it, its title in the window, and where the card and the member list show it. The
services (`service`, `validation`, `query`), the import and export (`app.io`), the command
line and the window derive their lists from here; none keeps its own.

Adding a field is one line here and a migration adding its column (``tests/test_fields.py``
checks the registry against the ``member`` table of `app.store.schema`). What is not data
stays in code: a search field with its own syntax (``dues:paid``) needs a ``_field_<name>``
method in `query`, a new validation rule a function in `validation`, a new import cleaning a
method in `mapping`; a plain text field needs none of them.

The order of `FIELDS` is the order of the ``member`` columns, which is also the order of the
member list's columns (whose saved layout counts on it): a new field goes at the end of the
stored ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.messages import QT_TRANSLATE_NOOP

# text: one line; multiline: several lines (notes); date: "YYYY-MM-DD" ("0000-MM-DD" for a
# birthday without its year); timestamp: ISO 8601 in UTC; enum: one of ``values``.
Kind = Literal["text", "multiline", "int", "date", "timestamp", "bool", "enum"]
# The checks of `validation.RULES` beyond what the kind implies.
Rule = Literal["email", "phone", "linkedin", "class_year", "dues_year", "birthday"]
# name: by the folded "last, first" (sort_name); folded: accents and case ignored, empty
# values last; plain: by the stored value, missing values first.
SortKey = Literal["name", "folded", "plain"]


@dataclass(frozen=True)
class Field:
    """One field of the member file (a column of ``member`` unless ``stored`` is False)."""

    name: str
    # The window's title, translated in the "Fields" context (`ui.labels.field_title`).
    title: str
    kind: Kind
    # An enum's values, as stored (the window names them in the "Values" context).
    values: tuple[str, ...] = ()
    # The validation rule; None: the kind's check alone (free text is kept as stripped).
    rule: Rule | None = None
    # The user sets it (the card, an import, a merge); else the store does (timestamps).
    editable: bool = True
    # A column of ``member``; tags and communities are computed from their own tables.
    stored: bool = True
    # How the member list sorts on it (None: it cannot).
    sort: SortKey | None = "plain"
    # Names the search language takes for it (folded: "ville" for "Ville"), the first one
    # canonical; a ``has:`` word tests that it is set.
    search: tuple[str, ...] = ()
    has: tuple[str, ...] = ()
    # Its English export header (None: not exported), and whether exports take it unasked.
    export: str | None = None
    export_default: bool = False
    # The headers an import file may give it, folded and separated by "|" (French and English).
    aliases: str = ""
    # Its place in the member card (None: not shown), a column of the member list, and its
    # place among the list's columns shown on first start (None: hidden until asked for).
    card: int | None = None
    table: bool = False
    table_default: int | None = None


# fmt: off
FIELDS: tuple[Field, ...] = (
    Field("first_name", QT_TRANSLATE_NOOP("Fields", "First name"), "text", sort="folded",
          export="First Name", export_default=True, card=0, table=True, table_default=1,
          aliases="prenom|prenoms|prenom usuel|first name|firstname|first|given name|"
          "givenname|fname|forename"),
    Field("last_name", QT_TRANSLATE_NOOP("Fields", "Last name"), "text", sort="name",
          export="Last Name", export_default=True, card=1, table=True, table_default=0,
          aliases="nom|nom de famille|nom d usage|nom de naissance|nom patronymique|"
          "last name|lastname|last|surname|family name|familyname|lname"),
    Field("email", QT_TRANSLATE_NOOP("Fields", "Email"), "text", rule="email", sort="folded",
          has=("email", "courriel", "mail"), export="Email", export_default=True, card=2,
          table=True, table_default=3,
          aliases="email|e mail|emails|courriel|mail|mel|email address|emailaddress|"
          "e mail address|adresse e mail|adresse email|adresse mail|adresse courriel|"
          "adresse electronique"),
    Field("phone", QT_TRANSLATE_NOOP("Fields", "Phone"), "text", rule="phone", sort="folded",
          has=("phone", "telephone", "tel"), export="Phone", export_default=True, card=3,
          table=True,
          aliases="telephone|tel|phone|phone number|phonenumber|mobile|portable|mobile phone|"
          "cell|cellphone|gsm|numero de telephone|tel portable|telephone portable|"
          "telephone mobile|num tel"),
    Field("city", QT_TRANSLATE_NOOP("Fields", "City"), "text", sort="folded",
          search=("city", "ville"), export="City", export_default=True, card=9, table=True,
          table_default=4, aliases="ville|city|localite|commune|town|ville de residence"),
    Field("region", QT_TRANSLATE_NOOP("Fields", "Region"), "text", sort="folded",
          search=("region",), export="Region", export_default=True, card=10, table=True,
          aliases="region|state|province|etat"),
    Field("country", QT_TRANSLATE_NOOP("Fields", "Country"), "text", sort="folded",
          search=("country", "pays"), export="Country", export_default=True, card=11,
          table=True, aliases="pays|country|pays de residence"),
    Field("company", QT_TRANSLATE_NOOP("Fields", "Company"), "text", sort="folded",
          search=("company", "entreprise", "societe"), export="Company", export_default=True,
          card=5, table=True,
          aliases="entreprise|societe|company|company name|companyname|organisation|"
          "organization|employeur|employer|raison sociale|nom de l entreprise|structure|org"),
    Field("job_title", QT_TRANSLATE_NOOP("Fields", "Job title"), "text", sort="folded",
          search=("title", "poste", "fonction"), export="Job Title", export_default=True,
          card=6, table=True,
          aliases="poste|fonction|job title|jobtitle|title|position|titre|titre du poste|"
          "intitule du poste|metier|job"),
    Field("school", QT_TRANSLATE_NOOP("Fields", "School / programme"), "text", sort="folded",
          search=("school", "ecole"), export="School", export_default=True, card=7, table=True,
          aliases="ecole|school|formation|programme|program|diplome|cursus|filiere|degree"),
    Field("promo", QT_TRANSLATE_NOOP("Fields", "Class year"), "int", rule="class_year",
          search=("promo", "annee"), export="Class Year", export_default=True, card=8,
          table=True, table_default=2,
          aliases="promo|promotion|annee de diplome|annee de diplomation|annee de sortie|"
          "annee d obtention|annee d obtention du diplome|annee promo|class year|"
          "graduation year|class|class of|year|annee|millesime"),
    Field("birthday", QT_TRANSLATE_NOOP("Fields", "Birthday"), "date", rule="birthday",
          search=("birthday", "anniversaire"), has=("birthday", "anniversaire"),
          export="Birthday", export_default=True, card=12, table=True,
          aliases="date de naissance|anniversaire|birthday|birthdate|birth date|"
          "date of birth|dob|naissance|ne le|nee le|date naissance"),
    Field("linkedin_url", QT_TRANSLATE_NOOP("Fields", "LinkedIn"), "text", rule="linkedin",
          sort="folded", has=("linkedin",), export="LinkedIn URL", export_default=True, card=4,
          table=True,
          aliases="linkedin|profil linkedin|url linkedin|linkedin url|linkedin profile|"
          "profile url|lien linkedin|page linkedin"),
    Field("dues_last_year", QT_TRANSLATE_NOOP("Fields", "Dues paid for"), "int",
          rule="dues_year", search=("dues", "cotisation"), export="Dues Paid For", card=13,
          table=True,
          aliases="cotisation|derniere cotisation|dues|annee de cotisation|"
          "derniere annee de cotisation|annee de la derniere cotisation|cotise|adhesion|"
          "derniere adhesion|membership|dues last year|last dues"),
    Field("status", QT_TRANSLATE_NOOP("Fields", "Status"), "enum",
          values=("member", "former", "lost"), sort="folded", search=("status", "statut"),
          export="Status", card=16, table=True,
          aliases="statut|status|statut membre|membership status"),
    Field("verification", QT_TRANSLATE_NOOP("Fields", "Verification"), "enum",
          values=("unverified", "verified", "rejected"), sort="folded",
          search=("verified", "verifie"), export="Verification", card=17, table=True,
          aliases="verification|verifie|verified|statut de verification"),
    Field("verification_source", QT_TRANSLATE_NOOP("Fields", "Verified through"), "text",
          card=14, aliases="source de verification|verification source|verifie par"),
    Field("verified_at", QT_TRANSLATE_NOOP("Fields", "Verified on"), "timestamp",
          editable=False),
    # The card edits it in its Privacy box, with the other purposes (app.privacy.consent).
    Field("consent", QT_TRANSLATE_NOOP("Fields", "Newsletter consent"), "bool",
          search=("consent", "consentement"), export="Newsletter Consent", table=True,
          aliases="consentement|newsletter|opt in|optin|consent|rgpd|accord rgpd|"
          "abonne newsletter|inscrit newsletter|abonnement|email marketing|"
          "consentement newsletter"),
    Field("consent_at", QT_TRANSLATE_NOOP("Fields", "Consent given on"), "timestamp",
          editable=False),
    Field("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline", card=21,
          aliases="notes|note|commentaire|commentaires|remarque|remarques|comment|comments|"
          "observations"),
    Field("source", QT_TRANSLATE_NOOP("Fields", "Source"), "text", sort="folded",
          search=("source",), export="Source", card=15, table=True, aliases="source|origine"),
    Field("created_at", QT_TRANSLATE_NOOP("Fields", "Added"), "timestamp", editable=False,
          search=("added", "ajoute"), export="Created", table=True),
    Field("updated_at", QT_TRANSLATE_NOOP("Fields", "Updated"), "timestamp", editable=False,
          search=("updated", "modifie"), export="Updated", table=True),
    Field("last_contacted_at", QT_TRANSLATE_NOOP("Fields", "Last contacted"), "date",
          aliases="dernier contact|date du dernier contact|last contacted|last contact|"
          "last contacted at"),
    Field("updated_by", QT_TRANSLATE_NOOP("Fields", "Updated by"), "text", editable=False,
          sort="folded", export="Updated By", table=True),
    # Computed from member_tag and member_community (the card edits tags as one line).
    Field("tags", QT_TRANSLATE_NOOP("Fields", "Tags"), "text", editable=False, stored=False,
          sort=None, search=("tag", "etiquette"), export="Tags", export_default=True, card=19,
          table=True, aliases="tags|tag|etiquettes|etiquette|categories|labels"),
    Field("communities", QT_TRANSLATE_NOOP("Fields", "Communities"), "text", editable=False,
          stored=False, sort=None, search=("community", "communaute"), export="Communities",
          card=20, table=True),
)
# fmt: on

# What only an import knows: a name in one cell (split into first and last name) and
# LinkedIn's "Connected On" (recognised, not kept). Not member fields: no column, no card.
IMPORT_ONLY: tuple[Field, ...] = (
    Field("full_name", QT_TRANSLATE_NOOP("Fields", "Full name"), "text", editable=False,
          stored=False, sort=None,
          aliases="nom complet|nom prenom|prenom nom|nom et prenom|nom et prenoms|"
          "prenom et nom|identite|full name|fullname|name|display name|displayname|contact|fn"),
    Field("connected_on", QT_TRANSLATE_NOOP("Fields", "Connected on (not kept)"), "date",
          editable=False, stored=False, sort=None,
          aliases="connected on|connecte le|date de connexion"),
)  # fmt: skip

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

# Columns of ``member`` that are no field: the key, and what the store derives from fields
# (the folded name the list sorts on, the LinkedIn key imports match on).
INTERNAL_COLUMNS = ("id", "sort_name", "linkedin_key", "version")


# --- the views the rest of Amicale reads (functions of the registry, so a test can build
# --- them for a registry with one more field) -------------------------------------------


def names(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def stored_names(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """The fields that are ``member`` columns, in column order (`member show`'s values)."""
    return tuple(f.name for f in fields if f.stored)


def text_fields(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """Editable text fields: validation strips and length-checks them."""
    return tuple(f.name for f in fields if f.editable and f.kind in ("text", "multiline"))


def editable_fields(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """What the user may set (validation.normalise's keys): the text fields, then the rest."""
    text = text_fields(fields)
    return (*text, *(f.name for f in fields if f.editable and f.name not in text))


def table_columns(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """The member list's columns, in registry order (also what can be exported)."""
    return tuple(f.name for f in fields if f.table)


def table_defaults(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """The list's columns shown on first start, in their order."""
    shown = [f for f in fields if f.table_default is not None]
    return tuple(f.name for f in sorted(shown, key=lambda f: f.table_default or 0))


def card_fields(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """The member card's rows, in their order."""
    shown = [f for f in fields if f.card is not None]
    return tuple(f.name for f in sorted(shown, key=lambda f: f.card or 0))


def export_headers(fields: Sequence[Field] = FIELDS) -> dict[str, str]:
    """Each exportable field → its English header, in registry order."""
    return {f.name: f.export for f in fields if f.export is not None}


def export_defaults(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    return tuple(f.name for f in fields if f.export is not None and f.export_default)


def folded_sort(fields: Sequence[Field] = FIELDS) -> frozenset[str]:
    return frozenset(f.name for f in fields if f.sort == "folded")


def sortable(fields: Sequence[Field] = FIELDS) -> frozenset[str]:
    return frozenset(f.name for f in fields if f.sort is not None)


def search_aliases(fields: Sequence[Field] = FIELDS) -> dict[str, str]:
    """Each folded search name → the field's canonical search name."""
    return {alias: f.search[0] for f in fields for alias in f.search}


def search_columns(fields: Sequence[Field] = FIELDS) -> dict[str, str]:
    """Each canonical search name → the field it reads."""
    return {f.search[0]: f.name for f in fields if f.search}


def has_words(fields: Sequence[Field] = FIELDS) -> dict[str, str]:
    """Each ``has:`` word → the field it tests."""
    return {word: f.name for f in fields for word in f.has}


def header_aliases(fields: Sequence[Field] = FIELDS) -> dict[str, str]:
    """Each folded import header → the field it names."""
    return {h: f.name for f in fields if f.aliases for h in f.aliases.split("|")}


def importable(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """Fields an import can fill, in registry order."""
    return tuple(f.name for f in fields if f.aliases)


def show_keys(fields: Sequence[Field] = FIELDS) -> tuple[str, ...]:
    """The keys of ``amicale member show --json``: the id, the version (what a save names to
    detect someone else's save meanwhile), every stored field, the lists."""
    return ("id", "version", *stored_names(fields), *(f.name for f in fields if not f.stored))

"""Column mapping and cleaning: every header rule and value rule, and the fixtures end to end."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.io.mapping import (
    FIELDS,
    guess_mapping,
    mapping_key,
    normalise_linkedin,
    parse_consent,
    parse_date,
    parse_promo,
    record_converter,
    split_full_name,
    split_tags,
    to_record,
)
from app.io.readers import SourceRow, open_source
from app.members.validation import EDITABLE_FIELDS, MAX_TEXT, normalise

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TODAY = date(2026, 3, 12)


def row(values: dict[str, str], line: int = 2) -> SourceRow:
    return SourceRow(line, values)


def clean(
    values: dict[str, str], preset: str = "csv"
) -> tuple[dict[str, Any], list[str], list[str]]:
    headers = [h for h in values if not h.startswith("__")]
    return to_record(row(values), guess_mapping(headers, preset), preset)


# --- headers --------------------------------------------------------------------------------

SYNONYMS = {
    "first_name": ["Prénom", "First Name", "Firstname", "FNAME", "PRENOM", "prénom usuel"],
    "last_name": ["Nom", "Last Name", "Nom de famille", "LNAME", "Surname", "lastName"],
    "full_name": ["Nom complet", "Full Name", "Name", "Nom et prénom", "NOM PRÉNOM"],
    "email": [
        "Courriel", "E-mail", "Email", "Email Address", "Adresse e-mail", "Mail", "EMAIL",
        "adresse_email", "Adresse email perso", "E-mail (pro)",
    ],
    "phone": ["Téléphone", "Tél", "Tél.", "Phone", "Mobile", "Portable", "Phone Number",
              "Téléphone portable", "N° de téléphone"],
    "city": ["Ville", "City", "Ville de résidence", "Commune"],
    "region": ["Région", "Region", "State"],
    "country": ["Pays", "Country", "Pays de résidence"],
    "company": ["Entreprise", "Société", "Company", "Organisation", "Employeur",
                "Nom de l'entreprise", "Organization"],
    "job_title": ["Poste", "Fonction", "Job Title", "Title", "Position", "Poste actuel"],
    "school": ["École", "Ecole", "School", "Formation", "Programme", "Diplôme", "Nom de l'école"],
    "promo": ["Promo", "Promotion", "Année de diplôme", "Class year", "Graduation year",
              "Année de sortie", "Date du diplôme", "Promo (année)"],
    "birthday": ["Date de naissance", "Anniversaire", "Birthday", "Birthdate", "Date of birth"],
    "linkedin_url": ["LinkedIn", "Profil LinkedIn", "Profile URL", "URL LinkedIn"],
    "dues_last_year": ["Cotisation", "Dernière cotisation", "Dues", "Année de cotisation"],
    "notes": ["Notes", "Commentaire", "Remarques", "Comments"],
    "tags": ["Tags", "Étiquettes", "Etiquettes", "TAGS", "Categories"],
    "consent": ["Consentement", "Newsletter", "Opt-in", "Optin", "Consentement RGPD"],
    "status": ["Statut", "Status"],
    "last_contacted_at": ["Dernier contact", "Last contacted"],
    "connected_on": ["Connected On"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("header", "field"), [(h, f) for f, headers in SYNONYMS.items() for h in headers]
)
def test_header_synonyms(header: str, field: str) -> None:
    assert guess_mapping([header], "csv") == {header: field}


@pytest.mark.parametrize(
    "header",
    ["Adresse", "Code postal", "Lieu de naissance", "Civilité", "Col A", "", "OPTIN_TIME",
     "MEMBER_RATING", "LEID", "Nom d'utilisateur", "URL"],
)  # fmt: skip
def test_unknown_headers_are_ignored(header: str) -> None:
    assert guess_mapping([header], "csv") == {header: None}


def test_every_guessed_field_is_a_known_field() -> None:
    assert set(SYNONYMS) <= set(FIELDS)
    assert set(FIELDS) - {"full_name", "tags", "connected_on"} <= set(EDITABLE_FIELDS)


def test_a_field_is_mapped_once_first_header_wins() -> None:
    mapping = guess_mapping(["Email", "Prénom", "E-mail pro", "Courriel", "Nom"], "csv")
    assert mapping == {
        "Email": "email", "Prénom": "first_name", "E-mail pro": None, "Courriel": None,
        "Nom": "last_name",
    }  # fmt: skip
    assert list(mapping) == ["Email", "Prénom", "E-mail pro", "Courriel", "Nom"]


def test_preset_specific_headers() -> None:
    linkedin = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                "Connected On"]  # fmt: skip
    assert guess_mapping(linkedin, "linkedin") == {
        "First Name": "first_name", "Last Name": "last_name", "URL": "linkedin_url",
        "Email Address": "email", "Company": "company", "Position": "job_title",
        "Connected On": "connected_on",
    }  # fmt: skip
    assert guess_mapping(["URL"], "csv") == {"URL": None}
    mailchimp = guess_mapping(
        ["Email Address", "REGION", "CC", "Status", "OPTIN_TIME"], "mailchimp"
    )
    assert mailchimp == {
        "Email Address": "email", "REGION": None, "CC": None, "Status": "consent",
        "OPTIN_TIME": None,
    }  # fmt: skip
    assert guess_mapping(["Status", "REGION"], "csv") == {"Status": "status", "REGION": "region"}


def test_vcard_headers_all_map() -> None:
    from app.io.readers import VCARD_HEADERS

    mapping = guess_mapping(list(VCARD_HEADERS), "vcard")
    assert None not in mapping.values()
    assert mapping["Categories"] == "tags" and mapping["LinkedIn"] == "linkedin_url"


def test_mapping_key_ignores_order_case_and_accents() -> None:
    key = mapping_key(["Prénom", "Nom", "Email"])
    assert re.fullmatch(r"[0-9a-f]{32}", key)
    assert mapping_key(["email", "NOM", "prenom"]) == key
    assert mapping_key(["Prénom", "Nom"]) != key
    assert mapping_key(["Prénom", "Nom", "Email", "Ville"]) != key
    assert mapping_key(["Prénom", "Nom", "Email"]) == key  # stable across calls


# --- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        ("Lyon, Chimie", ["Lyon", "Chimie"]),
        ("Lyon;Chimie | Pharma", ["Lyon", "Chimie", "Pharma"]),
        ("Géographie/Lyon, Métier/Chimie", ["Géographie/Lyon", "Métier/Chimie"]),
        ('"tag a","tag b"', ["tag a", "tag b"]),
        ("tag a, tag b", ["tag a", "tag b"]),
        ('"Lyon, France","Bureau"', ["Lyon, France", "Bureau"]),
        ("  Lyon ,, ; lyon , LYON  ", ["Lyon"]),
        ("Lyon\nChimie", ["Lyon", "Chimie"]),
        ("  Bureau   2019 ", ["Bureau 2019"]),
        ("", []),
    ],
)
def test_split_tags(value: str, tags: list[str]) -> None:
    assert split_tags(value) == tags


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.linkedin.com/in/jean-dupont", "https://www.linkedin.com/in/jean-dupont"),
        ("http://linkedin.com/in/Jean-Dupont/", "https://www.linkedin.com/in/jean-dupont"),
        ("linkedin.com/in/jean-dupont?trk=abc#x", "https://www.linkedin.com/in/jean-dupont"),
        ("www.linkedin.com/in/jean-dupont", "https://www.linkedin.com/in/jean-dupont"),
        ("HTTPS://FR.LINKEDIN.COM/in/jean-dupont/en", "https://www.linkedin.com/in/jean-dupont"),
        ("https://www.linkedin.com/mwlite/in/jean-dupont", "https://www.linkedin.com/in/jean-dupont"),
        ("https://www.linkedin.com/in/fran%C3%A7ois-d", "https://www.linkedin.com/in/françois-d"),
        ("https://www.linkedin.com/pub/jean-dupont/1/23/456", "https://www.linkedin.com/pub/jean-dupont/1/23/456"),
        ("  https://www.linkedin.com/in/jean-dupont  ", "https://www.linkedin.com/in/jean-dupont"),
        ("https://www.linkedin.com/company/arkema", None),
        ("https://www.linkedin.com/in/", None),
        ("https://linkedin.com.evil.example/in/jean", None),
        ("https://www.facebook.com/jean.dupont", None),
        ("https://lnkd.in/abc", None),
        ("jean dupont", None),
        ("http://[::1", None),
        ("", None),
    ],
)  # fmt: skip
def test_normalise_linkedin(url: str, expected: str | None) -> None:
    assert normalise_linkedin(url) == expected


def test_normalised_urls_keep_the_matching_key_of_the_engine() -> None:
    from app.text import linkedin_key

    for url in (
        "http://fr.linkedin.com/in/HeleneLefevre/?trk=public_profile",
        "linkedin.com/in/Jean-Dupont/en",
        "https://www.linkedin.com/in/fran%C3%A7ois-d",
        "https://www.linkedin.com/pub/jean-dupont/1/23/456",
    ):
        canonical = normalise_linkedin(url)
        assert canonical is not None and linkedin_key(canonical) == linkedin_key(url)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 Mar 2024", "2024-03-12"),
        ("2024-03-12", "2024-03-12"),
        ("2024-03-12T10:30:00Z", "2024-03-12"),
        ("2024-03-12 00:00:00", "2024-03-12"),
        ("2024/3/2", "2024-03-02"),
        ("20240312", "2024-03-12"),
        ("12/03/2024", "2024-03-12"),
        ("12.03.2024", "2024-03-12"),
        ("12-03-2024", "2024-03-12"),
        ("1/3/2024", "2024-03-01"),
        ("03/25/2024", "2024-03-25"),  # only month first makes sense
        ("12/03/24", "2024-03-12"),
        ("12/03/85", "1985-03-12"),
        ("--0312", "--03-12"),
        ("--03-12", "--03-12"),
        ("--0229", "--02-29"),
        ("0000-03-12", "--03-12"),
        ("12/03", "--03-12"),
        ("12 mars 2024", "2024-03-12"),
        ("1er mars 2024", "2024-03-01"),
        ("lundi 4 mars 2024", "2024-03-04"),
        ("3 août 1988", "1988-08-03"),
        ("12 févr. 1990", "1990-02-12"),
        ("12 déc 1990", "1990-12-12"),
        ("March 12, 2024", "2024-03-12"),
        ("Tuesday, March 12th, 2024", "2024-03-12"),
        ("12-Mar-2024", "2024-03-12"),
        ("2024 March 12", "2024-03-12"),
        ("14 juillet", "--07-14"),
        ("30/02/2024", None),
        ("--1332", None),
        ("Mar 2024", None),
        ("31 avril 2024", None),
        ("hier", None),
        ("2024", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value, TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2005", 2005),
        ("promo 2005", 2005),
        ("Promo 2005", 2005),
        ("P05", 2005),
        ("P2005", 2005),
        ("X98", 1998),
        ("'05", 2005),
        ("05", 2005),
        ("31", 2031),  # up to six years ahead: current students
        ("33", 1933),
        ("2005.0", 2005),
        ("2002-2005", 2005),
        ("2002 – 2005", 2005),
        ("2002/05", 2005),
        ("Promo 2005 (entrée 2002)", 2005),
        ("Class of 2010", 2010),
        ("deux mille cinq", None),
        ("", None),
    ],
)
def test_parse_promo(value: str, expected: int | None) -> None:
    assert parse_promo(value, TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("oui", True), ("Yes", True), ("1", True), ("TRUE", True), ("x", True), ("✓", True),
        ("subscribed", True), ("Abonné", True), ("opt-in", True),
        ("non", False), ("No", False), ("0", False), ("FALSE", False), ("unsubscribed", False),
        ("cleaned", False), ("non-subscribed", False), ("Désabonné", False), ("pending", False),
        ("peut-être", None), ("", None), ("2023-01-10 10:00:00", None),
    ],
)  # fmt: skip
def test_parse_consent(value: str, expected: bool | None) -> None:
    assert parse_consent(value) is expected


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Jean Dupont", "Jean", "Dupont"),
        ("Dupont, Jean", "Jean", "Dupont"),
        ("DUPONT Jean", "Jean", "DUPONT"),
        ("Jean-Pierre DE LA FONTAINE", "Jean-Pierre", "DE LA FONTAINE"),
        ("Jean de La Fontaine", "Jean", "de La Fontaine"),
        ("Anne Van Damme", "Anne", "Van Damme"),
        ("Charles d'Artagnan", "Charles", "d'Artagnan"),
        ("Marie Claire Dupont", "Marie Claire", "Dupont"),
        ("M. Jean Dupont", "Jean", "Dupont"),
        ("Mme Émilie Dupont", "Émilie", "Dupont"),
        ("Maman", "Maman", ""),
        ("DUPONT", "", "DUPONT"),
        ("JEAN DUPONT", "JEAN", "DUPONT"),
        ("Jean Le", "Jean", "Le"),
    ],
)
def test_split_full_name(full: str, first: str, last: str) -> None:
    assert split_full_name(full) == (first, last)


# --- to_record ------------------------------------------------------------------------------


def test_record_fields_and_types() -> None:
    record, tags, warnings = clean(
        {
            "Prénom": " Émilie ", "Nom": "Dupont", "Email": "emilie@example.org",
            "Téléphone": "06 12 34 56 78", "Promo": "Promo 2005", "Date de naissance": "26/11/1982",
            "Cotisation": "2024-2025", "Newsletter": "oui", "Tags": "Lyon; Chimie",
            "LinkedIn": "linkedin.com/in/Emilie-Dupont/", "Statut": "Ancien",
            "Dernier contact": "12 mars 2024", "Notes": "ligne 1\r\nligne 2",
            "Poste": "Ingénieure\nprocédés",
        }
    )  # fmt: skip
    assert record == {
        "first_name": "Émilie", "last_name": "Dupont", "email": "emilie@example.org",
        "phone": "06 12 34 56 78", "promo": 2005, "birthday": "1982-11-26",
        "dues_last_year": 2025, "consent": True,
        "linkedin_url": "https://www.linkedin.com/in/emilie-dupont", "status": "former",
        "last_contacted_at": "2024-03-12", "notes": "ligne 1\nligne 2",
        "job_title": "Ingénieure procédés",
    }  # fmt: skip
    assert tags == ["Lyon", "Chimie"]
    assert warnings == []
    assert normalise(record)  # what the engine does next


def test_bad_values_are_dropped_with_a_warning() -> None:
    record, _, warnings = clean(
        {
            "Nom": "Dupont", "Email": "pas une adresse", "Téléphone": "bientôt",
            "Promo": "deux mille cinq", "Date de naissance": "hier", "Cotisation": "30 €",
            "LinkedIn": "https://facebook.com/x", "Newsletter": "peut-être", "Statut": "VIP",
        }
    )  # fmt: skip
    assert record == {"last_name": "Dupont"}
    assert len(warnings) == 8
    assert "email: 'pas une adresse' is not an email address; ignored" in warnings


def test_several_values_in_one_cell_keep_the_first_usable() -> None:
    record, _, warnings = clean(
        {"Email": "Jean Dupont <jean@example.org>", "Téléphone": "06 12 34 56 78 / 04 72 00 00 00"}
    )
    assert record == {"email": "jean@example.org", "phone": "06 12 34 56 78"}
    assert len(warnings) == 2
    assert clean({"Email": "mailto:jean@example.org"})[0] == {"email": "jean@example.org"}


def test_birthdays_without_a_year_are_kept_and_impossible_ones_dropped() -> None:
    for value in ("--0312", "12/03", "0000-03-12", "12 mars"):
        record, _, warnings = clean({"Nom": "X", "Anniversaire": value})
        assert record["birthday"] == "--03-12" and warnings == [], value
        assert normalise(record)["birthday"] == "0000-03-12"
    for value in ("12/03/2099", "01/01/1850", "--1332"):
        record, _, warnings = clean({"Nom": "X", "Anniversaire": value})
        assert "birthday" not in record and len(warnings) == 1, value


def test_mailchimp_birthdays_are_month_first() -> None:
    assert clean({"Birthday": "12/03"}, "mailchimp")[0] == {"birthday": "--12-03"}
    assert clean({"Birthday": "12/03"}, "csv")[0] == {"birthday": "--03-12"}  # French order


def test_full_name_is_split_only_without_first_and_last_names() -> None:
    assert clean({"Nom complet": "DUPONT Émilie"})[0] == {
        "first_name": "Émilie", "last_name": "DUPONT"
    }  # fmt: skip
    assert clean({"Nom complet": "Émilie Dupont", "Nom": "Martin"})[0] == {"last_name": "Martin"}
    assert clean({"Nom complet": "Émilie Dupont", "Nom": ""})[0] == {
        "first_name": "Émilie", "last_name": "Dupont"
    }  # fmt: skip


def test_consent_from_the_mailchimp_file_wins_and_empty_consent_is_not_set() -> None:
    assert clean({"Email": "a@b.fr", "Newsletter": "oui", "__consent": "unsubscribed"})[0] == {
        "email": "a@b.fr", "consent": False
    }  # fmt: skip
    assert clean({"Email": "a@b.fr", "__consent": "subscribed"})[0]["consent"] is True
    assert "consent" not in clean({"Email": "a@b.fr", "Newsletter": ""})[0]


def test_connected_on_is_recognised_but_not_stored() -> None:
    record, _, warnings = clean({"First Name": "Jean", "Connected On": "12 Mar 2024"}, "linkedin")
    assert record == {"first_name": "Jean"} and warnings == []


def test_cells_escaped_against_formulas_are_restored() -> None:
    record, _, _ = clean({"Nom": "'=Dupont", "Téléphone": "'+33 6 12 34 56 78", "Ville": "'Lyon"})
    assert record == {"last_name": "=Dupont", "phone": "+33 6 12 34 56 78", "city": "'Lyon"}


def test_too_long_text_is_cut() -> None:
    record, _, warnings = clean({"Notes": "x" * (MAX_TEXT + 5)})
    assert len(record["notes"]) == MAX_TEXT
    assert warnings == [f"notes: over {MAX_TEXT} characters, cut"]


def test_extra_cells_give_a_warning() -> None:
    assert clean({"Nom": "Dupont", "__extra": "2"})[2] == [
        "2 cell(s) beyond the last column ignored"
    ]


def test_warnings_are_translatable_messages() -> None:
    from app.messages import Message

    (warning,) = clean({"Email": "nope"})[2]
    assert isinstance(warning, Message)
    assert warning.template == "email: '{0}' is not an email address; ignored"


def test_a_mapping_to_absent_headers_or_none_is_harmless() -> None:
    mapping: dict[str, str | None] = {"Nom": "last_name", "Absent": "email", "Autre": None}
    assert to_record(row({"Nom": "Dupont", "Autre": "x"}), mapping, "csv")[0] == {
        "last_name": "Dupont"
    }


def test_verification_values() -> None:
    assert clean({"Vérifié": "oui"})[0] == {"verification": "verified"}
    assert clean({"Vérifié": "à vérifier"})[0] == {"verification": "unverified"}


# --- every fixture, end to end --------------------------------------------------------------

ALL = [
    "csv_utf8_bom_semicolon.csv", "csv_cp1252.csv", "csv_utf16.csv", "csv_tab.tsv",
    "csv_ragged.csv", "csv_bad_rows.csv", "linkedin_connections.csv", "mailchimp_audience.csv",
    "mailchimp_export.zip", "members.xlsx", "contacts_outlook.vcf", "contacts_v4.vcf",
    "contacts_phone.vcf",
]  # fmt: skip


@pytest.mark.parametrize("name", ALL)
def test_every_fixture_row_gives_a_valid_record(name: str) -> None:
    source = open_source(FIXTURES / name)
    mapping = guess_mapping(source.headers, source.preset)
    convert = record_converter(mapping, source.preset)
    for item in source.rows():
        if not isinstance(item, SourceRow):
            continue
        record, tags, warnings = to_record(item, mapping, source.preset)
        assert (record, tags, warnings) == convert(item)
        assert set(record) <= set(EDITABLE_FIELDS)
        normalise(record)  # never raises: bad values were dropped with a warning
        assert all(isinstance(t, str) and t for t in tags)


def test_fixture_records_in_detail() -> None:
    source = open_source(FIXTURES / "linkedin_connections.csv")
    mapping = guess_mapping(source.headers, source.preset)
    records = [
        to_record(r, mapping, "linkedin")[0] for r in source.rows() if isinstance(r, SourceRow)
    ]
    assert [r["linkedin_url"] for r in records] == [
        "https://www.linkedin.com/in/emilie-dupont-4a5b6c",
        "https://www.linkedin.com/in/jeanmartin",
        "https://www.linkedin.com/in/sophie-bernard-élec",
    ]
    assert "email" not in records[1]

    zipped = open_source(FIXTURES / "mailchimp_export.zip")
    mapping = guess_mapping(zipped.headers, zipped.preset)
    cleaned = [
        to_record(r, mapping, "mailchimp") for r in zipped.rows() if isinstance(r, SourceRow)
    ]
    assert [(r["email"], r["consent"]) for r, _, _ in cleaned] == [
        ("emilie.dupont@example.org", True),
        ("jean.martin@example.org", True),
        ("paul.leroy@example.org", False),
        ("ancienne.adresse@example.org", False),
    ]
    assert cleaned[0][1] == ["Géographie/Lyon", "Chimie"]
    assert cleaned[1][1] == ["Lyon", "Bureau 2019"]

    phone = open_source(FIXTURES / "contacts_v4.vcf")
    mapping = guess_mapping(phone.headers, "vcard")
    first = next(r for r in phone.rows() if isinstance(r, SourceRow))
    record, tags, _ = to_record(first, mapping, "vcard")
    assert tags == ["Géographie/Lyon", "Chimie, pharmacie", "Bureau"]
    assert record["birthday"] == "1970-05-21"

"""Organisations, members and the fixed demo logins."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from vamos.accounts.models import PrivacyConsent, User
from vamos.core.roles import COACH, EDITOR, TEAM_ADMIN
from vamos.organisations.models import Membership, Organisation, OrganisationApplication

K = Organisation.Kind
S = Organisation.Status

# slug, name, short name, kind, federal state, city, parent slug, status, public, founded,
# members, member clubs, communities
ORGANISATIONS = [
    (
        "bv-tuerkischer-elternvereine",
        "Bundesverband Türkischer Elternvereine",
        "BTEV",
        K.FEDERAL,
        "NW",
        "Köln",
        None,
        S.ACTIVE,
        True,
        1995,
        4200,
        38,
        "Eltern mit türkischer Einwanderungsgeschichte",
    ),
    (
        "bv-netzwerke-von-migrantenorganisationen",
        "Bundesverband Netzwerke von Migrant:innenorganisationen",
        "NeMO",
        K.FEDERAL,
        "BE",
        "Berlin",
        None,
        S.ACTIVE,
        True,
        2012,
        800,
        21,
        "Verschiedene Communities; lokale Verbünde in 21 Städten",
    ),
    (
        "lv-migrantenorganisationen-nrw",
        "Landesverband der Migrant:innenorganisationen NRW",
        "LaMO NRW",
        K.STATE,
        "NW",
        "Düsseldorf",
        None,
        S.ACTIVE,
        True,
        2008,
        1500,
        64,
        "Über 40 Herkunftsgemeinschaften",
    ),
    (
        "forum-der-kulturen-stuttgart",
        "Forum der Kulturen Stuttgart",
        "FdK",
        K.STATE,
        "BW",
        "Stuttgart",
        None,
        S.ACTIVE,
        True,
        1998,
        600,
        120,
        "Migrantische Kulturvereine",
    ),
    (
        "lv-afrikanischer-vereine-hamburg",
        "Landesverband afrikanischer Vereine Hamburg",
        "LAV HH",
        K.STATE,
        "HH",
        "Hamburg",
        None,
        S.ACTIVE,
        False,
        2011,
        350,
        17,
        "Afrikanische Diaspora in Hamburg",
    ),
    (
        "dachverband-migrantenorganisationen-sachsen",
        "Dachverband sächsischer Migrant:innenorganisationen",
        "DSM",
        K.STATE,
        "SN",
        "Dresden",
        None,
        S.ACTIVE,
        True,
        2016,
        420,
        32,
        "Vietnamesische, russischsprachige, syrische und weitere Communities",
    ),
    (
        "lv-syrischer-vereine-niedersachsen",
        "Landesverband syrischer Vereine Niedersachsen",
        "",
        K.STATE,
        "NI",
        "Hannover",
        "bv-netzwerke-von-migrantenorganisationen",
        S.ACTIVE,
        True,
        2017,
        260,
        11,
        "Syrische Community",
    ),
    (
        "bv-russischsprachiger-eltern",
        "Bundesverband russischsprachiger Eltern",
        "BVRE",
        K.FEDERAL,
        "BE",
        "Berlin",
        None,
        S.PAUSED,
        False,
        2010,
        900,
        25,
        "Russischsprachige Familien",
    ),
    (
        "elternverein-koeln-kalk",
        "Türkischer Elternverein Köln-Kalk",
        "",
        K.CLUB,
        "NW",
        "Köln",
        "bv-tuerkischer-elternvereine",
        S.ACTIVE,
        True,
        2001,
        85,
        None,
        "Eltern in Köln-Kalk",
    ),
    (
        "kulturverein-al-nour-bochum",
        "Kulturverein Al-Nour Bochum",
        "",
        K.CLUB,
        "NW",
        "Bochum",
        "lv-migrantenorganisationen-nrw",
        S.ACTIVE,
        True,
        2014,
        60,
        None,
        "Arabischsprachige Familien",
    ),
    (
        "vietnamesischer-verein-leipzig",
        "Vietnamesischer Verein Leipzig",
        "",
        K.CLUB,
        "SN",
        "Leipzig",
        "dachverband-migrantenorganisationen-sachsen",
        S.ACTIVE,
        False,
        2005,
        140,
        None,
        "Vietnamesische Community in Leipzig",
    ),
    (
        "ghanaian-union-hamburg",
        "Ghanaian Union Hamburg",
        "",
        K.CLUB,
        "HH",
        "Hamburg",
        "lv-afrikanischer-vereine-hamburg",
        S.ACTIVE,
        True,
        1999,
        210,
        None,
        "Ghanaische Community",
    ),
    (
        "stiftung-vielfalt-teilhabe",
        "Stiftung Vielfalt und Teilhabe",
        "",
        K.OTHER,
        "HE",
        "Frankfurt am Main",
        None,
        S.ACTIVE,
        True,
        2019,
        None,
        None,
        "",
    ),
    (
        "lv-polnischer-vereine-bremen",
        "Landesverband polnischer Vereine Bremen",
        "",
        K.STATE,
        "HB",
        "Bremen",
        None,
        S.APPLIED,
        False,
        2020,
        150,
        9,
        "Polnische Community",
    ),
    (
        "eritreischer-verein-frankfurt",
        "Eritreischer Kulturverein Frankfurt",
        "",
        K.CLUB,
        "HE",
        "Frankfurt am Main",
        None,
        S.APPLIED,
        False,
        2018,
        45,
        None,
        "Eritreische Community",
    ),
]

LISTED_CLUBS = [
    ("lv-migrantenorganisationen-nrw", "Griechische Gemeinde Wuppertal", "Wuppertal", "NW"),
    ("lv-migrantenorganisationen-nrw", "Kurdisches Kulturzentrum Duisburg", "Duisburg", "NW"),
    ("forum-der-kulturen-stuttgart", "Spanischer Elternverein Esslingen", "Esslingen", "BW"),
    ("bv-tuerkischer-elternvereine", "Elternverein Berlin-Neukölln", "Berlin", "BE"),
]

# email, first name, last name, language, staff group, {organisation slug: role}
DEMO_LOGINS = [
    ("team@demo.vamos.test", "Tanja", "Richter", "de", TEAM_ADMIN, {}, "team admin"),
    ("coach@demo.vamos.test", "Cem", "Yıldırım", "de", COACH, {}, "coach"),
    ("coach2@demo.vamos.test", "Clara", "Nowak", "de", COACH, {}, "coach"),
    ("redaktion@demo.vamos.test", "Rana", "Haddad", "de", EDITOR, {}, "editor (Redaktion)"),
    (
        "ayse@demo.vamos.test",
        "Ayşe",
        "Demir",
        "de",
        None,
        {"lv-migrantenorganisationen-nrw": "admin"},
        "admin of LaMO NRW (Landesverband)",
    ),
    (
        "dimitri@demo.vamos.test",
        "Dimitri",
        "Petrov",
        "en",
        None,
        {"bv-netzwerke-von-migrantenorganisationen": "member"},
        "member of NeMO (Bundesverband)",
    ),
]

# Other people (no login): two or three per organisation.
FIRST_NAMES = [
    "Amina",
    "Jonas",
    "Leyla",
    "Mehmet",
    "Sofia",
    "Yusuf",
    "Nadia",
    "Kwame",
    "Olga",
    "Thanh",
    "Fatima",
    "Luca",
    "Samira",
    "Ibrahim",
    "Elena",
    "Arash",
]
LAST_NAMES = [
    "Yilmaz",
    "Kowalski",
    "Mensah",
    "Nguyen",
    "Haddad",
    "Ivanova",
    "Schmidt",
    "Rahimi",
    "Okafor",
    "Papadopoulos",
    "Kaya",
    "Hoang",
    "Berisha",
    "Sarkis",
]


def _person(email: str, first: str, last: str, language: str, password: str | None) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, first_name=first, last_name=last, language=language)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        PrivacyConsent.objects.create(
            user=user, kind=PrivacyConsent.Kind.PRIVACY_NOTICE, version="2026-01", context="demo"
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed_people(*, password: str) -> list[tuple[str, str]]:
    organisations: dict[str, Organisation] = {}
    for row in ORGANISATIONS:
        (
            slug,
            name,
            short,
            kind,
            state,
            city,
            parent,
            status,
            public,
            founded,
            members,
            clubs,
            communities,
        ) = row
        organisation, _created = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short,
                "kind": kind,
                "federal_state": state,
                "city": city,
                "parent": organisations.get(parent) if parent else None,
                "status": status,
                "public_profile": public,
                "public_profile_consented_at": timezone.now() if public else None,
                "founded": founded,
                "members_count": members,
                "member_clubs_count": clubs,
                "communities": communities,
                "legal_form": Organisation.LegalForm.REGISTERED_ASSOCIATION,
                "description": (
                    f"{name} vernetzt und stärkt seine Mitglieder, vertritt ihre Interessen "
                    "gegenüber Politik und Verwaltung und bietet Beratung, Bildung und Begegnung."
                ),
                "website": f"https://{slug}.example.org",
                "contact_email": f"kontakt@{slug}.example.org",
                "joined_on": (
                    datetime.date(2023, 6, 1) + datetime.timedelta(days=37 * len(organisations))
                    if status != S.APPLIED
                    else None
                ),
            },
        )
        organisations[slug] = organisation

    for parent_slug, name, city, state in LISTED_CLUBS:
        Organisation.objects.get_or_create(
            parent=organisations[parent_slug],
            name=name,
            defaults={
                "slug": f"{parent_slug}-{name.lower().replace(' ', '-')}"[:80],
                "kind": K.CLUB,
                "status": S.LISTED,
                "city": city,
                "federal_state": state,
            },
        )

    logins = []
    for email, first, last, language, group, roles, label in DEMO_LOGINS:
        user = _person(email, first, last, language, password)
        if group:
            user.groups.add(Group.objects.get(name=group))
        for slug, role in roles.items():
            Membership.objects.get_or_create(
                user=user, organisation=organisations[slug], defaults={"role": role}
            )
        logins.append((email, label))

    def name(number: int) -> tuple[str, str]:
        return FIRST_NAMES[number % len(FIRST_NAMES)], LAST_NAMES[(number * 5) % len(LAST_NAMES)]

    for index, organisation in enumerate(organisations.values()):
        if organisation.status == S.APPLIED:
            first, last = name(index * 7)
            applicant = _person(f"antrag.{index}@example.org", first, last, "de", None)
            OrganisationApplication.objects.get_or_create(
                organisation=organisation,
                defaults={
                    "applicant": applicant,
                    "applicant_role": "Vorsitz",
                    "message": "Wir möchten unsere Vorstandsarbeit professionalisieren und "
                    "suchen Unterstützung bei der Fördermittelakquise.",
                },
            )
            continue
        for position in range(3):
            first, last = name(index * 3 + position)
            person = _person(f"person.{index}.{position}@example.org", first, last, "de", None)
            role = Membership.Role.ADMIN if position == 0 else Membership.Role.MEMBER
            if organisation.slug == "lv-migrantenorganisationen-nrw":
                role = Membership.Role.MEMBER  # Ayşe is this organisation's admin
            Membership.objects.get_or_create(
                user=person, organisation=organisation, defaults={"role": role}
            )
    return logins

"""Accounts and organisations: the team, 300 organisations (a third of them federations listing
3–10 member clubs) and 3,000 people in them, at 1×.

Sizes follow the programme: most organisations bring a handful of people, a few large
federations bring dozens; one person in ten belongs to two organisations. The benchmark's
organisation (``Persona.organisation``) is a typical Landesverband with 24 people; it keeps
that size at every scale (more organisations, not bigger ones).
"""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.text import slugify

from vamos.accounts.models import PrivacyConsent, User
from vamos.core.models import TopicField
from vamos.core.roles import COACH, EDITOR, TEAM_ADMIN
from vamos.organisations.models import (
    FederalState,
    Membership,
    Organisation,
    OrganisationApplication,
)

from .base import (
    CITIES,
    COMMUNITIES,
    DOMAIN,
    STATE_WEIGHTS,
    Scale,
    World,
    bulk,
    bulk_through,
    paragraph,
    person_name,
)

# Never a usable password: the benchmark signs people in with sessions it creates itself.
UNUSABLE_PASSWORD = "!bench-scale-data-has-no-passwords"  # noqa: S105 – "!" = unusable
PERSONA_ORGANISATION_SIZE = 24

PERSONAS = {
    "team_admin": ("team@bench.vamos.test", "Tanja", "Team"),
    "coach": ("coach@bench.vamos.test", "Cem", "Coach"),
    "editor": ("redaktion@bench.vamos.test", "Rana", "Redaktion"),
    "org_admin": ("admin@bench.vamos.test", "Ayşe", "Ansprechperson"),
    "member": ("member@bench.vamos.test", "Dimitri", "Mitglied"),
}

KINDS = [
    (Organisation.Kind.FEDERAL, 10),
    (Organisation.Kind.STATE, 40),
    (Organisation.Kind.CLUB, 40),
    (Organisation.Kind.OTHER, 10),
]
STATUSES = [
    (Organisation.Status.ACTIVE, 90),
    (Organisation.Status.PAUSED, 4),
    (Organisation.Status.APPLIED, 4),
    (Organisation.Status.LEFT, 2),
]
NAME_PARTS = {
    Organisation.Kind.FEDERAL: "Bundesverband",
    Organisation.Kind.STATE: "Landesverband",
    Organisation.Kind.CLUB: "Verein",
    Organisation.Kind.OTHER: "Netzwerk",
}
NAME_TOPICS = [
    "der Migrant:innenorganisationen",
    "türkeistämmiger Vereine",
    "syrischer Initiativen",
    "afrikanischer Diaspora-Organisationen",
    "russischsprachiger Vereine",
    "vietnamesischer Vereine",
    "lateinamerikanischer Vereine",
    "iranischer Vereine",
    "südosteuropäischer Vereine",
    "der Elternvereine",
    "der Frauenorganisationen",
    "der Jugendorganisationen",
    "der Kulturvereine",
    "der Sportvereine",
]


def seed(scale: Scale, world: World) -> None:
    world.topic_fields = list(TopicField.objects.order_by("sort_order"))
    _staff(scale, world)
    _organisations(scale, world)
    _people(scale, world)


def _user(scale: Scale, email: str, first: str, last: str, *, joined_days: int) -> User:
    return User(
        email=email,
        first_name=first,
        last_name=last,
        password=UNUSABLE_PASSWORD,
        language="en" if scale.chance(0.15) else "de",
        is_active=True,
        date_joined=scale.days_ago(joined_days),
        last_login=scale.days_ago(scale.rng.randint(0, 60)),
    )


def _staff(scale: Scale, world: World) -> None:
    users = []
    roles = []
    for role, group, count in (
        ("team_admin", TEAM_ADMIN, 3),
        ("coach", COACH, scale.n(15)),
        ("editor", EDITOR, 3),
    ):
        for index in range(count):
            if index == 0:
                email, first, last = PERSONAS[role]
            else:
                first, last = person_name(scale)
                email = f"{role.replace('_', '-')}{index}@{DOMAIN}"
            users.append(_user(scale, email, first, last, joined_days=900))
            roles.append((role, group))
    users = bulk(User, users, now=scale.now)
    groups = {g.name: g.pk for g in Group.objects.all()}
    bulk_through(
        User.groups, [(u.pk, groups[group]) for u, (_r, group) in zip(users, roles, strict=True)]
    )
    for user, (role, _group) in zip(users, roles, strict=True):
        {"team_admin": world.team_admins, "coach": world.coaches, "editor": world.editors}[
            role
        ].append(user)
    for role in ("team_admin", "coach", "editor"):
        world.personas[role] = {
            "team_admin": world.team_admins,
            "coach": world.coaches,
            "editor": world.editors,
        }[role][0]
    _emails(scale, users)


def _organisations(scale: Scale, world: World) -> None:
    states = list(STATE_WEIGHTS)
    weights = list(STATE_WEIGHTS.values())
    orgs: list[Organisation] = []
    used_slugs: set[str] = set()
    for index in range(scale.n(300)):
        if index == 0:
            kind, status, state = Organisation.Kind.STATE, Organisation.Status.ACTIVE, "NW"
            name = "Landesverband der Migrant:innenorganisationen NRW (Benchmark)"
        else:
            kind = scale.weighted([k for k, _w in KINDS], [w for _k, w in KINDS])
            status = scale.weighted([s for s, _w in STATUSES], [w for _s, w in STATUSES])
            state = scale.weighted(states, weights)
            name = (
                f"{NAME_PARTS[kind]} {scale.pick(NAME_TOPICS)} "
                f"{FederalState(state).label if kind != Organisation.Kind.FEDERAL else ''}"
            ).strip()
        orgs.append(_organisation(scale, name, kind, status, state, index, used_slugs))
    orgs = bulk(Organisation, orgs, now=scale.now)
    registered = [o for o in orgs if o.is_registered]
    world.organisations = registered
    world.persona_organisation = orgs[0]  # type: ignore[attr-defined]
    world.personas["organisation"] = orgs[0]
    # A third of the organisations are federations that list 3–10 member clubs.
    federations = [o for o in registered if o.is_federation][: max(1, len(orgs) // 3)]
    world.federations = federations
    clubs: list[Organisation] = []
    for federation in federations:
        for n in range(scale.rng.randint(3, 10)):
            club = _organisation(
                scale,
                f"{scale.pick(['Kulturverein', 'Elternverein', 'Frauenverein', 'Jugendverein'])} "
                f"{scale.pick(CITIES[federation.federal_state or 'NW'])} {n + 1}",
                Organisation.Kind.CLUB,
                Organisation.Status.LISTED,
                federation.federal_state or "NW",
                len(orgs) + len(clubs),
                used_slugs,
            )
            club.parent_id = federation.pk
            clubs.append(club)
    bulk(Organisation, clubs, now=scale.now)
    # Some member clubs with accounts belong to a federation as well.
    for org in registered:
        if org.kind == Organisation.Kind.CLUB and federations and scale.chance(0.5):
            org.parent_id = scale.pick(federations).pk
    Organisation.objects.bulk_update(
        [o for o in registered if o.parent_id], ["parent"], batch_size=500
    )
    applications = [
        OrganisationApplication(
            organisation_id=org.pk,
            applicant_role="Vorstand",
            message=paragraph(scale, 2),
            submitted_at=scale.days_ago((scale.today - org.joined_on).days + 14)
            if org.joined_on
            else scale.days_ago(scale.rng.randint(1, 30)),
            decision=(
                OrganisationApplication.Decision.PENDING
                if org.status == Organisation.Status.APPLIED
                else OrganisationApplication.Decision.APPROVED
            ),
            decided_at=None if org.status == Organisation.Status.APPLIED else org.created_at,
            decided_by_id=None
            if org.status == Organisation.Status.APPLIED
            else world.team_admins[0].pk,
        )
        for org in orgs
    ]
    bulk(OrganisationApplication, applications, now=scale.now)
    world.counts["organisations"] = len(orgs)
    world.counts["member clubs listed"] = len(clubs)


def _organisation(
    scale: Scale,
    name: str,
    kind: str,
    status: str,
    state: str,
    index: int,
    used_slugs: set[str],
) -> Organisation:
    slug = slugify(name)[:70] or "organisation"
    if slug in used_slugs:
        slug = f"{slug[:70]}-{index}"
    used_slugs.add(slug)
    joined_days = scale.rng.randint(30, 1100)
    registered = status not in (Organisation.Status.APPLIED, Organisation.Status.LISTED)
    return Organisation(
        name=name,
        short_name="".join(word[0] for word in name.split() if word[:1].isupper())[:12],
        slug=slug,
        kind=kind,
        federal_state=state,
        city=scale.pick(CITIES[state]),
        legal_form="ev",
        founded=scale.rng.randint(1965, 2022),
        member_clubs_count=scale.rng.randint(3, 60) if kind != Organisation.Kind.CLUB else None,
        members_count=scale.rng.randint(20, 4000),
        communities=scale.pick(COMMUNITIES),
        description=paragraph(scale, 3),
        website=f"https://{slug[:40]}.example.org",
        contact_email=f"info@{slug[:40]}.example.org",
        public_profile=registered and scale.chance(0.6),
        status=status,
        joined_on=scale.date_ago(joined_days) if registered else None,
        created_at=scale.days_ago(joined_days + 14),
        updated_at=scale.days_ago(scale.rng.randint(0, joined_days)),
    )


def _people(scale: Scale, world: World) -> None:
    organisations = world.organisations
    total = scale.n(3000)
    persona_org = world.personas["organisation"]
    # Skewed sizes: a few large federations, many small organisations.
    weights = [
        0.0
        if org.pk == persona_org.pk
        else (6.0 if org.is_federation else 1.0) * scale.rng.uniform(0.3, 1.7)
        for org in organisations
    ]
    remaining = total - PERSONA_ORGANISATION_SIZE
    sizes = {org.pk: 1 for org in organisations}  # everyone has at least their admin
    sizes[persona_org.pk] = PERSONA_ORGANISATION_SIZE
    remaining -= len(organisations) - 1
    for org in scale.rng.choices(organisations, weights=weights, k=max(0, remaining)):
        sizes[org.pk] += 1
    users: list[User] = []
    owners: list[int] = []
    for org in organisations:
        for index in range(sizes[org.pk]):
            if org.pk == persona_org.pk and index < 2:
                role = ("org_admin", "member")[index]
                email, first, last = PERSONAS[role]
            else:
                first, last = person_name(scale)
                email = f"p{len(users)}@{DOMAIN}"
            joined = (scale.today - org.joined_on).days if org.joined_on else 30
            users.append(_user(scale, email, first, last, joined_days=scale.rng.randint(1, joined)))
            owners.append(org.pk)
    users = bulk(User, users, now=scale.now)
    world.people = users
    world.user_by_id = {u.pk: u for u in users}
    world.personas["org_admin"] = users[owners.index(persona_org.pk)]
    world.personas["member"] = users[owners.index(persona_org.pk) + 1]
    memberships: list[Membership] = []
    seen_first: set[int] = set()
    for user, org_pk in zip(users, owners, strict=True):
        first_of_org = org_pk not in seen_first
        seen_first.add(org_pk)
        is_admin = first_of_org or (user.email != PERSONAS["member"][0] and scale.chance(0.06))
        memberships.append(
            Membership(
                user_id=user.pk,
                organisation_id=org_pk,
                role=Membership.Role.ADMIN if is_admin else Membership.Role.MEMBER,
                created_at=user.date_joined,
                updated_at=user.date_joined,
            )
        )
        world.members_of.setdefault(org_pk, []).append(user.pk)
        if is_admin:
            world.admins_of.setdefault(org_pk, []).append(user.pk)
        world.organisation_of[user.pk] = org_pk
    # One person in ten also belongs to a second organisation (a member club, a federation).
    for user, org_pk in zip(users, owners, strict=True):
        if user.email.endswith(DOMAIN) and scale.chance(0.1):
            other = scale.pick(organisations)
            if other.pk != org_pk and other.pk != persona_org.pk:
                memberships.append(
                    Membership(
                        user_id=user.pk,
                        organisation_id=other.pk,
                        role=Membership.Role.MEMBER,
                        created_at=user.date_joined,
                        updated_at=user.date_joined,
                    )
                )
                world.members_of[other.pk].append(user.pk)
    bulk(Membership, memberships, now=scale.now)
    bulk(
        PrivacyConsent,
        [
            PrivacyConsent(
                user_id=u.pk,
                kind=PrivacyConsent.Kind.PRIVACY_NOTICE,
                version="2026-01",
                given_at=u.date_joined,
                context="signup",
            )
            for u in users
        ],
        now=scale.now,
    )
    _emails(scale, users)
    world.counts["people"] = len(users) + len(world.team_admins + world.coaches + world.editors)
    world.counts["memberships"] = len(memberships)


def _emails(scale: Scale, users: list[Any]) -> None:
    bulk(
        EmailAddress,
        [EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True) for u in users],
        now=scale.now,
    )
